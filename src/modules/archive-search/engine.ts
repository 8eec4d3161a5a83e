import { sql, type RawBuilder } from 'kysely';
import type { DialectName, Executor } from '../../db/index.ts';
import type { ParsedQuery } from './query.ts';
import { COMMENT_KINDS, type NormalizedFilters, type PersonMatch } from './types.ts';

/** Where a page starts: after this score and seq (ranked), or before this seq (browsing, newest first). */
export interface Cursor {
  score: number | null;
  seq: number;
}

export interface EngineRow {
  seq: number;
  score: number | null;
  /** Set on ranked rows: true when the query had more matches than RANK_WINDOW (only the newest were ranked). */
  windowFull?: boolean;
}

/**
 * One interface, two implementations (SQLite FTS5, PostgreSQL full text). The query is already
 * parsed into quoted tokens; filters already checked.
 */
export interface SearchEngine {
  /** One page: ranked by relevance then seq when there is a query, newest first when there is none. */
  page(ex: Executor, q: ParsedQuery | null, f: NormalizedFilters, after: Cursor | null, limit: number): Promise<EngineRow[]>;
  /** Snippets of the given items' text with the matched words marked (HIT_START … HIT_END). */
  snippets(ex: Executor, q: ParsedQuery, seqs: number[]): Promise<Map<number, string>>;
  /** Every matching item in capture order, at most `max` (collecting into a records request). */
  all(ex: Executor, q: ParsedQuery | null, f: NormalizedFilters, max: number): Promise<{ seq: number; id: string }[]>;
}

/**
 * A broad query (a word in most of the archive) cannot rank every match within the time a person
 * waits: relevance is computed over the newest RANK_WINDOW matches that pass the filters, and the
 * page says so (`rankedWithin`); a narrower query or filters bring older items in.
 */
export const RANK_WINDOW = 1000;

/** Private-use characters that mark a hit in a snippet (split apart before anything is shown). */
export const HIT_START = '\uE000';
export const HIT_END = '\uE001';

/**
 * Where the kind, department, platform and capture time are read: `a` (archive_items, whose
 * indexes browsing walks) or `e` (the side row, which holds them since migration 0018: narrow, so
 * checking thousands of ranked candidates against them costs little).
 */
export type Facets = 'a' | 'e';

/** Which tables the filters need joined. */
export function needs(f: NormalizedFilters, facets: Facets): { items: boolean; entries: boolean } {
  const facet = Boolean(f.platform || f.department || f.kind || f.commenter || (f.dateField === 'captured' && (f.fromIso || f.toIso)));
  return {
    items: facets === 'a' && facet,
    entries: Boolean((facets === 'e' && facet) || f.status || f.author || f.commenter || (f.dateField === 'created' && (f.fromIso || f.toIso))),
  };
}

const personMatch = (p: PersonMatch): RawBuilder<unknown> => sql`(e.author_name = ${p.name} OR e.author_handle = ${p.handle} OR e.author_person_id = ${p.personId})`;

/**
 * The filter conditions, the same SQL on both dialects, over `a` (archive_items) and `e`
 * (archive_search_entries), each joined on `<seqRef>`; the kind, department, platform and capture
 * time from `facets`.
 */
export function filterConditions(f: NormalizedFilters, seqRef: string, facets: Facets): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  const col = (c: string) => sql.ref(`${facets}.${c}`);
  if (f.platform) out.push(sql`${col('platform_id')} = ${f.platform}`);
  if (f.department === 'city') out.push(sql`${col('department_id')} IS NULL`);
  else if (f.department) out.push(sql`${col('department_id')} = ${f.department}`);
  if (f.kind) out.push(sql`${col('kind')} = ${f.kind}`);
  if (f.status) out.push(sql`e.status = ${f.status}`);
  const dateCol = f.dateField === 'created' ? sql.ref('e.created_on_platform_at') : col('captured_at');
  if (f.fromIso) out.push(sql`${dateCol} >= ${f.fromIso}`);
  if (f.toIso) out.push(sql`${dateCol} < ${f.toIso}`);
  if (f.author) out.push(personMatch(f.author));
  if (f.commenter) {
    out.push(personMatch(f.commenter));
    out.push(sql`${col('kind')} IN (${sql.join([...COMMENT_KINDS])})`);
  }
  if (f.seqFrom !== undefined) out.push(sql`${sql.ref(seqRef)} >= ${f.seqFrom}`);
  if (f.seqTo !== undefined) out.push(sql`${sql.ref(seqRef)} <= ${f.seqTo}`);
  if (f.clause) out.push(sql`EXISTS (SELECT 1 FROM archive_search_clauses c WHERE c.clause = ${f.clause} AND c.seq = ${sql.ref(seqRef)})`);
  return out;
}

