import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { invalidInput } from '../../kernel/errors.ts';
import { loadComments } from './repo.ts';
import type { CommentView } from './types.ts';

export interface QueueItem extends CommentView {
  /** The commenter's record on this platform: comments, and how many were hidden or removed. */
  authorHistory: { comments: number; hiddenOrRemoved: number };
}

export interface QueuePage {
  items: QueueItem[];
  /** Pass back as `after` for the next page; null at the end. */
  next: string | null;
  /** Open comments, counted up to OPEN_COUNT_CAP. */
  open: number;
  /** True when there are more than `open`. */
  openCapped: boolean;
}

export const OPEN_COUNT_CAP = 10_000;

const encode = (c: { severity: number; capturedAt: string; id: string }) => Buffer.from(JSON.stringify([c.severity, c.capturedAt, c.id])).toString('base64url');
function decode(cursor: string): [number, string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'string' && typeof v[2] === 'string') return v as [number, string, string];
  } catch {
    /* fall through */
  }
  throw invalidInput('query.after', 'not a cursor from this queue');
}

/**
 * The moderation queue: open comments, most severe first, oldest first within a severity, read
 * by keyset (never OFFSET) so the first page stays fast with a million comments stored.
 */
export async function queuePage(db: Executor, options: { limit?: number; after?: string; platformId?: string }): Promise<QueuePage> {
  const limit = Math.min(Math.max(options.limit ?? 25, 1), 100);
  let q = db.selectFrom('comments').select(['id', 'severity', 'captured_at']).where('review_state', '=', 'open');
  if (options.platformId) q = q.where('platform_id', '=', options.platformId);
  if (options.after) {
    const [sev, at, id] = decode(options.after);
    q = q.where((eb) => eb.or([eb('severity', '<', sev), eb.and([eb('severity', '=', sev), eb.or([eb('captured_at', '>', at), eb.and([eb('captured_at', '=', at), eb('id', '>', id)])])])]));
  }
  const rows = await q.orderBy('severity', 'desc').orderBy('captured_at', 'asc').orderBy('id', 'asc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const comments = await loadComments(db, page.map((r) => r.id));
  // The commenters' records in one grouped query (not one per commenter on the page).
  const history = new Map<string, { comments: number; hiddenOrRemoved: number }>();
  const handles = [...new Set(comments.map((c) => c.authorHandle).filter((h): h is string => h !== null))];
  if (handles.length) {
    const rows = await db
      .selectFrom('comments')
      .select(['platform_id', 'author_handle', sql<number>`count(*)`.as('n'), sql<number>`sum(case when visibility <> 'visible' then 1 else 0 end)`.as('down')])
      .where('platform_id', 'in', [...new Set(comments.map((c) => c.platformId))])
      .where('author_handle', 'in', handles)
      .groupBy(['platform_id', 'author_handle'])
      .execute();
    for (const r of rows) history.set(`${r.platform_id}\n${r.author_handle}`, { comments: Number(r.n), hiddenOrRemoved: Number(r.down ?? 0) });
  }
  // Counted up to a cap: an exact count of a huge backlog would cost more than the page itself.
  let openQ = db.selectFrom('comments').select('id').where('review_state', '=', 'open');
  if (options.platformId) openQ = openQ.where('platform_id', '=', options.platformId);
  const counted = Number((await db.selectFrom(openQ.limit(OPEN_COUNT_CAP + 1).as('o')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const open = Math.min(counted, OPEN_COUNT_CAP);
  const last = page.at(-1);
  return {
    items: comments.map((c) => ({ ...c, authorHistory: history.get(`${c.platformId}\n${c.authorHandle}`) ?? { comments: 1, hiddenOrRemoved: 0 } })),
    next: rows.length > limit && last ? encode({ severity: last.severity, capturedAt: last.captured_at, id: last.id }) : null,
    open,
    openCapped: counted > OPEN_COUNT_CAP,
  };
}
