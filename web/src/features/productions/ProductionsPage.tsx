import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

interface Production {
  id: string;
  format: 'bagit' | 'warc';
  status: 'queued' | 'running' | 'done' | 'failed' | 'expired';
  requestedBy: string;
  requestedAt: string;
  finishedAt: string | null;
  phase: string | null;
  total: number;
  done: number;
  percent: number;
  items: number | null;
  firstBates: string | null;
  lastBates: string | null;
  fileName: string | null;
  bytes: number | null;
  sha256: string | null;
  error: string | null;
  /** When the file is (or was) removed from the server. */
  expiresAt: string | null;
  expiredAt: string | null;
}

const KINDS = [
  { value: 'post_version', label: 'Post versions' },
  { value: 'publication', label: 'Posts as published' },
  { value: 'comment', label: 'Public comments' },
  { value: 'comment_version', label: 'Comment versions (edits, deletions)' },
  { value: 'moderation_decision', label: 'Moderation decisions' },
  { value: 'removal', label: 'Removal records' },
  { value: 'profile_snapshot', label: 'Platform profile snapshots' },
  { value: 'attachment', label: 'Attachments (with their files)' },
  { value: 'records_request', label: 'Public records requests' },
  { value: 'imported_post', label: 'Imported posts (platform data downloads)' },
  { value: 'imported_reply', label: 'Imported replies (platform data downloads)' },
];
const STATUS_LABEL: Record<Production['status'], string> = { queued: 'Queued', running: 'Running', done: 'Ready', failed: 'Failed', expired: 'Expired' };
const TONE: Record<Production['status'], string> = { queued: 'pending', running: 'pending', done: 'pass', failed: 'fail', expired: 'info' };
const size = (b: number | null) => (b == null ? '' : b < 1024 * 1024 ? `${Math.ceil(b / 1024)} KB` : `${(b / (1024 * 1024)).toFixed(1)} MB`);

function StartProduction({ onStarted }: { onStarted: () => void }) {
  const [f, setF] = useState({ format: 'bagit', from: '', to: '', platform: '', department: '', items: '', request: '', batesPrefix: '' });
  const [kinds, setKinds] = useState<string[]>([]);
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const departments = useApi<{ departments: { id: string; name: string }[] }>('/api/departments');
  const platforms = useApi<{ platforms: { id: string; name: string }[] }>('/api/platforms');
  const start = useMutation(useCallback((body: object) => api.post<{ production: Production }>('/api/productions', body), []));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const items = f.items.split(/[\s,]+/).filter(Boolean);
    const filter = { from: f.from || null, to: f.to || null, kinds, platforms: f.platform ? [f.platform] : [], departments: f.department ? [f.department] : [], items, request: f.request.trim() || null };
    if (await start.run({ format: f.format, filter, batesPrefix: f.batesPrefix || null })) onStarted();
  }
  const err = start.error;
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} aria-label="Start a production">
      <ErrorAlert error={err} />
      <SelectField id="prod-format" label="Format" hint={f.format === 'bagit' ? 'Native JSON, HTML with Bates numbers, media, CSV load file, chain-of-custody log, FRE 902(14) certification template.' : 'One capture of each record as rendered, readable by web-archive tools.'} value={f.format} onChange={set('format')} options={[{ value: 'bagit', label: 'BagIt bag (.zip)' }, { value: 'warc', label: 'WARC web captures (.warc.gz)' }]} />
      <TextField id="prod-from" type="date" label="Captured from (City date)" value={f.from} onChange={set('from')} error={err?.fieldError('from')} />
      <TextField id="prod-to" type="date" label="Captured through (City date)" value={f.to} onChange={set('to')} error={err?.fieldError('to')} />
      <SelectField id="prod-department" label="Department folder" value={f.department} onChange={set('department')} error={err?.fieldError('departments')} options={[{ value: '', label: 'All departments' }, { value: 'city', label: "The City's own folder" }, ...(departments.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))]} />
      <SelectField id="prod-platform" label="Platform" value={f.platform} onChange={set('platform')} error={err?.fieldError('platforms')} options={[{ value: '', label: 'All platforms' }, ...(platforms.data?.platforms ?? []).map((p) => ({ value: p.id, label: p.name }))]} />
      <CheckboxGroup id="prod-kinds" legend="Kinds of record (none checked: all)" options={KINDS} values={kinds} onChange={setKinds} error={err?.fieldError('kinds')} />
      <TextField id="prod-request" label="Only the records collected for a public records request (optional)" hint="Its reference, e.g. PRR-2026-7K3QX9MD." value={f.request} onChange={set('request')} maxLength={100} error={err?.fieldError('request')} />
      <TextAreaField id="prod-items" label="Only these archive item ids (optional)" hint="One per line or separated by commas, e.g. from a records request's collection." value={f.items} onChange={set('items')} rows={3} error={err?.fieldError('items')} />
      <TextField id="prod-bates" label="Bates prefix (optional)" hint="Letters, digits, - or _; defaults to the City's name, e.g. CARSON." value={f.batesPrefix} onChange={set('batesPrefix')} maxLength={20} error={err?.fieldError('batesPrefix')} />
      <button type="submit" className="usa-button" disabled={start.pending}>
        Start production
      </button>
    </form>
  );
}

