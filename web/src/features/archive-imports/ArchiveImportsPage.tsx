import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { useApi, useMutation } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

interface Part {
  name: string;
  layout: string;
  records: number;
  added: number;
  skipped: number;
  problems: number;
}

interface Report {
  parts: Part[];
  outcomes: { location: string; key: string; outcome: 'added' | 'skipped' }[];
  outcomesNotListed: number;
  malformed: { location: string; problem: string }[];
  mediaFiles: number;
}

interface ImportJob {
  id: string;
  format: 'facebook-page' | 'x-archive';
  fileName: string;
  bytes: number;
  sha256: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  requestedBy: string;
  requestedAt: string;
  finishedAt: string | null;
  percent: number;
  records: number;
  added: number;
  skipped: number;
  malformed: number;
  error: string | null;
  report?: Report | null;
}

const FORMATS = [
  { value: 'x-archive', label: 'X (Twitter) archive — the ZIP from "Download an archive of your data"' },
  { value: 'facebook-page', label: 'Facebook Page — the ZIP from "Download your information" (JSON)' },
];
const PLATFORM_TYPES: Record<string, string[]> = { 'x-archive': ['x', 'twitter'], 'facebook-page': ['facebook'] };
const STATUS_LABEL: Record<ImportJob['status'], string> = { queued: 'Queued', running: 'Importing', done: 'Done', failed: 'Failed' };
const TONE: Record<ImportJob['status'], string> = { queued: 'pending', running: 'pending', done: 'pass', failed: 'fail' };
const size = (b: number) => (b < 1024 * 1024 ? `${Math.ceil(b / 1024)} KB` : `${(b / (1024 * 1024)).toFixed(1)} MB`);

/** The download goes as the request body itself (the server counts it, scans it, then queues the import). */
async function uploadDownload(file: File, query: URLSearchParams, csrfToken: string | null): Promise<ImportJob> {
  let res: Response;
  try {
    res = await fetch(`/api/archive/imports?${query.toString()}`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/octet-stream', accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) }, body: file });
  } catch {
    throw new ApiError(0, 'network', 'The upload did not reach the server. Check your connection and try again.');
  }
  const body = (await res.json().catch(() => null)) as { import?: ImportJob; error?: { code: string; message: string; clauses?: { id: string; title: string | null }[] } } | null;
  if (!res.ok || !body?.import) throw new ApiError(res.status, body?.error?.code ?? 'error', body?.error?.message ?? `Upload failed (${res.status})`, body?.error?.clauses ?? [], []);
  return body.import;
}

function StartImport({ onStarted }: { onStarted: (id: string) => void }) {
  const { session } = useSession();
  const fileId = useId();
  const [format, setFormat] = useState('x-archive');
  const [platformId, setPlatformId] = useState('');
  const [account, setAccount] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const platforms = useApi<{ platforms: { id: string; name: string; type: string }[] }>('/api/platforms');
  const upload = useMutation(useCallback((f: File, q: URLSearchParams) => uploadDownload(f, q, session?.csrfToken ?? null), [session?.csrfToken]));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    const q = new URLSearchParams({ format, filename: file.name });
    if (platformId) q.set('platformId', platformId);
    if (account.trim()) q.set('account', account.trim());
    const started = await upload.run(file, q);
    if (started) onStarted(started.id);
  }
  const choices = (platforms.data?.platforms ?? []).filter((p) => PLATFORM_TYPES[format]?.includes(p.type));
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} aria-label="Import a platform download">
      <ErrorAlert error={upload.error} />
      <SelectField id="import-format" label="Download" value={format} onChange={(v) => (setFormat(v), setPlatformId(''))} options={FORMATS} />
      <SelectField id="import-platform" label="Platform it belongs to (optional)" hint="Files the records in that platform's department folder; without one they go to the City's folder." value={platformId} onChange={setPlatformId} options={[{ value: '', label: 'None (the City’s folder)' }, ...choices.map((p) => ({ value: p.id, label: p.name }))]} />
      {format === 'x-archive' && <TextField id="import-account" label="The account's own handle (optional)" hint="Its replies to itself are kept as its own posts; replies to others are kept but never shown in the reading room." value={account} onChange={setAccount} maxLength={100} />}
      <div className="usa-form-group">
        <label className="usa-label" htmlFor={fileId}>
          The download (ZIP as downloaded, or one JSON/JS file from it)
        </label>
        <div className="usa-hint" id={`${fileId}-hint`}>
          It is scanned for viruses first. Records already in the archive are skipped, so importing the same download twice adds nothing.
        </div>
        <input id={fileId} className="usa-file-input" type="file" accept=".zip,.json,.js,application/zip" aria-describedby={`${fileId}-hint`} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <button type="submit" className="usa-button" disabled={upload.pending || !file}>
        {upload.pending ? 'Uploading…' : 'Upload and import'}
      </button>
    </form>
  );
}

function Progress({ j }: { j: ImportJob }) {
  if (j.status === 'failed') return <span className="text-error">{j.error}</span>;
  if (j.status === 'done') return <span>{`${j.added.toLocaleString('en-US')} added, ${j.skipped.toLocaleString('en-US')} already archived, ${j.malformed.toLocaleString('en-US')} not taken`}</span>;
  return (
    <span>
      <progress max={100} value={j.percent} aria-label={`Import of ${j.fileName}: ${j.percent}%`} data-import-progress={j.percent} /> {j.percent}% ({j.records.toLocaleString('en-US')} records read)
    </span>
  );
}

