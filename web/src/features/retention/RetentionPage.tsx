import { useCallback, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import type { Batch, Certificate, Eligible, Schedules } from './types.ts';

/** The pack's schedules (Carson: current year + 2, never under 2 years, Gov. Code 34090). */
function SchedulesTable() {
  const res = useApi<Schedules>('/api/retention/schedules');
  if (!res.data) return <ErrorAlert error={res.error} />;
  return (
    <TableScroll label="Retention schedules">
      <table className="usa-table usa-table--borderless">
        <caption>
          Minimum {res.data.statutoryMinimumYears} years ({res.data.authority ?? 'statute'})
        </caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Rule</th>
          </tr>
        </thead>
        <tbody>
          {res.data.categories.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.id}</th>
              <td>{c.rule === 'current-year-plus' ? `Current year + ${c.years}` : `${c.years} years after creation`}, at least {c.minimumYears} years</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Records whose retention ended: the City Clerk picks some and proposes them. */
function EligibleRecords({ canPropose, onProposed }: { canPropose: boolean; onProposed: () => void }) {
  const res = useApi<Eligible>('/api/retention/eligible?limit=200');
  const [picked, setPicked] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const propose = useMutation(useCallback((body: object) => api.post('/api/dispositions', body), []));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if ((await propose.run({ itemIds: picked, note })) !== undefined) {
      setPicked([]);
      setNote('');
      res.reload();
      onProposed();
    }
  }
  if (res.loading && !res.data) return <Loading what="Loading records" />;
  const d = res.data;
  return (
    <>
      <ErrorAlert error={res.error} />
      {d && d.items.length === 0 && <p>No record's retention has ended, or every such record is already proposed or held.</p>}
      {d && d.items.length > 0 && (
        <form onSubmit={(e) => void submit(e)} aria-label="Propose records for destruction">
          <ErrorAlert error={propose.error} />
          <ul className="usa-list usa-list--unstyled">
            {d.items.map((i) => (
              <li key={i.id}>
                {canPropose ? (
                  <CheckboxField id={`pick-${i.id}`} label={`#${i.seq} ${i.kind} (${i.retentionCategory}), kept until ${formatDate(i.retainUntil)}`} checked={picked.includes(i.id)} onChange={(v) => setPicked((p) => (v ? [...p, i.id] : p.filter((x) => x !== i.id)))} />
                ) : (
                  `#${i.seq} ${i.kind} (${i.retentionCategory}), kept until ${formatDate(i.retainUntil)}`
                )}
              </li>
            ))}
          </ul>
          {canPropose && (
            <>
              <TextAreaField id="propose-note" label="Note for the City Attorney" required value={note} onChange={setNote} rows={2} error={propose.error?.fieldError('note')} />
              <button type="submit" className="usa-button" disabled={propose.pending || picked.length === 0}>
                Propose {picked.length} record(s) for destruction
              </button>
            </>
          )}
        </form>
      )}
      {d && d.kept.length > 0 && (
        <Section title="Kept although their retention ended" level={3}>
          <ul className="usa-list">
            {d.kept.map((k) => (
              <li key={k.id}>
                #{k.seq} {k.kind}: {k.reasons.join('; ')}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

/** One batch and the next step its reader may take. */
function BatchRow({ b, onDone }: { b: Batch; onDone: () => void }) {
  const [consent, setConsent] = useState('');
  const [nums, setNums] = useState({ resolutionNumber: '', formNumber: '' });
  const [reason, setReason] = useState('');
  const [cert, setCert] = useState<Certificate | null>(null);
  const path = `/api/dispositions/${encodeURIComponent(b.id)}`;
  const act = useMutation(useCallback((step: string, body?: object) => api.post(`${path}/${step}`, body ?? {}), [path]));
  const done = (r: unknown) => r !== undefined && onDone();
  const err = act.error;
  return (
    <tr>
      <th scope="row">
        {formatDateTime(b.proposedAt)} by {b.proposedBy.name}
        <div>{b.note}</div>
      </th>
      <td>{b.itemCount}</td>
      <td>
        <StatusTag status={b.status} label={b.status} />
        {b.consentedBy && <div>Consent: {b.consentedBy.name}, {formatDateTime(b.consentedAt)}</div>}
        {b.resolutionNumber && <div>{b.resolutionNumber}; form {b.formNumber}</div>}
      </td>
      <td>
        <ErrorAlert error={err} />
        {may(b.abilities, 'disposition.consent') && (
          <form onSubmit={(e) => { e.preventDefault(); void act.run('consent', { text: consent }).then(done); }} aria-label="Consent in writing">
            <TextAreaField id={`consent-${b.id}`} label="Written consent" value={consent} onChange={setConsent} rows={2} error={err?.fieldError('text')} />
            <button type="submit" className="usa-button" disabled={act.pending}>Consent</button>
          </form>
        )}
        {may(b.abilities, 'disposition.record_authority') && (
          <form onSubmit={(e) => { e.preventDefault(); void act.run('authority', nums).then(done); }} aria-label="Record the resolution and form numbers">
            <TextField id={`res-${b.id}`} label="Council resolution number" value={nums.resolutionNumber} onChange={(v) => setNums((n) => ({ ...n, resolutionNumber: v }))} error={err?.fieldError('resolutionNumber')} />
            <TextField id={`form-${b.id}`} label="Destruction authorization form number" value={nums.formNumber} onChange={(v) => setNums((n) => ({ ...n, formNumber: v }))} error={err?.fieldError('formNumber')} />
            <button type="submit" className="usa-button" disabled={act.pending}>Record numbers</button>
          </form>
        )}
        {may(b.abilities, 'disposition.destroy') && (
          <button type="button" className="usa-button usa-button--secondary" disabled={act.pending} onClick={() => window.confirm(`Destroy ${b.itemCount} record(s)? This cannot be undone.`) && void act.run('destroy').then(done)}>
            Destroy
          </button>
        )}
        {may(b.abilities, 'disposition.withdraw') && (
          <form onSubmit={(e) => { e.preventDefault(); void act.run('withdraw', { reason }).then(done); }} aria-label="Withdraw the batch">
            <TextField id={`withdraw-${b.id}`} label="Reason to withdraw" value={reason} onChange={setReason} error={err?.fieldError('reason')} />
            <button type="submit" className="usa-button usa-button--outline" disabled={act.pending}>Withdraw</button>
          </form>
        )}
        {b.status === 'destroyed' && (
          <button type="button" className="usa-button usa-button--unstyled" onClick={() => void api.get<{ certificate: Certificate }>(`${path}/certificate`).then((r) => setCert(r.certificate))}>
            Destruction certificate
          </button>
        )}
        {cert && (
          <div className="usa-summary-box" role="region" aria-label="Destruction certificate">
            <p>
              Certificate no. {cert.body.seq}, {cert.body.itemCount} item(s), destroyed {formatDateTime(cert.body.destroyedAt)} by {cert.body.destroyedBy.name}; consent of {cert.body.consentedBy.name}; {cert.body.resolutionNumber}; form {cert.body.formNumber}. Hash {cert.certificateHash}.
            </p>
            <ul className="usa-list">
              {cert.items.map((i) => (
                <li key={i.id}>
                  #{i.seq} {i.kind} {i.id}: content {i.contentSha256}
                </li>
              ))}
            </ul>
          </div>
        )}
      </td>
    </tr>
  );
}

/** Retention and disposition (Gov. Code 34090): propose, consent, record the numbers, destroy. */
export function RetentionPage() {
  const batches = useApi<{ batches: Batch[]; abilities: Record<string, boolean> }>('/api/dispositions');
  return (
    <Page title="Records retention" lead="The City Clerk proposes records whose retention has ended; the City Attorney consents in writing; the council resolution and the destruction authorization form are recorded; then the records are destroyed and a certificate remains. Nothing under a legal hold is destroyed.">
      <Section title="Schedules">
        <SchedulesTable />
      </Section>
      <Section title="Records whose retention has ended">
        <EligibleRecords canPropose={!!batches.data && may(batches.data.abilities, 'disposition.propose')} onProposed={batches.reload} />
      </Section>
      <Section title="Disposition batches">
        {batches.loading && !batches.data && <Loading what="Loading batches" />}
        <ErrorAlert error={batches.error} />
        {batches.data && batches.data.batches.length === 0 && <p>No disposition batches yet.</p>}
        {batches.data && batches.data.batches.length > 0 && (
          <TableScroll label="Disposition batches">
            <table className="usa-table usa-table--borderless usa-table--striped">
              <thead>
                <tr>
                  <th scope="col">Proposed</th>
                  <th scope="col">Records</th>
                  <th scope="col">Status</th>
                  <th scope="col">Next step</th>
                </tr>
              </thead>
              <tbody>
                {batches.data.batches.map((b) => (
                  <BatchRow key={b.id} b={b} onDone={batches.reload} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>
    </Page>
  );
}
