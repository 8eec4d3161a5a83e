import { useState } from 'react';
import type { AuditEvent } from '../../api/types.ts';
import { ClauseList } from '../../components/ClauseList.tsx';
import { formatDay, formatTime } from '../../components/format.ts';

const json = (v: unknown) => JSON.stringify(v, null, 2);

/** One event; its before/after (and reason) open in a full-width row beneath it. */
export function AuditRow({ event: e }: { event: AuditEvent }) {
  const [open, setOpen] = useState(false);
  const hasDetail = e.before != null || e.after != null || Boolean(e.reason);
  const detailId = `audit-detail-${e.seq}`;
  return (
    <>
      <tr data-seq={e.seq}>
        <td>{e.seq}</td>
        <td>
          <time dateTime={e.occurredAt}>
            <span className="crier-nowrap">{formatDay(e.occurredAt)}</span>{' '}
            <span className="crier-nowrap">{formatTime(e.occurredAt)}</span>
          </time>
        </td>
        <td>{e.actorLabel}</td>
        <td>
          <code className="crier-action">
            {e.action.split('.').map((part, i) => (
              <span key={i}>
                {i > 0 && (
                  <>
                    .<wbr />
                  </>
                )}
                {part}
              </span>
            ))}
          </code>
        </td>
        <th scope="row">
          {e.targetLabel ?? e.targetId ?? '—'}
          <div className="font-sans-3xs text-normal">{e.targetType}</div>
        </th>
        <td className="crier-audit-clauses">
          <ClauseList ids={e.clauses} inline />
        </td>
        <td>
          {hasDetail ? (
            <button type="button" className="usa-button usa-button--unstyled crier-nowrap" aria-expanded={open} aria-controls={detailId} onClick={() => setOpen((o) => !o)}>
              {open ? 'Hide' : 'Show'}
              <span className="usa-sr-only"> details of event {e.seq}</span>
            </button>
          ) : (
            '—'
          )}
        </td>
      </tr>
      {hasDetail && open && (
        <tr id={detailId} className="crier-audit-detail">
          <td colSpan={7}>
            {e.reason && (
              <p className="margin-top-0">
                <strong>Reason:</strong> {e.reason}
              </p>
            )}
            <div className="crier-before-after">
              <div>
                <p className="margin-y-05">
                  <strong>Before</strong>
                </p>
                <pre className="crier-json" tabIndex={0} aria-label={`Before, event ${e.seq}`}>
                  {e.before == null ? '—' : json(e.before)}
                </pre>
              </div>
              <div>
                <p className="margin-y-05">
                  <strong>After</strong>
                </p>
                <pre className="crier-json" tabIndex={0} aria-label={`After, event ${e.seq}`}>
                  {e.after == null ? '—' : json(e.after)}
                </pre>
              </div>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
