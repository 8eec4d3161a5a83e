import type { AuditEvent } from '../../api/types.ts';
import { ClauseList } from '../../components/ClauseList.tsx';
import { formatDateTime } from '../../components/format.ts';

const json = (v: unknown) => JSON.stringify(v, null, 2);

export function AuditRow({ event: e }: { event: AuditEvent }) {
  const hasDetail = e.before != null || e.after != null || e.reason;
  return (
    <tr data-seq={e.seq}>
      <td>{e.seq}</td>
      <td>
        <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
      </td>
      <td>{e.actorLabel}</td>
      <td>
        <code>{e.action}</code>
      </td>
      <th scope="row">
        {e.targetLabel ?? e.targetId ?? '—'}
        <div className="font-sans-3xs text-normal">{e.targetType}</div>
      </th>
      <td>
        <ClauseList ids={e.clauses} inline />
      </td>
      <td>
        {hasDetail ? (
          <details>
            <summary>Before and after</summary>
            {e.reason && (
              <p>
                <strong>Reason:</strong> {e.reason}
              </p>
            )}
            {e.before != null && (
              <>
                <p className="margin-bottom-05">
                  <strong>Before</strong>
                </p>
                <pre className="crier-json" tabIndex={0} aria-label="Before">{json(e.before)}</pre>
              </>
            )}
            {e.after != null && (
              <>
                <p className="margin-bottom-05">
                  <strong>After</strong>
                </p>
                <pre className="crier-json" tabIndex={0} aria-label="After">{json(e.after)}</pre>
              </>
            )}
          </details>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}
