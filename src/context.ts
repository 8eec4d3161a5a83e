import type { Config } from './config/index.ts';
import type { DbHandle } from './db/index.ts';
import type { Clock } from './kernel/clock.ts';
import type { PolicyPack } from './policy/index.ts';
import type { AuditService } from './modules/audit/index.ts';
import type { NotificationsService } from './modules/notifications/index.ts';
import type { PlatformsService } from './modules/platforms/index.ts';
import type { IdentityService } from './modules/identity/index.ts';
import type { PolicyVersionsService } from './modules/policy-versions/index.ts';
import type { ExceptionsService } from './modules/exceptions/index.ts';
import type { PeopleService } from './modules/people/index.ts';
import type { VaultService } from './modules/vault/index.ts';
import type { OffdutyService } from './modules/offduty/index.ts';
import type { ReviewsService } from './modules/reviews/index.ts';
import type { AttachmentsService } from './modules/attachments/index.ts';
import type { ScreeningService } from './modules/screening/index.ts';
import type { PostsService } from './modules/posts/index.ts';
import type { CommentsService } from './modules/comments/index.ts';
import type { BansService } from './modules/bans/index.ts';
import type { AppealsService } from './modules/appeals/index.ts';
import type { LegislativeAccountsService } from './modules/legislative-accounts/index.ts';
import type { ModerationReportsService } from './modules/moderation-reports/index.ts';
import type { RecordsRequestsService } from './modules/records-requests/index.ts';
import type { ArchiveService } from './modules/archive/index.ts';
import type { ArchiveSearchService } from './modules/archive-search/index.ts';
import type { LegalHoldsService } from './modules/legal-holds/index.ts';
import type { RetentionService } from './modules/retention/index.ts';
import type { ProductionsService } from './modules/productions/index.ts';
import type { ArchiveImportJobs } from './modules/archive-import/index.ts';
import type { RedactionsService } from './modules/redactions/index.ts';
import type { ConnectorFactory } from './ports/platform-connector.ts';

/**
 * Everything the HTTP tier, jobs and CLI reach the domain through. Built once by main.ts.
 * Each module adds its service here (one line) when it lands.
 */
export interface AppContext {
  config: Config;
  db: DbHandle;
  clock: Clock;
  /** The loaded policy pack (the City's policy as data). */
  pack: PolicyPack;
  audit: AuditService;
  notifications: NotificationsService;
  platforms: PlatformsService;
  identity: IdentityService;
  policyVersions: PolicyVersionsService;
  exceptions: ExceptionsService;
  people: PeopleService;
  vault: VaultService;
  attachments: AttachmentsService;
  offduty: OffdutyService;
  reviews: ReviewsService;
  screening: ScreeningService;
  posts: PostsService;
  comments: CommentsService;
  bans: BansService;
  appeals: AppealsService;
  legislativeAccounts: LegislativeAccountsService;
  moderationReports: ModerationReportsService;
  recordsRequests: RecordsRequestsService;
  archive: ArchiveService;
  archiveSearch: ArchiveSearchService;
  legalHolds: LegalHoldsService;
  retention: RetentionService;
  productions: ProductionsService;
  archiveImports: ArchiveImportJobs;
  connectors: ConnectorFactory;
  redactions: RedactionsService;
}
