import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api/client.ts';
import { hasRole, useSession } from '../../api/session.tsx';
import { useApi } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { bulkDecide, commentPath, confirmPlatform, decide, moreQueue, queuePath, secondDecision } from './api.ts';
import { BulkBar } from './BulkBar.tsx';
import { orderedGrounds } from './ClausePicker.tsx';
import { CommentDetail } from './CommentDetail.tsx';
import { HelpDialog } from './HelpDialog.tsx';
import { sectionVGrounds, suggestedClauses } from './highlight.ts';
import { QueueList, who } from './QueueList.tsx';
import { DECISION_LABELS, awaitingSecond, platformWork, severityLabel, type CommentDetail as Detail, type CommentView, type DecisionKind, type QueueItem, type QueuePage } from './types.ts';
import { useShortcuts } from './useShortcuts.ts';
import './moderation.css';

const PAGE = 50;
const MODERATORS = ['moderator', 'public_information_analyst', 'city_manager'];

/**
 * The moderation queue (V): open comments, most severe first, beside the one being decided. Built
 * to be cleared from the keyboard; every hide or removal cites Section V clauses.
 */
export function ModerationPage() {
  const { session, policy } = useSession();
  const canDecide = hasRole(session, ...MODERATORS);
  const grounds = useMemo(() => sectionVGrounds(policy?.clauses), [policy]);
  const [items, setItems] = useState<QueueItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [open, setOpen] = useState(0);
  const [openCapped, setOpenCapped] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<ApiError>();
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [picked, setPicked] = useState<Record<string, string[]>>({});
  const [note, setNote] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [helpOpen, setHelpOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [focus, setFocus] = useState<{ to: 'item' | 'detail' | 'empty'; n: number }>({ to: 'item', n: 0 });
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const emptyRef = useRef<HTMLParagraphElement>(null);

  const current = items.find((i) => i.id === currentId) ?? null;
  const detail = useApi<Detail>(current ? commentPath(current.id) : null);
  const versions = detail.data?.id === current?.id ? detail.data?.versions : undefined;
  const options = useMemo(() => orderedGrounds(grounds, current ? suggestedClauses(current.findings) : []), [grounds, current]);
  const currentPicked = current ? (picked[current.id] ?? []) : [];

  const load = useCallback(async () => {
    try {
      const page = await api.get<QueuePage>(queuePath(PAGE));
      setItems(page.items);
      setNext(page.next);
      setOpen(page.open);
      setOpenCapped(page.openCapped === true);
      setLoadError(undefined);
      setCurrentId((id) => (id && page.items.some((i) => i.id === id) ? id : (page.items[0]?.id ?? null)));
      return page;
    } catch (e) {
      setLoadError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e)));
      return undefined;
    } finally {
      setLoaded(true);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Focus follows the work: the current item in the list, the detail when something needs reading, or the "clear" message.
  useEffect(() => {
    if (focus.n === 0) return;
    if (focus.to === 'item' && currentId) buttons.current.get(currentId)?.focus();
    else if (focus.to === 'detail') detailHeading.current?.focus();
    else if (focus.to === 'empty') emptyRef.current?.focus();
  }, [focus, currentId]);
  const focusOn = (to: 'item' | 'detail' | 'empty') => setFocus((f) => ({ to, n: f.n + 1 }));

  const describe = (c: QueueItem) => `Comment by ${who(c)}, severity ${severityLabel(c.severity)}, on ${c.platformName ?? 'an unknown platform'}.`;

  function move(delta: number) {
    if (!items.length) return;
    const at = Math.max(0, items.findIndex((i) => i.id === currentId));
    const to = items[Math.max(0, Math.min(items.length - 1, at + delta))]!;
    setCurrentId(to.id);
    setNote('');
    setError(undefined);
    setAnnouncement(`${to === items[at] ? (delta > 0 ? 'Last comment. ' : 'First comment. ') : ''}${items.indexOf(to) + 1} of ${items.length}. ${describe(to)}`);
    focusOn('item');
  }

  /** Takes the server's answer for one comment: decided ones leave the queue (the next one becomes current), others stay with what they still need. */
  function settle(updated: CommentView, done: string) {
    const index = items.findIndex((i) => i.id === updated.id);
    if (updated.reviewState === 'decided') {
      const rest = items.filter((i) => i.id !== updated.id);
      const nextItem = rest[Math.min(Math.max(index, 0), rest.length - 1)];
      setItems(rest);
      setOpen((n) => Math.max(0, n - 1));
      setSelected((s) => new Set([...s].filter((id) => id !== updated.id)));
      setCurrentId(nextItem?.id ?? null);
      setNote('');
      setAnnouncement(`${done} ${nextItem ? `Next: ${describe(nextItem)}` : 'The queue is clear.'}`);
      focusOn(nextItem ? 'item' : 'empty');
      if (rest.length < 5 && next) void loadMore();
      return;
    }
    const merged: QueueItem = { ...updated, authorHistory: items[index]?.authorHistory ?? { comments: 1, hiddenOrRemoved: 0 } };
    setItems(items.map((i) => (i.id === updated.id ? merged : i)));
    const work = platformWork(merged);
    const second = awaitingSecond(merged);
    setAnnouncement(
      work
        ? `${done} But ${merged.platformName ?? 'the platform'} did not carry it out: ${work.platformNote ?? 'do it by hand'}. Do it by hand, then confirm.`
        : second
          ? `${done} It waits for a second moderator (two-person rule).`
          : done,
    );
    focusOn('detail');
  }

  async function act(run: () => Promise<CommentView>, done: string) {
    setPending(true);
    setError(undefined);
    try {
      settle(await run(), done);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'error', String(e));
      setError(err);
      setAnnouncement(`Not done: ${err.message}`);
    } finally {
      setPending(false);
    }
  }

  function decideCurrent(decision: DecisionKind) {
    if (!current || pending || !canDecide) return;
    if (decision === 'restore' && current.visibility === 'visible') return;
    const clauses = currentPicked;
    if ((decision === 'hide' || decision === 'remove') && clauses.length === 0) {
      setError(new ApiError(0, 'no_clause', `Pick the Section V clause(s) to cite before you ${decision} a comment (keys 1–9, or tick them).`));
      setAnnouncement(`Pick a clause first: a ${decision === 'hide' ? 'hide' : 'removal'} cites Section V.`);
      return;
    }
    const done = `${DECISION_LABELS[decision]} the comment by ${who(current)}${clauses.length ? ` citing ${clauses.join(', ')}` : ''}.`;
    void act(() => decide(current.id, decision, clauses, note), done);
  }

  function toggleClause(id: string) {
    if (!current) return;
    setPicked((p) => {
      const now = p[current.id] ?? [];
      return { ...p, [current.id]: now.includes(id) ? now.filter((c) => c !== id) : [...now, id] };
    });
    setError(undefined);
  }

  function toggleSelect(id: string) {
    const n = new Set(selected);
    if (n.has(id)) n.delete(id);
    else n.add(id);
    setSelected(n);
    setAnnouncement(`${n.has(id) ? 'Selected' : 'Unselected'}. ${n.size} selected.`);
  }

  async function loadMore() {
    if (!next) return;
    try {
      const page = await moreQueue(PAGE, next);
      setItems((list) => [...list, ...page.items.filter((i) => !list.some((l) => l.id === i.id))]);
      setNext(page.next);
      setOpen(page.open);
      setOpenCapped(page.openCapped === true);
    } catch (e) {
      setLoadError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e)));
    }
  }

  async function applyBulk(decision: DecisionKind, clause: string) {
    const ids = [...selected];
    setPending(true);
    setError(undefined);
    try {
      const r = await bulkDecide(ids, decision, [clause]);
      setSelected(new Set());
      const page = await load();
      const stuck = (page?.items ?? []).filter((i) => r.decided.includes(i.id) && platformWork(i)).length;
      setAnnouncement(
        `${DECISION_LABELS[decision]} ${r.decided.length} comment${r.decided.length === 1 ? '' : 's'} citing ${clause}.` +
          (stuck ? ` ${stuck} still need${stuck === 1 ? 's' : ''} doing by hand on the platform.` : '') +
          (r.failed.length ? ` ${r.failed.length} could not be decided: ${r.failed.map((f) => f.error).join('; ')}` : ''),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e)));
    } finally {
      setPending(false);
    }
  }

  const keys: Record<string, () => void> = {
    j: () => move(1),
    ArrowDown: () => move(1),
    p: () => move(-1),
    ArrowUp: () => move(-1),
    k: () => decideCurrent('keep'),
    h: () => decideCurrent('hide'),
    r: () => decideCurrent('remove'),
    x: () => current && toggleSelect(current.id),
    '?': () => setHelpOpen(true),
  };
  for (let n = 1; n <= 9; n++) keys[String(n)] = () => options[n - 1] && canDecide && toggleClause(options[n - 1]!.id);
  useShortcuts(keys, helpOpen);

  return (
    <Page title="Moderation queue">
      <p>
        Open public comments, most severe first. Every hide or removal cites the Section V clause it rests on; removed comments are kept for the City’s records.{' '}
        <button type="button" className="usa-button usa-button--unstyled" onClick={() => setHelpOpen(true)}>
          Keyboard shortcuts (press ?)
        </button>
        {' · '}
        <Link to="/moderation/settings">Moderation settings</Link>
      </p>
      <div className="usa-sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="moderation-announcer">
        {announcement}
      </div>
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <ErrorAlert error={loadError} />
      {!loaded ? (
        <Loading what="Loading the queue" />
      ) : items.length === 0 ? (
        <p ref={emptyRef} tabIndex={-1} data-testid="queue-empty" className="usa-intro">
          The queue is clear: no comment is waiting for a decision.
        </p>
      ) : (
        <div className="grid-row grid-gap">
          <section className="tablet:grid-col-5" aria-labelledby="queue-heading">
            <h2 id="queue-heading" className="margin-top-0">
              Open comments <span data-testid="open-count">({open.toLocaleString()}{openCapped ? '+' : ''})</span>
            </h2>
            <BulkBar count={selected.size} grounds={grounds} pending={pending} onApply={(d, c) => void applyBulk(d, c)} onClear={() => setSelected(new Set())} />
            <QueueList items={items} currentId={currentId} selected={selected} onOpen={(id) => { setCurrentId(id); setNote(''); setError(undefined); }} onSelect={toggleSelect} buttons={buttons} />
            {next && (
              <button type="button" className="usa-button usa-button--outline margin-top-2" onClick={() => void loadMore()}>
                Load more
              </button>
            )}
          </section>
          <div className="tablet:grid-col-7">
            <ErrorAlert error={error} heading={error?.code === 'no_clause' ? 'Pick a clause first' : undefined} />
            {current && (
              <CommentDetail
                ref={detailHeading}
                item={current}
                versions={versions}
                grounds={options}
                picked={currentPicked}
                note={note}
                onNote={setNote}
                canDecide={canDecide}
                meId={session.person?.id}
                pending={pending}
                actions={{
                  decide: decideCurrent,
                  toggleClause,
                  confirmPlatform: (n) => void act(() => confirmPlatform(current.id, n), `Confirmed: done by hand on ${current.platformName ?? 'the platform'}.`),
                  second: () => void act(() => secondDecision(current.id), 'Removal confirmed as second moderator.'),
                }}
              />
            )}
          </div>
        </div>
      )}
    </Page>
  );
}
