import { useApi } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

interface Activity {
  id: string;
  kind: 'reaction' | 'response';
  personName: string;
  platformName: string;
  handle: string;
  postRemoteId: string;
  reaction: string | null;
  otherPersonName: string | null;
  occurredAt: string | null;
  recordedAt: string;
}

/** What the guard flagged beyond comments (IV.B): members' reactions to City posts, and members answering each other. */
export function LegislativeActivity() {
  const res = useApi<{ items: Activity[] }>('/api/legislative-accounts/activity?limit=100');
  const items = res.data?.items ?? [];
  return (
    <>
      {res.loading && !res.data && <Loading />}
      <ErrorAlert error={res.error} />
      {res.data && (
        <TableScroll label="Flagged reactions and responses">
          <table className="usa-table usa-table--borderless crier-table">
            <caption>
              {items.length} flagged item{items.length === 1 ? '' : 's'}, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">What</th>
                <th scope="col">Platform</th>
                <th scope="col">City post</th>
                <th scope="col">Flagged</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.personName} <span className="text-base">({a.handle})</span>
                  </th>
                  <td>{a.kind === 'reaction' ? `Reacted: ${a.reaction ?? 'reaction'}` : `Answered ${a.otherPersonName ?? 'another member'} (possible serial meeting)`}</td>
                  <td>{a.platformName}</td>
                  <td>{a.postRemoteId}</td>
                  <td>{formatDateTime(a.recordedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
