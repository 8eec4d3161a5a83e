import { useCallback, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import { may } from '../../components/abilities.ts';
import { ClauseList } from '../../components/ClauseList.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CheckboxField, CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { usePlatforms, useSectionV } from './shared.ts';

interface Ban {
  id: string;
  platformName: string;
  handle: string;
  clauses: string[];
  reason: string;
  startsAt: string;
  endsAt: string | null;
  reviewOn: string;
  reviewerName: string | null;
  createdByName: string | null;
  status: string;
  liftReason: string | null;
  reviews: { at: string; byName: string; outcome: string; note: string | null }[];
  abilities: Record<string, boolean>;
}

function CreateBan({ indefiniteAllowed, onDone }: { indefiniteAllowed: boolean; onDone: () => void }) {
  const platforms = usePlatforms();
  const grounds = useSectionV();
  const reviewers = useApi<{ reviewers: { id: string; name: string }[] }>('/api/bans/reviewers');
  const [f, setF] = useState({ platformId: '', handle: '', reason: '', durationDays: '30', reviewerId: '', reviewOn: '' });
  const [clauses, setClauses] = useState<string[]>([]);
  const [indefinite, setIndefinite] = useState(false);
  const save = useMutation(useCallback((body: object) => api.post('/api/bans', body), []));
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { platformId: f.platformId, handle: f.handle, clauses, reason: f.reason, reviewerId: f.reviewerId, reviewOn: f.reviewOn || null, ...(indefinite ? { indefinite: true } : { durationDays: Number(f.durationDays) }) };
    if (await save.run(body)) {
      setF({ platformId: '', handle: '', reason: '', durationDays: '30', reviewerId: '', reviewOn: '' });
      setClauses([]);
      onDone();
    }
  }
  const err = save.error;
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} aria-label="Deny a commenter access">
      <ErrorAlert error={err} />
      <SelectField id="ban-platform" label="Platform" required value={f.platformId} onChange={set('platformId')} options={platforms} placeholder="- Select -" error={err?.fieldError('platformId')} />
      <TextField id="ban-handle" label="Commenter's handle" required value={f.handle} onChange={set('handle')} maxLength={200} error={err?.fieldError('handle')} />
      <CheckboxGroup id="ban-clauses" legend="Section V clauses the commenter violated" options={grounds} values={clauses} onChange={setClauses} error={err?.fieldError('clauses')} />
      <TextAreaField id="ban-reason" label="Reason (what the commenter did)" required value={f.reason} onChange={set('reason')} rows={3} error={err?.fieldError('reason')} />
      {indefiniteAllowed && <CheckboxField id="ban-indefinite" label="No end date (City Manager only)" checked={indefinite} onChange={setIndefinite} />}
      {!indefinite && <TextField id="ban-days" label="Duration in days" type="number" inputMode="numeric" required value={f.durationDays} onChange={set('durationDays')} hint="Time-limited: 1 to 365 days." error={err?.fieldError('durationDays')} />}
      <SelectField id="ban-reviewer" label="Reviewer (someone other than you)" required value={f.reviewerId} onChange={set('reviewerId')} options={(reviewers.data?.reviewers ?? []).map((r) => ({ value: r.id, label: r.name }))} placeholder="- Select -" error={err?.fieldError('reviewerId')} />
      <TextField id="ban-review-on" label="Review by" type="date" value={f.reviewOn} onChange={set('reviewOn')} hint="Default: in 14 days, or the ban's last day if sooner." error={err?.fieldError('reviewOn')} />
      <button type="submit" className="usa-button" disabled={save.pending}>
        Deny access
      </button>
    </form>
  );
}