/** One import's report: each file read, each record not taken and each record added or skipped, by position. */
function ImportReport({ id }: { id: string }) {
  const res = useApi<{ import: ImportJob }>(`/api/archive/imports/${encodeURIComponent(id)}`);
  const j = res.data?.import;
  const { reload } = res;
  const busy = j?.status === 'queued' || j?.status === 'running';
  useEffect(() => {
    if (!busy) return;
    const t = setInterval(reload, 1500);
    return () => clearInterval(t);
  }, [busy, reload]);
  if (!j) return res.error ? <ErrorAlert error={res.error} /> : <Loading what="Loading the import" />;
  const r = j.report;
  return (
    <div data-import-report={j.id}>
      <p>
        {j.fileName} ({size(j.bytes)}), SHA-256 <span className="font-mono-3xs text-break-all">{j.sha256}</span>. <Progress j={j} />
      </p>
      {r && (
        <>
          <TableScroll label="Files read">
            <table className="usa-table usa-table--borderless">
              <caption>Files read from the download, in order ({r.mediaFiles.toLocaleString('en-US')} media files recorded by SHA-256)</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Records</th>
                  <th scope="col">Added</th>
                  <th scope="col">Already archived</th>
                  <th scope="col">Not taken</th>
                </tr>
              </thead>
              <tbody>
                {r.parts.map((p) => (
                  <tr key={p.name}>
                    <th scope="row">{p.name}</th>
                    <td>{p.records}</td>
                    <td>{p.added}</td>
                    <td>{p.skipped}</td>
                    <td>{p.problems}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {r.malformed.length > 0 && (
            <>
              <h3>Not taken</h3>
              <ul className="usa-list" data-import-malformed>
                {r.malformed.map((m, i) => (
                  <li key={i}>
                    <strong>{m.location}</strong>: {m.problem}
                  </li>
                ))}
              </ul>
            </>
          )}
          <TableScroll label="Records added or skipped">
            <table className="usa-table usa-table--borderless usa-table--striped">
              <caption>Records added or already archived{r.outcomesNotListed ? ` (the first ${r.outcomes.length.toLocaleString('en-US')}; ${r.outcomesNotListed.toLocaleString('en-US')} more not listed)` : ''}</caption>
              <thead>
                <tr>
                  <th scope="col">Where</th>
                  <th scope="col">Record</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {r.outcomes.map((o) => (
                  <tr key={`${o.location}-${o.key}`}>
                    <th scope="row">{o.location}</th>
                    <td className="text-break-all">{o.key}</td>
                    <td>{o.outcome === 'added' ? 'Added' : 'Already archived'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </div>
  );
}

/** Platform data downloads brought into the records archive (IV.A.9, IV.A.13) by the City Clerk or the IT Manager. */
export function ArchiveImportsPage() {
  const res = useApi<{ imports: ImportJob[] }>('/api/archive/imports');
  const rows = res.data?.imports ?? [];
  const [shown, setShown] = useState<string | null>(null);
  const busy = rows.some((j) => j.status === 'queued' || j.status === 'running');
  const { reload } = res;
  useEffect(() => {
    if (!busy) return;
    const t = setInterval(reload, 1500);
    return () => clearInterval(t);
  }, [busy, reload]);
  return (
    <Page title="Import platform downloads" lead="Old posts from a Facebook Page or an X account, from the platform's own data download, kept in the archive on its hash chain and marked imported with the file's name and SHA-256.">
      <Section title="Upload a download">
        <StartImport onStarted={(id) => (reload(), setShown(id))} />
      </Section>
      <Section title="Recent imports">
        {res.loading && !res.data && <Loading what="Loading imports" />}
        <ErrorAlert error={res.error} />
        {res.data && rows.length === 0 && <p>No imports yet.</p>}
        {rows.length > 0 && (
          <TableScroll label="Imports">
            <table className="usa-table usa-table--borderless usa-table--striped">
              <caption className="usa-sr-only">Imports, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Requested</th>
                  <th scope="col">File</th>
                  <th scope="col">Status</th>
                  <th scope="col">Result</th>
                  <th scope="col">Report</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((j) => (
                  <tr key={j.id} data-import={j.id}>
                    <th scope="row">
                      {formatDateTime(j.requestedAt)}
                      <div>{j.requestedBy}</div>
                    </th>
                    <td>{j.fileName}</td>
                    <td>
                      <StatusTag status={TONE[j.status]} label={STATUS_LABEL[j.status]} subject="count" />
                    </td>
                    <td>
                      <Progress j={j} />
                    </td>
                    <td>
                      <button type="button" className="usa-button usa-button--unstyled" onClick={() => setShown(j.id)} aria-pressed={shown === j.id}>
                        Show the report<span className="usa-sr-only"> of {j.fileName}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>
      {shown && (
        <Section title="Import report" id="import-report">
          <ImportReport key={shown} id={shown} />
        </Section>
      )}
    </Page>
  );
}
