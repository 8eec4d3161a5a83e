import { useState } from 'react';
import { ClauseList } from '../../components/ClauseList.tsx';
import { awaitingSecond, DECISION_LABELS, platformWork, type QueueItem } from './types.ts';

/**
 * What still stands between a decision and the public page: the platform could not (or would
 * not) act, so the moderator does it by hand and confirms; or a removal waits for a second
 * moderator (two-person rule).
 */
export function PlatformWork({ item, meId, canDecide, pending, onConfirm, onSecond }: { item: QueueItem; meId: string | undefined; canDecide: boolean; pending: boolean; onConfirm: (note: string) => void; onSecond: () => void }) {
  const [note, setNote] = useState('');
  const work = platformWork(item);
  const second = awaitingSecond(item);
  const auto = [...item.decisions].reverse().find((d) => d.status === 'final' && d.automatic);
  return (
    <>
      {work && (
        <div className="usa-alert usa-alert--error" data-testid="platform-work" data-platform-action={work.platformAction}>
          <div className="usa-alert__body">
            <h3 className="usa-alert__heading">{work.platformAction === 'failed' ? `${item.platformName ?? 'The platform'} did not carry out the decision` : 'This needs doing by hand on the platform'}</h3>
            <p className="usa-alert__text">
              {DECISION_LABELS[work.decision]} here{work.clauses.length > 0 && <> citing <ClauseList ids={work.clauses} inline /></>}, but the comment is still {item.visibility === 'visible' ? 'up' : item.visibility} on the platform.{' '}
              <span data-testid="platform-note">{work.platformNote ?? 'Do it by hand on the platform.'}</span>
            </p>
            {canDecide && (
              <form
                className="usa-form crier-inline-form"
                aria-label="Confirm the platform action"
                onSubmit={(e) => {
                  e.preventDefault();
                  onConfirm(note);
                }}
              >
                <div className="usa-form-group">
                  <label className="usa-label crier-label" htmlFor="confirm-note">
                    What you did (optional)
                  </label>
                  <input className="usa-input" id="confirm-note" type="text" value={note} maxLength={4000} onChange={(e) => setNote(e.target.value)} />
                </div>
                <button type="submit" className="usa-button margin-top-1" disabled={pending}>
                  Confirm done by hand
                </button>
              </form>
            )}
          </div>
        </div>
      )}
      {second && (
        <div className="usa-alert usa-alert--warning" data-testid="awaiting-second">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {second.moderatorName ?? 'A moderator'} asked to remove this comment citing <ClauseList ids={second.clauses} inline />. The two-person rule needs a different moderator to confirm it.
            </p>
            {canDecide && second.moderatorId !== meId ? (
              <button type="button" className="usa-button margin-top-1" disabled={pending} onClick={onSecond}>
                Confirm the removal as second moderator
              </button>
            ) : (
              <p className="usa-alert__text">Waiting for another moderator.</p>
            )}
          </div>
        </div>
      )}
      {auto && !work && item.reviewState === 'open' && (
        <div className="usa-alert usa-alert--info usa-alert--slim" data-testid="auto-hidden">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              Hidden automatically under <ClauseList ids={auto.clauses} inline /> (a clause the City Manager listed). Hide to confirm it, or restore it.
            </p>
          </div>
        </div>
      )}
    </>
  );
}
