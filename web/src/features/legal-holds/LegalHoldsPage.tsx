import { useCallback, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { hasRole, useSession } from '../../api/session.tsx';
import { useApi, useMutation } from '../../api/useApi.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { listOf } from '../../api/shape.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

interface Hold {
  id: string;
  matter: string;
  custodian: { id: string; name: string | null };
  platformIds: string[] | null;
  departmentIds: string[] | null;
  searchTerms: string[] | null;
  fromDate: string;
  toDate: string | null;
  status: 'issued' | 'acknowledged' | 'released';
  issuedAt: string;
  acknowledgedAt: string | null;
  releasedAt: string | null;
  releaseReason: string | null;
  abilities: Record<string, boolean>;
}

const list = (ids: string[] | null, all: string, names: Map<string, string>) => (ids ? ids.map((i) => names.get(i) ?? i).join(', ') : all);
const split = (s: string) => {
  const v = s.split(',').map((x) => x.trim()).filter(Boolean);
  return v.length ? v : null;
};

interface Named {
  id: string;
  name: string;
}

/** The City Attorney issues a hold: matter, custodian, what it covers. */
function IssueHold({ onDone, platforms, departments }: { onDone: () => void; platforms: Named[]; departments: Named[] }) {
  const empty = { matter: '', custodianId: '', platformIds: [] as string[], departmentIds: [] as string[], searchTerms: '', fromDate: '', toDate: '', notes: '' };
  const [f, setF] = useState(empty);
  const set = (k: 'matter' | 'custodianId' | 'searchTerms' | 'fromDate' | 'toDate' | 'notes') => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const people = listOf<Named>(useApi<unknown>('/api/people?status=active').data, 'people');
  const save = useMutation(useCallback((body: object) => api.post<{ hold: Hold }>('/api/legal-holds', body), []));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const many = (v: string[]) => (v.length ? v : null);
    const r = await save.run({ matter: f.matter, custodianId: f.custodianId, platformIds: many(f.platformIds), departmentIds: many(f.departmentIds), searchTerms: split(f.searchTerms), fromDate: f.fromDate, toDate: f.toDate || null, notes: f.notes || null });
    if (r) {
      setF(empty);
      onDone();
    }
  }
  const err = save.error;
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} aria-label="Issue a legal hold">
      <ErrorAlert error={err} />
      <TextField id="hold-matter" label="Matter" required value={f.matter} onChange={set('matter')} maxLength={300} error={err?.fieldError('matter')} />
      <SelectField id="hold-custodian" label="Custodian" required value={f.custodianId} onChange={set('custodianId')} placeholder="- Select -" options={people.map((p) => ({ value: p.id, label: p.name }))} error={err?.fieldError('custodianId')} />
      <TextField id="hold-from" type="date" label="From (City date)" required value={f.fromDate} onChange={set('fromDate')} error={err?.fieldError('fromDate')} />
      <TextField id="hold-to" type="date" label="To (City date)" hint="Leave empty for an ongoing hold." value={f.toDate} onChange={set('toDate')} error={err?.fieldError('toDate')} />
      <CheckboxGroup id="hold-platforms" legend="Platforms (none ticked: every platform)" options={platforms.map((p) => ({ value: p.id, label: p.name }))} values={f.platformIds} onChange={(v) => setF((x) => ({ ...x, platformIds: v }))} error={err?.fieldError('platformIds')} />
      <CheckboxGroup id="hold-departments" legend="Departments (none ticked: every department)" options={departments.map((d) => ({ value: d.id, label: d.name }))} values={f.departmentIds} onChange={(v) => setF((x) => ({ ...x, departmentIds: v }))} error={err?.fieldError('departmentIds')} />
      <TextField id="hold-terms" label="Search terms (comma-separated)" hint="Any of them in a record's text; leave empty for any text." value={f.searchTerms} onChange={set('searchTerms')} error={err?.fieldError('searchTerms')} />
      <TextAreaField id="hold-notes" label="Notes" value={f.notes} onChange={set('notes')} rows={2} error={err?.fieldError('notes')} />
      <button type="submit" className="usa-button" disabled={save.pending}>
        Issue hold
      </button>
    </form>
  );
}

