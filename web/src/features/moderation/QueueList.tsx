import type { MutableRefObject } from 'react';
import { awaitingSecond, platformWork, severityLabel, type QueueItem } from './types.ts';

const SEVERITY_TONE = ['crier-tag--neutral', 'crier-tag--info', 'crier-tag--warning', 'crier-tag--error'];

export const who = (c: { authorName: string | null; authorHandle: string | null }) => (c.authorHandle ? `@${c.authorHandle}` : (c.authorName ?? 'an unnamed commenter'));

const excerpt = (s: string) => (s.length > 140 ? `${s.slice(0, 140)}…` : s);

/** The open comments, most severe first; one is current, any may be ticked for a bulk action. */
export function QueueList({
  items,
  currentId,
  selected,
  onOpen,
  onSelect,
  buttons,
}: {
  items: QueueItem[];
  currentId: string | null;
  selected: Set<string>;
  onOpen: (id: string) => void;
  onSelect: (id: string) => void;
  buttons: MutableRefObject<Map<string, HTMLButtonElement>>;
}) {
  return (
    <ul className="usa-list usa-list--unstyled crier-queue" aria-label="Open comments" data-testid="queue-list">
      {items.map((c) => {
        const current = c.id === currentId;
        const work = platformWork(c);
        const second = awaitingSecond(c);
        return (
          <li key={c.id} className={`crier-queue__item${current ? ' crier-queue__item--current' : ''}`} data-comment-id={c.id} data-current={current ? 'true' : 'false'}>
            <div className="usa-checkbox crier-queue__select">
              <input className="usa-checkbox__input" id={`select-${c.id}`} type="checkbox" checked={selected.has(c.id)} onChange={() => onSelect(c.id)} />
              <label className="usa-checkbox__label" htmlFor={`select-${c.id}`}>
                <span className="usa-sr-only">Select the comment by {who(c)} for a bulk action</span>
              </label>
            </div>
            <button
              type="button"
              className="crier-queue__open"
              aria-current={current ? 'true' : undefined}
              onClick={() => onOpen(c.id)}
              ref={(el) => {
                if (el) buttons.current.set(c.id, el);
                else buttons.current.delete(c.id);
              }}
            >
              <span className="crier-queue__who">{who(c)}</span>{' '}
              <span className={`usa-tag ${SEVERITY_TONE[c.severity] ?? 'crier-tag--neutral'}`}>Severity: {severityLabel(c.severity)}</span>
              {c.legislativePersonId && <span className="usa-tag crier-tag--info margin-left-05">Council member</span>}
              {work && <span className="usa-tag crier-tag--error margin-left-05">Needs action by hand</span>}
              {second && <span className="usa-tag crier-tag--warning margin-left-05">Awaiting second moderator</span>}
              {c.visibility !== 'visible' && <span className="usa-tag crier-tag--neutral margin-left-05">{c.visibility === 'hidden' ? 'Hidden' : 'Removed'}</span>}
              <span className="crier-queue__excerpt">{excerpt(c.text)}</span>
              <span className="crier-queue__meta">{c.platformName ?? 'Unknown platform'}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
