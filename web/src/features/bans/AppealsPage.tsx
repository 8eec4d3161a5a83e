import { useCallback, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import { may } from '../../components/abilities.ts';
import { ClauseList } from '../../components/ClauseList.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextAreaField } from '../../components/Fields.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading, Page } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';

interface Appeal {
  id: string;
  subject: 'comment' | 'ban';
  status: string;
  submittedAt: string;
  name: string;
  contact: string;
  statement: string;
  decisionNote: string | null;
  decidedByName: string | null;
  comment: { platformName: string; authorHandle: string | null; text: string; visibility: string; decisions: { decision: string; clauses: string[]; moderatorName: string | null; automatic: boolean; decidedAt: string }[] } | null;
  ban: { platformName: string; handle: string; clauses: string[]; reason: string; status: string; createdByName: string | null } | null;
  abilities: Record<string, boolean>;
}

function Decide({ appeal, onDone }: { appeal: Appeal; onDone: () => void }) {
  const [outcome, setOutcome] = useState('grant');
  const [note, setNote] = useState('');
  const save = useMutation(useCallback((body: object) => api.post(`/api/appeals/${encodeURIComponent(appeal.id)}/decide`, body), [appeal.id]));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await save.run({ outcome, note })) onDone();
  }
  return (
    <form className="usa-form" onSubmit={(e) => void submit(e)} aria-label={`Decide appeal ${appeal.id}`}>
      <ErrorAlert error={save.error} />
      <SelectField
        id={`appeal-outcome-${appeal.id}`}
        label="Decision"
        value={outcome}
        onChange={setOutcome}
        options={[
          { value: 'grant', label: appeal.subject === 'ban' ? 'Grant: lift the ban' : 'Grant: restore the comment' },
          { value: 'deny', label: 'Deny: the decision stands' },
        ]}
      />
      <TextAreaField id={`appeal-note-${appeal.id}`} label="Note to the appellant" hint="Shown to whoever holds the appeal reference." required value={note} onChange={setNote} rows={3} error={save.error?.fieldError('note')} />
      <button type="submit" className="usa-button" disabled={save.pending}>
        Record decision
      </button>
    </form>
  );
}

/** Appeals from the public (V): decided by a moderator other than the one who made the decision appealed. */
export function AppealsPage() {
  const [status, setStatus] = useState('open');
  const res = useApi<{ appeals: Appeal[] }>(`/api/appeals?status=${status}`);
  const appeals = res.data?.appeals ?? [];
  return (
    <Page title="Appeals" lead="Appeals of hidden or removed comments and of bans. You cannot decide an appeal of your own decision.">
      <SelectField
        id="appeals-status"
        label="Show"
        value={status}
        onChange={setStatus}
        options={[
          { value: 'open', label: 'Open' },
          { value: 'granted', label: 'Granted' },
          { value: 'denied', label: 'Denied' },
        ]}
      />
      {res.loading && !res.data && <Loading what="Loading appeals" />}
      <ErrorAlert error={res.error} />
      {res.data && appeals.length === 0 && <p>No {status} appeals.</p>}
      {appeals.map((a) => (
        <article key={a.id} className="margin-top-3 padding-top-2 border-top-1px border-base-lighter" aria-labelledby={`appeal-${a.id}`}>
          <div>
            <h2 id={`appeal-${a.id}`}>
              Appeal of {a.subject === 'ban' ? `the ban of ${a.ban?.handle ?? 'a commenter'}` : `a comment by ${a.comment?.authorHandle ?? 'unknown'}`} <StatusTag status={a.status} />
            </h2>
            <p className="usa-hint">
              Received {formatDateTime(a.submittedAt)} from {a.name} ({a.contact}); reference {a.id}
            </p>
            {/* Text from the public is rendered as text only. */}
            <p className="crier-policy-text">{a.statement}</p>
            {a.comment && (
              <>
                <h3>The comment on {a.comment.platformName}</h3>
                <blockquote className="crier-policy-text">{a.comment.text}</blockquote>
                <ul className="usa-list">
                  {a.comment.decisions.map((d) => (
                    <li key={d.decidedAt}>
                      {d.decision} under <ClauseList ids={d.clauses} inline /> by {d.automatic ? 'automatic hiding' : (d.moderatorName ?? 'unknown')}, {formatDateTime(d.decidedAt)}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {a.ban && (
              <>
                <h3>The ban on {a.ban.platformName}</h3>
                <p>
                  <ClauseList ids={a.ban.clauses} inline />: <span className="crier-policy-text">{a.ban.reason}</span> (by {a.ban.createdByName ?? 'system'}; {a.ban.status})
                </p>
              </>
            )}
            {a.decisionNote && (
              <p>
                Decided by {a.decidedByName ?? '—'}: <span className="crier-policy-text">{a.decisionNote}</span>
              </p>
            )}
            {may(a.abilities, 'appeal.decide') && <Decide appeal={a} onDone={res.reload} />}
          </div>
        </article>
      ))}
    </Page>
  );
}