function BanActions({ ban, onDone }: { ban: Ban; onDone: () => void }) {
  const [outcome, setOutcome] = useState('keep');
  const [note, setNote] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const review = useMutation(useCallback((body: object) => api.post(`/api/bans/${encodeURIComponent(ban.id)}/review`, body), [ban.id]));
  const lift = useMutation(useCallback((reason: string) => api.post(`/api/bans/${encodeURIComponent(ban.id)}/lift`, { reason }), [ban.id]));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = may(ban.abilities, 'ban.review') ? await review.run({ outcome, note, ...(outcome === 'shorten' ? { endsOn } : {}) }) : await lift.run(note);
    if (ok) onDone();
  }
  const err = review.error ?? lift.error;
  return (
    <form className="usa-form" onSubmit={(e) => void submit(e)} aria-label={`Review or lift the ban of ${ban.handle}`}>
      <ErrorAlert error={err} />
      {may(ban.abilities, 'ban.review') && (
        <SelectField
          id={`outcome-${ban.id}`}
          label="Review outcome"
          value={outcome}
          onChange={setOutcome}
          options={[
            { value: 'keep', label: 'Keep' },
            { value: 'shorten', label: 'Shorten' },
            { value: 'lift', label: 'Lift' },
          ]}
        />
      )}
      {outcome === 'shorten' && <TextField id={`ends-${ban.id}`} label="New last day" type="date" required value={endsOn} onChange={setEndsOn} error={err?.fieldError('endsOn')} />}
      <TextAreaField id={`note-${ban.id}`} label={may(ban.abilities, 'ban.review') ? 'What the review found' : 'Why the ban is lifted'} required value={note} onChange={setNote} rows={2} />
      <button type="submit" className="usa-button usa-button--outline" disabled={review.pending || lift.pending}>
        {may(ban.abilities, 'ban.review') ? 'Record review' : 'Lift ban'}
      </button>
    </form>
  );
}

/** Denying access (V): bans with clause, reason, duration, reviewer and review date; review and lifting. */
export function BansPage() {
  const [status, setStatus] = useState('active');
  const res = useApi<{ bans: Ban[]; abilities: Record<string, boolean> }>(`/api/bans?status=${status}`);
  const [open, setOpen] = useState<string | null>(null);
  const bans = res.data?.bans ?? [];
  return (
    <Page title="Bans" lead="The City may deny access to anyone who violates the public comment policy (V). Each ban cites the clauses, runs for a set time, and is reviewed by someone other than the person who imposed it.">
      {res.data && may(res.data.abilities, 'ban.create') && (
        <Section title="Deny a commenter access" id="new-ban">
          <CreateBan indefiniteAllowed={may(res.data.abilities, 'ban.create_indefinite')} onDone={res.reload} />
        </Section>
      )}
      <Section title="Bans" id="bans">
        <SelectField
          id="ban-status"
          label="Show"
          value={status}
          onChange={setStatus}
          options={[
            { value: 'active', label: 'In force' },
            { value: 'lifted', label: 'Lifted' },
            { value: 'expired', label: 'Expired' },
          ]}
        />
        {res.loading && !res.data && <Loading what="Loading bans" />}
        <ErrorAlert error={res.error} />
        {res.data && (
          <TableScroll label="Bans">
            <table className="usa-table usa-table--borderless crier-table" data-testid="bans-table">
              <caption>
                {bans.length} ban{bans.length === 1 ? '' : 's'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Commenter</th>
                  <th scope="col">Clauses and reason</th>
                  <th scope="col">Runs</th>
                  <th scope="col">Review</th>
                  <th scope="col">Status</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {bans.map((b) => (
                  <tr key={b.id}>
                    <th scope="row">
                      {b.handle}
                      <br />
                      <span className="usa-hint">{b.platformName}</span>
                    </th>
                    <td>
                      <ClauseList ids={b.clauses} inline />
                      <br />
                      <span className="crier-policy-text">{b.reason}</span>
                    </td>
                    <td>
                      {formatDateTime(b.startsAt)} – {b.endsAt ? formatDateTime(b.endsAt) : 'no end date'}
                      <br />
                      <span className="usa-hint">by {b.createdByName ?? 'system'}</span>
                    </td>
                    <td>
                      {b.reviewerName ?? '—'}, by {formatDate(b.reviewOn)}
                      {b.reviews.map((r) => (
                        <div key={r.at} className="usa-hint">
                          {formatDateTime(r.at)}: {r.outcome} ({r.byName})
                        </div>
                      ))}
                    </td>
                    <td>
                      <StatusTag status={b.status} />
                      {b.liftReason && <div className="usa-hint">{b.liftReason}</div>}
                    </td>
                    <td>
                      {may(b.abilities, 'ban.review', 'ban.lift') ? (
                        open === b.id ? (
                          <BanActions
                            ban={b}
                            onDone={() => {
                              setOpen(null);
                              res.reload();
                            }}
                          />
                        ) : (
                          <button type="button" className="usa-button usa-button--outline usa-button--small" onClick={() => setOpen(b.id)}>
                            {may(b.abilities, 'ban.review') ? 'Review' : 'Lift'}
                            <span className="usa-sr-only"> the ban of {b.handle}</span>
                          </button>
                        )
                      ) : (
                        '—'
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
