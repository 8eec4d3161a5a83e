import { Link } from 'react-router-dom';
import { useApi } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatDateTime, platformStatusLabel } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { RotationTasks } from './RotationTasks.tsx';
import { kindLabel, type PlatformHoldings } from './types.ts';

/** The IT Manager's view of the vault (IV.C.15(i)(ii)): what is held per platform, and what must be rotated. */
export function VaultPage() {
  const res = useApi<{ platforms: PlatformHoldings[] }>('/api/vault/credentials');
  const list = res.data?.platforms ?? [];
  return (
    <Page title="Credentials">
      <p>The IT Manager's Office holds every platform's credentials, encrypted (IV.C.15(i)(ii)). Values are shown only on a platform's page, with a reason.</p>
      <Section title="Credential status by platform" id="holdings">
        {res.loading && !res.data && <Loading />}
        <ErrorAlert error={res.error} />
        {res.data && (
          <TableScroll label="Credential status by platform">
            <table className="usa-table usa-table--borderless crier-table" data-testid="vault-table">
              <caption>
                {list.length} platform{list.length === 1 ? '' : 's'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Platform</th>
                  <th scope="col">State</th>
                  <th scope="col">Held</th>
                  <th scope="col">Last submitted</th>
                  <th scope="col">Tokens expiring within 30 days</th>
                  <th scope="col">Open rotations</th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.platformId}>
                    <th scope="row">
                      <Link to={`/platforms/${p.platformId}#credentials`}>{p.platformName}</Link>
                    </th>
                    <td>{platformStatusLabel(p.status)}</td>
                    <td>{p.held.length ? p.held.map(kindLabel).join(', ') : 'Nothing held'}</td>
                    <td>{formatDateTime(p.lastSubmittedAt)}</td>
                    <td>{p.expiringTokens.length ? p.expiringTokens.map((t) => `${t.name} (${formatDate(t.expiresAt)})`).join(', ') : '—'}</td>
                    <td>{p.openRotations}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>
      <Section title="Open rotation tasks" id="rotations">
        <RotationTasks onChange={res.reload} />
      </Section>
    </Page>
  );
}