function HoldActions({ hold, onDone }: { hold: Hold; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const ack = useMutation(useCallback(() => api.post(`/api/legal-holds/${encodeURIComponent(hold.id)}/acknowledge`), [hold.id]));
  const release = useMutation(useCallback((r: string) => api.post(`/api/legal-holds/${encodeURIComponent(hold.id)}/release`, { reason: r }), [hold.id]));
  return (
    <>
      <ErrorAlert error={ack.error ?? release.error} />
      {may(hold.abilities, 'legal_hold.acknowledge') && (
        <button type="button" className="usa-button usa-button--outline" disabled={ack.pending} onClick={() => void ack.run().then((r) => r !== undefined && onDone())}>
          Acknowledge
        </button>
      )}
      {may(hold.abilities, 'legal_hold.release') && (
        <form onSubmit={(e) => { e.preventDefault(); void release.run(reason).then((r) => r !== undefined && onDone()); }} aria-label={`Release ${hold.matter}`}>
          <TextField id={`release-${hold.id}`} label="Reason for release" value={reason} onChange={setReason} error={release.error?.fieldError('reason')} />
          <button type="submit" className="usa-button usa-button--secondary" disabled={release.pending}>
            Release
          </button>
        </form>
      )}
    </>
  );
}

/** Legal holds (SPEC §5): while a hold is in force, nothing it covers can be destroyed. */
export function LegalHoldsPage() {
  const [status, setStatus] = useState('');
  const { session } = useSession();
  // Records staff read every hold; anyone else (a custodian) reads only their own, so nothing is asked that would be refused.
  const reader = hasRole(session, 'city_attorney', 'city_clerk', 'city_manager', 'auditor', 'it_manager');
  const issuer = hasRole(session, 'city_attorney');
  const all = useApi<{ holds: Hold[]; abilities: Record<string, boolean> }>(reader ? `/api/legal-holds${status ? `?status=${status}` : ''}` : null);
  const mine = useApi<{ holds: Hold[] }>('/api/legal-holds/mine');
  const reload = () => {
    all.reload();
    mine.reload();
  };
  // Custodians without records duties see only their own holds.
  const rows = reader ? (all.data?.holds ?? []) : (mine.data?.holds ?? []);
  const platforms = listOf<Named>(useApi<unknown>(issuer ? '/api/platforms' : null).data, 'platforms');
  const departments = listOf<Named>(useApi<unknown>(issuer ? '/api/departments' : null).data, 'departments');
  const names = new Map([...platforms, ...departments].map((x) => [x.id, x.name]));
  return (
    <Page title="Legal holds" lead="Issued and released by the City Attorney, acknowledged by the custodian. A hold in force keeps every record it covers from destruction; with overlapping holds, a record is free only when every one is released.">
      {all.data && <SelectField id="holds-status" label="Show" value={status} onChange={setStatus} options={[{ value: '', label: 'All' }, { value: 'issued', label: 'Issued' }, { value: 'acknowledged', label: 'Acknowledged' }, { value: 'released', label: 'Released' }]} />}
      {(all.loading || mine.loading) && !all.data && !mine.data && <Loading what="Loading holds" />}
      <ErrorAlert error={all.error ?? mine.error} />
      {rows.length === 0 && !all.loading && <p>No legal holds to show.</p>}
      {rows.length > 0 && (
        <TableScroll label="Legal holds">
          <table className="usa-table usa-table--borderless usa-table--striped">
            <caption className="usa-sr-only">Legal holds, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Matter</th>
                <th scope="col">Custodian</th>
                <th scope="col">Covers</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((h) => (
                <tr key={h.id}>
                  <th scope="row">{h.matter}</th>
                  <td>{h.custodian.name ?? h.custodian.id}</td>
                  <td>
                    {formatDate(h.fromDate)} – {h.toDate ? formatDate(h.toDate) : 'ongoing'}; platforms: {list(h.platformIds, 'all', names)}; departments: {list(h.departmentIds, 'all', names)}
                    {h.searchTerms && `; terms: ${h.searchTerms.join(', ')}`}
                  </td>
                  <td>
                    <StatusTag status={h.status} label={h.status} /> {h.releasedAt && <span>Released {formatDateTime(h.releasedAt)}: {h.releaseReason}</span>}
                  </td>
                  <td>
                    <HoldActions hold={h} onDone={reload} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {issuer && !!all.data && may(all.data.abilities, 'legal_hold.issue') && (
        <Section title="Issue a legal hold">
          <IssueHold onDone={reload} platforms={platforms} departments={departments} />
        </Section>
      )}
    </Page>
  );
}
