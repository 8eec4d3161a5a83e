import { useCallback, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextAreaField } from '../../components/Fields.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading, Section } from '../../components/Page.tsx';
import { EntriesTable } from './EntriesTable.tsx';
import { LocalDateTime } from './LocalDateTime.tsx';
import { RequestForm } from './RequestForm.tsx';
import { fromLocalInput, type MyLog, type Preauth, type TimeEntry } from './types.ts';

const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

function CorrectionForm({ entry, onDone, onCancel }: { entry: TimeEntry; onDone: () => void; onCancel: () => void }) {
  const [start, setStart] = useState(toLocalInput(entry.startedAt));
  const [end, setEnd] = useState(toLocalInput(entry.endedAt));
  const [reason, setReason] = useState('');
  const save = useMutation(useCallback((body: object) => api.post(`/api/offduty/entries/${encodeURIComponent(entry.id)}/corrections`, body), [entry.id]));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await save.run({ startedAt: fromLocalInput(start), endedAt: fromLocalInput(end), reason })) onDone();
  }
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} aria-label="Correct a time entry">
      <p>A correction is a new entry; the original stays in the log.</p>
      <ErrorAlert error={save.error} />
      <LocalDateTime id="fix-start" label="Actual start" value={start} onChange={setStart} error={save.error?.fieldError('startedAt')} />
      <LocalDateTime id="fix-end" label="Actual end" value={end} onChange={setEnd} error={save.error?.fieldError('endedAt')} />
      <TextAreaField id="fix-reason" label="Why correct it?" required value={reason} onChange={setReason} rows={2} error={save.error?.fieldError('reason')} />
      <button type="submit" className="usa-button" disabled={save.pending}>
        Save correction
      </button>
      <button type="button" className="usa-button usa-button--unstyled margin-left-2" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

/** The employee's own off-duty time: the current session, start/end, requests and the log (IV.C.15(e)(i)(B)–(C)). */
export function MyOffduty() {
  const log = useApi<MyLog>('/api/offduty/me');
  const mine = useApi<{ preauths: Preauth[] }>('/api/offduty/preauths?scope=mine');
  const [fixing, setFixing] = useState<TimeEntry | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const start = useMutation(useCallback(() => api.post('/api/offduty/sessions/start', {}), []));
  const end = useMutation(useCallback(() => api.post<{ entry: TimeEntry }>('/api/offduty/sessions/end'), []));
  const open = log.data?.openSession ?? null;

  async function toggle() {
    setStatus(null);
    if (open) {
      const r = await end.run();
      if (r) setStatus(`Session ended: ${r.entry.minutes} minute${r.entry.minutes === 1 ? '' : 's'} logged.`);
    } else if (await start.run()) setStatus('Off-duty session started. End it when you stop working.');
    log.reload();
  }

  return (
    <>
      <Section title="Current session" id="session">
        {log.loading && !log.data && <Loading />}
        <ErrorAlert error={log.error ?? start.error ?? end.error} />
        {status && <p role="status">{status}</p>}
        {log.data && (
          <>
            <p>
              {open
                ? `Working off duty since ${formatDateTime(open.startedAt)} (${open.minutesSoFar} min${open.preauthId ? ', pre-authorized' : ''}).`
                : 'No off-duty session is open.'}{' '}
              Work of more than {log.data.deMinimisMinutes} minutes off duty must be pre-authorized, and every minute is logged.
            </p>
            {open?.violation && (
              <div className="usa-alert usa-alert--warning usa-alert--slim">
                <div className="usa-alert__body">
                  <p className="usa-alert__text">This session is over the limit without pre-authorization; your supervisor has been told.</p>
                </div>
              </div>
            )}
            <button type="button" className="usa-button margin-top-1" disabled={start.pending || end.pending} onClick={() => void toggle()}>
              {open ? 'End off-duty session' : 'Start off-duty session'}
            </button>
          </>
        )}
      </Section>
      <Section title="My time log" id="my-log">
        {fixing && (
          <CorrectionForm
            entry={fixing}
            onCancel={() => setFixing(null)}
            onDone={() => {
              setFixing(null);
              log.reload();
            }}
          />
        )}
        {log.data && <EntriesTable entries={log.data.entries} caption={`${log.data.entries.length} time entr${log.data.entries.length === 1 ? 'y' : 'ies'}`} onCorrect={setFixing} />}
      </Section>
      <Section title="Request pre-authorization" id="request">
        <RequestForm onDone={mine.reload} />
        <ErrorAlert error={mine.error} />
        {mine.data && mine.data.preauths.length > 0 && (
          <ul className="usa-list margin-top-2" aria-label="My requests">
            {mine.data.preauths.map((p) => (
              <li key={p.id}>
                {formatDateTime(p.windowStart)} – {formatDateTime(p.windowEnd)}: {p.reason} — <strong>{p.status}</strong>
                {p.decisionNote ? ` (${p.decisionNote})` : ''}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
