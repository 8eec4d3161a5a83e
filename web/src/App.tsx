import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useSession } from './api/session.tsx';
import { Layout } from './components/Layout.tsx';
import { Loading, Page } from './components/Page.tsx';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { DashboardPage } from './features/dashboard/DashboardPage.tsx';
import { PeoplePage } from './features/people/PeoplePage.tsx';
import { PersonDetailPage } from './features/people/PersonDetailPage.tsx';
import { PlatformsPage } from './features/platforms/PlatformsPage.tsx';
import { PlatformDetailPage } from './features/platforms/PlatformDetailPage.tsx';
import { AppsPage } from './features/platforms/AppsPage.tsx';
import { AccountPage } from './features/account/AccountPage.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { ExceptionsPage } from './features/exceptions/ExceptionsPage.tsx';
import { CommentPolicyPage } from './features/public/CommentPolicyPage.tsx';
import { DisclaimersPage } from './features/public/DisclaimersPage.tsx';
import { PolicyPage } from './features/public/PolicyPage.tsx';
import { VaultPage } from './features/vault/VaultPage.tsx';
import { PostsPage } from './features/posts/PostsPage.tsx';
import { ComposePage } from './features/posts/ComposePage.tsx';
import { PostDetailPage } from './features/posts/PostDetailPage.tsx';
import { OffdutyPage } from './features/offduty/OffdutyPage.tsx';
import { ReviewsPage } from './features/reviews/ReviewsPage.tsx';
import { ModerationPage } from './features/moderation/ModerationPage.tsx';
import { ModerationSettingsPage } from './features/moderation/SettingsPage.tsx';
import { AppealPage } from './features/public/AppealPage.tsx';
import { AppealStatusPage } from './features/public/AppealStatusPage.tsx';
import { TransparencyPage } from './features/public/TransparencyPage.tsx';
import { BansPage } from './features/bans/BansPage.tsx';
import { AppealsPage } from './features/bans/AppealsPage.tsx';
import { LegislativeAccountsPage } from './features/bans/LegislativeAccountsPage.tsx';
import { ModerationReportsPage } from './features/bans/ModerationReportsPage.tsx';
import { DeskPage as RecordsDeskPage } from './features/records-requests/DeskPage.tsx';
import { RequestPage as RecordsRequestPage } from './features/records-requests/RequestPage.tsx';
import { PublicRequestPage as PublicRecordsRequestPage } from './features/records-requests/PublicRequestPage.tsx';
import { ReadingRoomPage } from './features/reading-room/ReadingRoomPage.tsx';
import { PublicStatusPage as PublicRecordsStatusPage } from './features/records-requests/PublicStatusPage.tsx';
import { RetentionPage } from './features/retention/RetentionPage.tsx';
import { LegalHoldsPage } from './features/legal-holds/LegalHoldsPage.tsx';
import { ProductionsPage } from './features/productions/ProductionsPage.tsx';
import { ArchiveImportsPage } from './features/archive-imports/ArchiveImportsPage.tsx';
import { ArchiveSearchPage } from './features/archive-search/ArchiveSearchPage.tsx';

/** Pages behind sign-in: anyone else is sent to the sign-in page and brought back afterwards. */
function RequireSession({ children }: { children: ReactNode }) {
  const { session, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!session.authenticated) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}

function NotFound() {
  return (
    <Page title="Page not found">
      <p>There is no page at this address. Use the navigation to find what you need.</p>
    </Page>
  );
}

export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/public/comment-policy" element={<CommentPolicyPage />} />
        <Route path="/public/disclaimers" element={<DisclaimersPage />} />
        <Route path="/public/policy" element={<PolicyPage />} />
        <Route path="/public/transparency" element={<TransparencyPage />} />
        <Route path="/public/appeal" element={<AppealPage />} />
        <Route path="/public/appeals/:id" element={<AppealStatusPage />} />
        <Route path="/public/records-request" element={<PublicRecordsRequestPage />} />
        <Route path="/public/reading-room" element={<ReadingRoomPage />} />
        <Route path="/public/records-requests/:reference" element={<PublicRecordsStatusPage />} />
        <Route path="/" element={<RequireSession><DashboardPage /></RequireSession>} />
        <Route path="/people" element={<RequireSession><PeoplePage /></RequireSession>} />
        <Route path="/people/:id" element={<RequireSession><PersonDetailPage /></RequireSession>} />
        <Route path="/platforms" element={<RequireSession><PlatformsPage /></RequireSession>} />
        <Route path="/platforms/:id" element={<RequireSession><PlatformDetailPage /></RequireSession>} />
        <Route path="/apps" element={<RequireSession><AppsPage /></RequireSession>} />
        <Route path="/audit" element={<RequireSession><AuditPage /></RequireSession>} />
        <Route path="/exceptions" element={<RequireSession><ExceptionsPage /></RequireSession>} />
        <Route path="/vault" element={<RequireSession><VaultPage /></RequireSession>} />
        <Route path="/posts" element={<RequireSession><PostsPage /></RequireSession>} />
        <Route path="/posts/new" element={<RequireSession><ComposePage /></RequireSession>} />
        <Route path="/posts/:id" element={<RequireSession><PostDetailPage /></RequireSession>} />
        <Route path="/posts/:id/edit" element={<RequireSession><ComposePage /></RequireSession>} />
        <Route path="/offduty" element={<RequireSession><OffdutyPage /></RequireSession>} />
        <Route path="/reviews" element={<RequireSession><ReviewsPage /></RequireSession>} />
        <Route path="/moderation" element={<RequireSession><ModerationPage /></RequireSession>} />
        <Route path="/moderation/settings" element={<RequireSession><ModerationSettingsPage /></RequireSession>} />
        <Route path="/bans" element={<RequireSession><BansPage /></RequireSession>} />
        <Route path="/appeals" element={<RequireSession><AppealsPage /></RequireSession>} />
        <Route path="/legislative-accounts" element={<RequireSession><LegislativeAccountsPage /></RequireSession>} />
        <Route path="/moderation-reports" element={<RequireSession><ModerationReportsPage /></RequireSession>} />
        <Route path="/records-requests" element={<RequireSession><RecordsDeskPage /></RequireSession>} />
        <Route path="/records-requests/:id" element={<RequireSession><RecordsRequestPage /></RequireSession>} />
        <Route path="/retention" element={<RequireSession><RetentionPage /></RequireSession>} />
        <Route path="/legal-holds" element={<RequireSession><LegalHoldsPage /></RequireSession>} />
        <Route path="/productions" element={<RequireSession><ProductionsPage /></RequireSession>} />
        <Route path="/archive/imports" element={<RequireSession><ArchiveImportsPage /></RequireSession>} />
        <Route path="/archive/search" element={<RequireSession><ArchiveSearchPage /></RequireSession>} />
        <Route path="/account" element={<RequireSession><AccountPage /></RequireSession>} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Layout>
  );
}
