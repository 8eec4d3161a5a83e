import { Link } from 'react-router-dom';
import type { AuthorizationResult } from '../../api/types.ts';
import { ClauseList } from '../../components/ClauseList.tsx';
import { formatDate } from '../../components/format.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useSession } from '../../api/session.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

/**
 * The authorization gate's answer per platform (IV.A.2, IV.C.3): authorized, or every unmet
 * requirement with the clause it rests on.
 */
export function AuthorizationTable({ results, platformNames, caption }: { results: AuthorizationResult[]; platformNames?: Map<string, string>; caption: string }) {
  const { clauseTitle } = useSession();
  if (results.length === 0) return <p>No platforms to check yet.</p>;
  return (
    <TableScroll label="Authorization per platform">
    <table className="usa-table usa-table--borderless crier-table" data-testid="authorization-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Platform</th>
          <th scope="col">Status</th>
          <th scope="col">Unmet requirements</th>
        </tr>
      </thead>
      <tbody>
        {results.map((r) => (
          <tr key={r.platformId} data-platform-id={r.platformId}>
            <th scope="row">
              <Link to={`/platforms/${r.platformId}`}>{r.platformName ?? platformNames?.get(r.platformId) ?? r.platformId}</Link>
            </th>
            <td>
              {r.authorized ? <StatusTag status="authorized" label="Authorized" /> : <StatusTag status="not authorized" label="Not authorized" />}
              {r.basis && <div className="font-sans-3xs margin-top-05">{r.basis === 'definition' ? 'By role (II)' : 'By designation (IV.C.5)'}</div>}
              {r.reacknowledgeBy && <div className="font-sans-3xs margin-top-05">Re-acknowledge the amended policy by {formatDate(r.reacknowledgeBy)}</div>}
            </td>
            <td>
              {r.unmet.length === 0 ? (
                'None'
              ) : (
                <ul className="usa-list crier-unmet">
                  {r.unmet.map((u) => (
                    <li key={u.clause + u.message}>
                      <span className="crier-clause-id">{u.clause}</span>
                      {(u.title ?? clauseTitle(u.clause)) && ` — ${u.title ?? clauseTitle(u.clause)}`}: {u.message}
                      {u.clauses.length > 1 && (
                        <>
                          {' '}
                          (also <ClauseList ids={u.clauses.filter((c) => c !== u.clause)} inline />)
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {r.exceptions && r.exceptions.length > 0 && (
                <ul className="usa-list">
                  {r.exceptions.map((x) => (
                    <li key={x.exception.id}>
                      {x.clause} waived by Council exception (agenda item {x.exception.agendaItem}, {formatDate(x.exception.councilApprovedOn)})
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}
