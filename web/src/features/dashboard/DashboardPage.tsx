import { Link } from 'react-router-dom';
import { hasRole, useSession } from '../../api/session.tsx';
import { useApi } from '../../api/useApi.ts';
import { listOf, type AuthorizationResult, type Platform } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { platformStatusLabel } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { AuthorizationTable } from '../people/AuthorizationTable.tsx';
import { NotificationsList } from './NotificationsList.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { ReviewsPanel } from '../reviews/ReviewsPanel.tsx';

const LIFECYCLE = ['requested', 'it_reviewed', 'council_approved', 'active', 'terminated'];

export function DashboardPage() {
  const { session } = useSession();
  const me = session.person;
  const platforms = useApi<unknown>('/api/platforms');
  const auth = useApi<unknown>(me ? `/api/people/${encodeURIComponent(me.id)}/authorization` : null);
  const list = listOf<Platform>(platforms.data, 'platforms');
  const names = new Map(list.map((p) => [p.id, p.name]));
  const results = listOf<AuthorizationResult>(auth.data, 'results', 'platforms', 'authorizations');
  const authorizedCount = results.filter((r) => r.authorized).length;

  return (
    <Page title="Dashboard" lead={me ? `Welcome, ${me.name}.` : undefined}>
      <Section title="At a glance" id="glance">
        <ul className="crier-stat-list">
          <li className="crier-stat">
            <span className="crier-stat__value">{list.length}</span> platforms registered
          </li>
          <li className="crier-stat">
            <span className="crier-stat__value">{list.filter((p) => p.status === 'active').length}</span> active
          </li>
          <li className="crier-stat">
            <span className="crier-stat__value">{authorizedCount}</span> you may post to
          </li>
        </ul>
      </Section>

      <Section title="Your authorization" id="my-authorization">
        <p>
          You may post to a platform only once you are designated, have signed the acknowledgement of the current policy and completed training for that
          platform (IV.A.2, IV.C.3).{' '}
          {me && <Link to={`/people/${me.id}`}>See your record</Link>}
        </p>
        {auth.loading && <Loading />}
        <ErrorAlert error={auth.error} />
        {auth.data !== undefined && <AuthorizationTable results={results} platformNames={names} caption="Your authorization per platform" />}
      </Section>

      {hasRole(session, 'public_information_analyst', 'department_head') && (
        <Section title="My platform reviews" id="my-reviews">
          <ReviewsPanel mine />
        </Section>
      )}

      <Section title="Notifications" id="notifications">
        <NotificationsList />
      </Section>

      <Section title="Platforms by lifecycle state" id="platforms-by-state">
        {platforms.loading && <Loading />}
        <ErrorAlert error={platforms.error} />
        {platforms.data !== undefined && (
          <TableScroll label="Platform counts by state">
          <table className="usa-table usa-table--borderless crier-table">
            <caption>Number of platforms in each state; follow a state to see them.</caption>
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">Platforms</th>
              </tr>
            </thead>
            <tbody>
              {[...LIFECYCLE, ...new Set(list.map((p) => p.status).filter((s) => !LIFECYCLE.includes(s)))].map((s) => {
                const n = list.filter((p) => p.status === s).length;
                return (
                  <tr key={s}>
                    <th scope="row">
                      <StatusTag status={s} label={platformStatusLabel(s)} subject="count" />
                    </th>
                    <td>{n > 0 ? <Link to={`/platforms?status=${s}`}>{n}</Link> : 0}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          </TableScroll>
        )}
      </Section>
    </Page>
  );
}