/** Joins of archive_items (a) and archive_search_entries (e) to `<seqRef>`, only those the filters use. */
export function joins(f: NormalizedFilters, seqRef: string, facets: Facets, skip: 'a' | 'e' | null = null): RawBuilder<unknown> {
  const n = needs(f, facets);
  const parts: RawBuilder<unknown>[] = [];
  if (n.items && skip !== 'a') parts.push(sql`JOIN archive_items a ON a.seq = ${sql.ref(seqRef)}`);
  if (n.entries && skip !== 'e') parts.push(sql`JOIN archive_search_entries e ON e.seq = ${sql.ref(seqRef)}`);
  return parts.length ? sql.join(parts, sql` `) : sql``;
}

const DAY = 86_400_000;

/** A lower bound past every seq, for a range that holds none: PostgreSQL's integer maximum (seq's type there), which both databases compare without error. */
export const PAST_EVERY_SEQ = 2_147_483_647;

/**
 * A date range as a range of seqs, so the engines read only that stretch of the archive (FTS5 and
 * the primary keys seek on it) instead of every newer match; the exact date conditions still
 * apply, so the bounds only narrow the reading, never the answer.
 *
 * Capture dates: the archive captures in seq order at the clock's time (its daily seals rely on
 * the same order); the bounds take a day of margin either side. Dates created on the platform are
 * in no such order, so on SQLite the bounds are the lowest and highest seq of the items created in
 * the range (one pass over that stretch of the created-date index): exact, and narrow because
 * items are mostly captured soon after they are created.
 */
export async function seqBounds(ex: Executor, dialect: DialectName, f: NormalizedFilters): Promise<NormalizedFilters> {
  if (!f.fromIso && !f.toIso) return f;
  const out = { ...f };
  if (f.dateField === 'created') {
    // PostgreSQL's created-date index does not hold the seq (SQLite's holds the rowid): the pass
    // would read every row of the range (76 ms for a month at 1,000,000 items), and its planner
    // already combines that index with the text index.
    if (dialect === 'postgres') return f;
    const conds = [...(f.fromIso ? [sql`created_on_platform_at >= ${f.fromIso}`] : []), ...(f.toIso ? [sql`created_on_platform_at < ${f.toIso}`] : [])];
    // "seq + 0": PostgreSQL would otherwise answer min/max by walking the primary key from each end.
    const r = await sql<{ lo: number | null; hi: number | null }>`SELECT min(seq + 0) AS lo, max(seq + 0) AS hi FROM archive_search_entries ${whereAll(conds)}`.execute(ex);
    const b = r.rows[0];
    const empty = b?.lo === null || b?.lo === undefined;
    out.seqFrom = empty ? PAST_EVERY_SEQ : Number(b.lo);
    out.seqTo = empty ? 0 : Number(b.hi);
    return out;
  }
  if (f.fromIso) {
    const lo = await ex.selectFrom('archive_items').select('seq').where('captured_at', '>=', new Date(Date.parse(f.fromIso) - DAY).toISOString()).orderBy('captured_at').orderBy('seq').limit(1).executeTakeFirst();
    out.seqFrom = lo ? Number(lo.seq) : PAST_EVERY_SEQ;
  }
  if (f.toIso) {
    const hi = await ex.selectFrom('archive_items').select('seq').where('captured_at', '<', new Date(Date.parse(f.toIso) + DAY).toISOString()).orderBy('captured_at', 'desc').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    out.seqTo = hi ? Number(hi.seq) : 0;
  }
  return out;
}

/**
 * Destroyed under disposition (migration 0012): the disposition purges the item's index entries,
 * so text searches never find it; a browse by filters over archive_items leaves it out here.
 */
export const notDisposed = (seqRef: string): RawBuilder<unknown> => sql`NOT EXISTS (SELECT 1 FROM archive_dispositions d WHERE d.item_seq = ${sql.ref(seqRef)})`;

/**
 * Browsing by a clause reads that clause's items off its own index, newest first (ordered by
 * `seq`, the index's own column: ordered by the joined row's, SQLite read all of them and sorted);
 * by a person, that person's items off the three author indexes (one lookup each); not the whole
 * archive newest first. `a` joins archive_items (browsing), `e` only the side rows (a ranked
 * search's candidates).
 */
export function browseFrom(f: NormalizedFilters, facets: Facets = 'a'): { from: RawBuilder<unknown>; seq: string } {
  const rows = facets === 'a' ? sql`archive_items a` : sql`archive_search_entries e`;
  if (f.clause) return { from: sql`archive_search_clauses cl JOIN ${rows} ON ${sql.ref(`${facets}.seq`)} = cl.seq AND cl.clause = ${f.clause}`, seq: 'cl.seq' };
  const p = f.author ?? f.commenter;
  if (p) {
    return {
      from: sql`(SELECT seq FROM archive_search_entries WHERE author_name = ${p.name} UNION SELECT seq FROM archive_search_entries WHERE author_handle = ${p.handle} UNION SELECT seq FROM archive_search_entries WHERE author_person_id = ${p.personId}) ps JOIN ${rows} ON ${sql.ref(`${facets}.seq`)} = ps.seq`,
      seq: `${facets}.seq`,
    };
  }
  return { from: rows, seq: `${facets}.seq` };
}

export const whereAll = (conds: RawBuilder<unknown>[]): RawBuilder<unknown> => (conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``);
