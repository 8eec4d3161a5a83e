import { useCallback, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Fields.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Section } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { ItemRedactor, type ExemptionOption } from './ItemRedactor.tsx';
import { partLabel, STATUS_LABELS, type Redaction, type RedactionLog } from './types.ts';

const base = (requestId: string) => `/api/records-requests/${encodeURIComponent(requestId)}/redactions`;

/**
 * The request's redactions (IV.A.11): the log (exportable as CSV), withdrawal and the City
 * Attorney's approval of free-text grounds, and the screen to mark text or image regions. Shown
 * only to those the server lets read it (City Clerk, City Attorney).
 */
export function RedactionsSection({ requestId, exemptions }: { requestId: string; exemptions: ExemptionOption[] }) {
  const log = useApi<RedactionLog>(base(requestId));
  if (log.error?.status === 403 || log.error?.status === 401) return null;
  const data = log.data;
  return (
    <Section title="Redactions" id="prr-redactions">
      <ErrorAlert error={log.error} />
      {data && (
        <>
          <p className="usa-hint">
            Each redaction names its exemption, who marked it and when. Archived originals are never changed: redacted copies are made from them. Redactions in force are listed in the determination letter;{' '}
            {data.editable ? 'they can be withdrawn until the determination is made.' : 'the determination is made, so they are frozen.'}
          </p>
          <RedactionLogTable requestId={requestId} log={data} onChange={log.reload} />
          <p>
            <a className="usa-link" href={`${base(requestId)}/log.csv`} download>
              Download the redaction log (CSV)
            </a>
          </p>
          {data.editable && may(data.abilities, 'redaction.mark') && <ItemRedactor requestId={requestId} exemptions={exemptions} onChange={log.reload} />}
        </>
      )}
    </Section>
  );
}

function RedactionLogTable({ requestId, log, onChange }: { requestId: string; log: RedactionLog; onChange: () => void }) {
  if (!log.redactions.length) return <p>No redactions yet.</p>;
  return (
    <TableScroll label={`Redaction log of request ${log.reference}`}>
      <table className="usa-table usa-table--borderless" data-testid="redaction-log">
        <caption className="usa-sr-only">Redaction log of request {log.reference}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Archive item</th>
            <th scope="col">Part</th>
            <th scope="col">Exemption</th>
            <th scope="col">Marked</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {log.redactions.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.position}</th>
              <td>
                {r.itemKind.replace(/_/g, ' ')} <code>{r.itemId}</code>
              </td>
              <td>{partLabel(r)}</td>
              <td>
                {r.citation}
                <span className="display-block usa-hint crier-policy-text">{r.ground}</span>
              </td>
              <td>
                {r.redactedBy?.name ?? '—'}, {formatDateTime(r.redactedAt)}
              </td>
              <td>
                {STATUS_LABELS[r.status]}
                {r.approvedBy && <span className="display-block usa-hint">approved by {r.approvedBy.name}</span>}
                {r.withdrawnAt && (
                  <span className="display-block usa-hint">
                    by {r.withdrawnBy?.name ?? '—'}, {formatDateTime(r.withdrawnAt)}: {r.withdrawalReason}
                  </span>
                )}
              </td>
              <td>
                {log.editable && r.status === 'awaiting_approval' && may(log.abilities, 'redaction.approve') && <ApproveButton requestId={requestId} redaction={r} onDone={onChange} />}
                {log.editable && r.status !== 'withdrawn' && may(log.abilities, 'redaction.withdraw') && <WithdrawForm requestId={requestId} redaction={r} onDone={onChange} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ApproveButton({ requestId, redaction, onDone }: { requestId: string; redaction: Redaction; onDone: () => void }) {
  const approve = useMutation(useCallback(() => api.post(`${base(requestId)}/${encodeURIComponent(redaction.id)}/approve`, {}), [requestId, redaction.id]));
  return (
    <>
      <ErrorAlert error={approve.error} />
      <button type="button" className="usa-button usa-button--outline" disabled={approve.pending} onClick={() => void approve.run().then((x) => x && onDone())}>
        Approve ground #{redaction.position}
      </button>
    </>
  );
}

/** Withdrawal needs a reason; the entry stays in the log. A disclosure widget keeps the row short and works by keyboard. */
function WithdrawForm({ requestId, redaction, onDone }: { requestId: string; redaction: Redaction; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const save = useMutation(useCallback((body: object) => api.post(`${base(requestId)}/${encodeURIComponent(redaction.id)}/withdraw`, body), [requestId, redaction.id]));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await save.run({ reason })) onDone();
  }
  return (
    <details>
      <summary>Withdraw #{redaction.position}</summary>
      <form onSubmit={(e) => void submit(e)} aria-label={`Withdraw redaction ${redaction.position}`}>
        <ErrorAlert error={save.error} />
        <TextField id={`withdraw-${redaction.id}`} label="Reason" required value={reason} onChange={setReason} error={save.error?.fieldError('reason')} />
        <button type="submit" className="usa-button usa-button--secondary" disabled={save.pending}>
          Withdraw
        </button>
      </form>
    </details>
  );
}