function Progress({ p }: { p: Production }) {
  if (p.status === 'done' || p.status === 'expired') return <span>{p.items?.toLocaleString('en-US')} items</span>;
  if (p.status === 'failed') return <span className="text-error">{p.error}</span>;
  const label = `Production ${p.id.slice(0, 8)}: ${p.percent}%`;
  return (
    <span>
      <progress max={100} value={p.percent} aria-label={label} data-production-progress={p.percent} /> {p.percent}% {p.phase ? `(${p.phase}${p.total ? `, ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}` : ''})` : ''}
    </span>
  );
}

/** The production's chain-of-custody log: who made the copy, when, from what; kept after the file expires. */
function CustodyLink({ id }: { id: string }) {
  return (
    <div className="font-sans-3xs">
      <a href={`/api/productions/${encodeURIComponent(id)}/custody`} target="_blank" rel="noreferrer">
        Chain-of-custody log
      </a>
    </div>
  );
}

/** Productions for records requests and e-discovery (IV.A.12): start one, follow it, download it. */
export function ProductionsPage() {
  const res = useApi<{ productions: Production[]; abilities: Record<string, boolean> }>('/api/productions');
  const rows = res.data?.productions ?? [];
  const busy = rows.some((p) => p.status === 'queued' || p.status === 'running');
  const { reload } = res;
  // Poll the status while a production is being made, for the progress bar.
  useEffect(() => {
    if (!busy) return;
    const t = setInterval(reload, 1500);
    return () => clearInterval(t);
  }, [busy, reload]);
  return (
    <Page title="Productions" lead="Packages of archived records in standard preservation formats (Policy IV.A.12): BagIt bags with Bates-numbered renderings, a load file, a chain-of-custody log and an FRE 902(14) certification template, or WARC web captures. Every item is checked against the archive's hashes as it is written.">
      {may(res.data?.abilities, 'productions.create') && (
        <Section title="Start a production">
          <StartProduction onStarted={reload} />
        </Section>
      )}
      <Section title="Recent productions">
        {res.loading && !res.data && <Loading what="Loading productions" />}
        <ErrorAlert error={res.error} />
        {res.data && rows.length === 0 && <p>No productions yet.</p>}
        {rows.length > 0 && (
          <TableScroll label="Productions">
            <table className="usa-table usa-table--borderless usa-table--striped">
              <caption className="usa-sr-only">Productions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Requested</th>
                  <th scope="col">Format</th>
                  <th scope="col">Status</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Bates range</th>
                  <th scope="col">Download</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id} data-production={p.id}>
                    <th scope="row">
                      {formatDateTime(p.requestedAt)}
                      <div>{p.requestedBy}</div>
                    </th>
                    <td>{p.format === 'bagit' ? 'BagIt' : 'WARC'}</td>
                    <td>
                      <StatusTag status={TONE[p.status]} label={STATUS_LABEL[p.status]} subject="count" />
                    </td>
                    <td>
                      <Progress p={p} />
                    </td>
                    <td>{p.firstBates ? `${p.firstBates} – ${p.lastBates}` : ''}</td>
                    <td>
                      {p.status === 'done' && p.fileName && (
                        <>
                          <a href={`/api/productions/${encodeURIComponent(p.id)}/download`} download={p.fileName}>
                            {p.fileName}
                          </a>{' '}
                          <span>({size(p.bytes)})</span>
                          {p.sha256 && <div className="font-mono-3xs text-break-all">SHA-256 {p.sha256}</div>}
                          {p.expiresAt && <div className="font-sans-3xs">Available until {formatDateTime(p.expiresAt)}</div>}
                          <CustodyLink id={p.id} />
                        </>
                      )}
                      {p.status === 'expired' && (
                        <span data-production-expired={p.id}>
                          Expired{p.expiredAt ? ` ${formatDateTime(p.expiredAt)}` : ''}: the file was removed; its record and custody log are kept. Start the production again for a new copy.
                          {p.sha256 && <div className="font-mono-3xs text-break-all">It was {p.fileName}, SHA-256 {p.sha256}</div>}
                          <CustodyLink id={p.id} />
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>
    </Page>
  );
}
