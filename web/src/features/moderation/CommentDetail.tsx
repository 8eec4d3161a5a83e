import { forwardRef } from 'react';
import { ClauseList } from '../../components/ClauseList.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ClausePicker } from './ClausePicker.tsx';
import { CommentText } from './CommentText.tsx';
import { safeHttpUrl } from './highlight.ts';
import { PlatformWork } from './PlatformWork.tsx';
import { who } from './QueueList.tsx';
import { DECISION_LABELS, severityLabel, type CommentVersion, type DecisionKind, type QueueItem } from './types.ts';

export interface DetailActions {
  decide: (decision: DecisionKind) => void;
  toggleClause: (id: string) => void;
  confirmPlatform: (note: string) => void;
  second: () => void;
}

interface Props {
  item: QueueItem;
  versions: CommentVersion[] | undefined;
  grounds: { id: string; title: string; suggested: boolean }[];
  picked: string[];
  note: string;
  onNote: (v: string) => void;
  canDecide: boolean;
  meId: string | undefined;
  pending: boolean;
  actions: DetailActions;
}

/** One comment with everything needed to decide on it: evidence, the post, the commenter's record, the clauses. */
export const CommentDetail = forwardRef<HTMLHeadingElement, Props>(function CommentDetail({ item, versions, grounds, picked, note, onNote, canDecide, meId, pending, actions }, headingRef) {
  const permalink = safeHttpUrl(item.url);
  const edited = (versions ?? []).length > 1;
  return (
    <article className="crier-comment-detail" aria-labelledby="comment-heading" data-testid="comment-detail" data-comment-id={item.id}>
      <h2 id="comment-heading" ref={headingRef} tabIndex={-1} className="margin-top-0">
        Comment by {who(item)}
        {item.authorName && item.authorHandle && <span className="text-normal"> ({item.authorName})</span>}
      </h2>
      <p className="crier-comment-meta">
        On {item.platformName ?? 'an unknown platform'} · written {formatDateTime(item.createdOnPlatformAt)} · severity {severityLabel(item.severity)} · {item.visibility === 'visible' ? 'visible to the public' : item.visibility === 'hidden' ? 'hidden from the public' : 'removed'}
        {item.deletedOnPlatformAt && <> · deleted by the commenter {formatDateTime(item.deletedOnPlatformAt)}</>}
        {permalink && (
          <>
            {' · '}
            <a href={permalink} rel="nofollow noopener noreferrer ugc" target="_blank">
              Open on the platform<span className="usa-sr-only"> (new window)</span>
            </a>
          </>
        )}
      </p>

      {item.legislativePersonId && (
        <div className="usa-alert usa-alert--info usa-alert--slim" data-testid="brown-act">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              This comment comes from a council member’s account. Council members discussing City business among themselves on social media risk a Brown Act violation: see <ClauseList ids={['IV.B']} inline />.
            </p>
          </div>
        </div>
      )}

      <PlatformWork item={item} meId={meId} canDecide={canDecide} pending={pending} onConfirm={actions.confirmPlatform} onSecond={actions.second} />

      <h3>The comment</h3>
      <CommentText text={item.text} findings={item.findings} />

      <h3>Evidence</h3>
      {item.findings.length === 0 ? (
        <p>Screening found nothing in this comment.</p>
      ) : (
        <ul className="usa-list crier-findings" data-testid="comment-findings">
          {item.findings.map((f, i) => (
            <li key={`${f.ruleId}-${i}`} data-clause={f.clause} data-severity={f.severity}>
              <span className={`usa-tag ${f.severity === 'block' ? 'crier-tag--error' : 'crier-tag--warning'} margin-right-1`}>{f.severity === 'block' ? 'Block' : 'Advice'}</span>
              {f.message}
              {f.span && f.span.end > f.span.start && <> (“{item.text.slice(Math.max(0, f.span.start), Math.min(item.text.length, f.span.end))}”)</>} — <ClauseList ids={[f.clause]} inline />
            </li>
          ))}
        </ul>
      )}

      <h3>In reply to the City’s post</h3>
      {item.postText ? (
        <blockquote className="crier-comment-text crier-post-context" data-testid="post-context">
          {item.postText}
        </blockquote>
      ) : (
        <p data-testid="post-context">The post this replies to was not published through Crier, so its text is not stored here (platform id {item.postRemoteId}).</p>
      )}

      <h3>The commenter’s record on this platform</h3>
      <p data-testid="author-history">
        {item.authorHistory.comments} comment{item.authorHistory.comments === 1 ? '' : 's'}, {item.authorHistory.hiddenOrRemoved} hidden or removed.
      </p>
      {edited && (
        <details className="margin-bottom-2">
          <summary>Everything the commenter wrote here ({versions?.length} versions)</summary>
          <ol className="usa-list">
            {(versions ?? []).map((v) => (
              <li key={v.version}>
                <span className="text-bold">{v.kind}</span> {formatDateTime(v.atOnPlatform ?? v.capturedAt)}: <span className="crier-comment-inline">{v.text}</span>
              </li>
            ))}
          </ol>
        </details>
      )}

      {canDecide ? (
        <form className="usa-form crier-decide" aria-label="Decide on this comment" onSubmit={(e) => e.preventDefault()}>
          <ClausePicker grounds={grounds} picked={picked} onToggle={actions.toggleClause} idPrefix={`clause-${item.id}`} />
          <div className="usa-form-group">
            <label className="usa-label crier-label" htmlFor="decision-note">
              Note for the record (optional)
            </label>
            <input className="usa-input" id="decision-note" type="text" value={note} maxLength={4000} onChange={(e) => onNote(e.target.value)} />
          </div>
          <div className="crier-actions margin-top-2">
            <button type="button" className="usa-button usa-button--outline" disabled={pending} onClick={() => actions.decide('keep')} aria-keyshortcuts="k">
              Keep <kbd className="crier-kbd" aria-hidden="true">k</kbd>
            </button>
            <button type="button" className="usa-button usa-button--accent-warm" disabled={pending} onClick={() => actions.decide('hide')} aria-keyshortcuts="h">
              Hide <kbd className="crier-kbd" aria-hidden="true">h</kbd>
            </button>
            <button type="button" className="usa-button usa-button--secondary" disabled={pending} onClick={() => actions.decide('remove')} aria-keyshortcuts="r">
              Remove <kbd className="crier-kbd" aria-hidden="true">r</kbd>
            </button>
            {item.visibility !== 'visible' && (
              <button type="button" className="usa-button usa-button--outline" disabled={pending} onClick={() => actions.decide('restore')}>
                Restore
              </button>
            )}
          </div>
        </form>
      ) : (
        <p>You can read the queue; moderators, the Public Information Analyst and the City Manager decide.</p>
      )}

      {item.decisions.length > 0 && (
        <>
          <h3>Decisions so far</h3>
          <ul className="usa-list" data-testid="decision-history">
            {item.decisions.map((d) => (
              <li key={d.id} data-decision={d.decision} data-status={d.status} data-platform-action={d.platformAction}>
                {DECISION_LABELS[d.decision]} {d.automatic ? 'automatically' : `by ${d.moderatorName ?? 'a moderator'}`} {formatDateTime(d.decidedAt)}
                {d.clauses.length > 0 && (
                  <>
                    {' '}
                    citing <ClauseList ids={d.clauses} inline />
                  </>
                )}
                {d.status !== 'final' && <> ({d.status === 'awaiting_second' ? 'awaiting a second moderator' : 'superseded'})</>}
                {d.note && <> — “{d.note}”</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
});
