import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { filterConditions, PAST_EVERY_SEQ, RANK_WINDOW, whereAll } from './engine.ts';
import type { NormalizedFilters } from './types.ts';

/**
 * The ranking window on PostgreSQL: the newest RANK_WINDOW matches passing the filters, with
 * their ts_rank, newest first.
 *
 * The GIN index answers in no order, so the window was found by walking the table newest first
 * and checking each row (72,000 rows for a topic word in one department) or by reading every
 * match and sorting. Migration 0024's GIN index also holds each row's stretch of the archive
 * (seq >> BUCKET_SHIFT), its department, platform, kind and creation day, so the index itself
 * intersects the words with the filters and with a stretch. The window is read in rounds, newest
 * first, each for what it still lacks: a walk of the newest rows (where a common word fills it),
 * then, sized from the density seen so far, more walking if few rows remain to read, else
 * stretches through the index, else (a rare match) the rest of the range at once. The exact
 * conditions always apply too: the index terms only narrow the reading, never the answer.
 */
export const BUCKET_SHIFT = 14; // 16,384 seqs: must match migration 0024's index expression

/** How the rounds are cut (tests make them small to read a small archive in every kind of round). */
export interface WindowShape {
  /** A stretch is 2^bucketShift seqs; the index serves only BUCKET_SHIFT, but any gives the same answer. */
  bucketShift: number;
  /** Walking a row costs ~0.2 µs of server CPU, reading one through the index ~1.5 µs and each stretch's GIN probe ~0.4 ms: walk up to this many rows. */
  maxWalk: number;
  /** At most this many stretches in one round (each is one more GIN probe); more is read at once. */
  maxBuckets: number;
}
export const WINDOW_SHAPE: WindowShape = { bucketShift: BUCKET_SHIFT, maxWalk: 16_384, maxBuckets: 16 };
/** A creation-date range of at most this many days is handed to the index as its days. */
const MAX_DAYS = 62;
const DAY = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}T/;

/** The UTC days (YYYY-MM-DD, as the index keeps left(created_on_platform_at, 10)) the range touches; null when open or long. */
function createdDays(f: NormalizedFilters): string[] | null {
  if (f.dateField !== 'created' || !f.fromIso || !f.toIso) return null;
  if (!ISO_DAY.test(f.fromIso) || !ISO_DAY.test(f.toIso)) return null;
  const first = Date.parse(f.fromIso.slice(0, 10));
  const last = Date.parse(f.toIso.slice(0, 10));
  if ((last - first) / DAY + 1 > MAX_DAYS) return null;
  const out: string[] = [];
  for (let t = first; t <= last; t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The filter conditions, written so that migration 0024's GIN index can answer the department and creation day. */
function conditions(f: NormalizedFilters, days: string[] | null): RawBuilder<unknown>[] {
  const rest: NormalizedFilters = { ...f, department: undefined, seqFrom: undefined, seqTo: undefined };
  const out: RawBuilder<unknown>[] = [];
  // The index keeps a department as coalesce(department_id, ''): department ids are never empty.
  if (f.department === 'city') out.push(sql`coalesce(e.department_id, '') = ''`, sql`e.department_id IS NULL`);
  else if (f.department) out.push(sql`coalesce(e.department_id, '') = ${f.department}`);
  if (days) {
    rest.fromIso = undefined;
    rest.toIso = undefined;
    out.push(sql`left(e.created_on_platform_at, 10) = ANY(${days}::text[])`);
    // "|| ''": the same comparison, kept off the created-date btree, whose whole month of rows the
    // planner would otherwise AND with the index's few candidates.
    out.push(sql`(e.created_on_platform_at || '') >= ${f.fromIso}`, sql`(e.created_on_platform_at || '') < ${f.toIso}`);
  }
  return [...out, ...filterConditions(rest, 'e.seq', 'e')];
}

/** Reads by person and by clause go through their own indexes: narrow, and spread over the archive. */
const narrowFilters = (f: NormalizedFilters) => Boolean(f.author || f.commenter || f.clause);

/** The window as "seq:score" items, newest first, comma-joined (one text for the page query to split), and how many. */
export interface Window {
  items: string;
  count: number;
}

/** The window, newest first. `firstWalk`: how many of the newest seqs are walked first. */
export async function rankingWindow(ex: Executor, tsquery: RawBuilder<unknown>, f: NormalizedFilters, firstWalk: number, shape: WindowShape = WINDOW_SHAPE): Promise<Window> {
  const { bucketShift, maxWalk, maxBuckets } = shape;
  const days = createdDays(f);
  const conds = [sql`e.document @@ tq.q`, ...conditions(f, days)];
  // Each match's score is computed as it is read (its row is at hand), after the limit, as text:
  // float4's exact shortest form, so the page query compares the very same real values. A round
  // answers one row (a thousand row objects and two array parameters cost the client ~3.5 ms).
  // `opaque`: the query's words hidden from the planner's estimate (see the stretches below).
  const matches = (from: RawBuilder<unknown>, extra: RawBuilder<unknown>[], limit: number, opaque = false) => sql`
    SELECT count(*)::int AS n, string_agg(m.seq::text || ':' || ts_rank(m.document, tq.q)::text, ',' ORDER BY m.seq DESC) AS items FROM (
      SELECT e.seq AS seq, e.document AS document FROM ${from} CROSS JOIN ${opaque ? sql`(SELECT ${tsquery} AS q OFFSET 0) AS tq` : sql`${tsquery} AS tq(q)`}
      ${whereAll([...conds, ...extra])} ORDER BY e.seq DESC LIMIT ${limit}
    ) m CROSS JOIN ${tsquery} AS tq(q)`;
  const parts: string[] = [];
  let count = 0;
  const take = (row: { n: number | null; items: string | null } | undefined) => {
    if (!row?.n || !row.items) return;
    parts.push(row.items);
    count += Number(row.n);
  };
  const done = (): Window => ({ items: parts.join(','), count });
  const read = async (from: RawBuilder<unknown>, extra: RawBuilder<unknown>[], limit: number, opaque = false) => {
    take((await sql<{ n: number; items: string | null }>`${matches(from, extra, limit, opaque)}`.execute(ex)).rows[0]);
  };
  // Every row of a stretch, newest first, off the primary key: cheapest where matches are dense.
  const walked = (from: RawBuilder<unknown>, to: RawBuilder<unknown>) => sql`(SELECT * FROM archive_search_entries WHERE seq >= ${from} AND seq <= ${to} ORDER BY seq DESC OFFSET 0) e`;
  const table = sql`archive_search_entries e`;
  const lo = f.seqFrom ?? 1;
  // A person, a clause or a few days of creation already narrow the reading to few rows.
  if (narrowFilters(f) || days) {
    await read(table, [...(f.seqFrom !== undefined ? [sql`e.seq >= ${lo}`] : []), ...(f.seqTo !== undefined ? [sql`e.seq <= ${f.seqTo}`] : [])], RANK_WINDOW);
    return done();
  }
  // The first round walks the newest seqs, and learns which is the newest in the same statement.
  const firstRows = Math.min(firstWalk, PAST_EVERY_SEQ);
  const head = await sql<{ top: number | null; n: number; items: string | null }>`
    SELECT t.top, m.n, m.items FROM (SELECT least(max(seq), ${f.seqTo ?? PAST_EVERY_SEQ}) AS top FROM archive_search_entries) t
    CROSS JOIN LATERAL (${matches(walked(sql`greatest(${lo}, t.top - ${firstRows - 1})`, sql`t.top`), [], RANK_WINDOW)}) m`.execute(ex);
  const newest = head.rows[0]?.top ?? null;
  if (newest === null) return done();
  take(head.rows[0]);
  let hi = Math.max(lo, Number(newest) - firstRows + 1) - 1;
  let rows = 0; // the next round's length in seqs
  let walk = false;
  const plan = () => {
    // The next round: enough for what is missing at the density seen so far, with a quarter
    // more; walked when that is few rows, else read through the index stretch by stretch; when
    // nothing matched yet, the rest at once (a rare match: the index returns few rows).
    const seen = count;
    rows = seen === 0 ? Number.MAX_SAFE_INTEGER : Math.ceil((((RANK_WINDOW - seen) * (Number(newest) - hi)) / seen) * 1.25);
    walk = seen > 0 && rows <= maxWalk;
    if (!walk && (hi - Math.max(lo, hi - rows + 1)) >> bucketShift >= maxBuckets) rows = Number.MAX_SAFE_INTEGER;
  };
  plan();
  while (hi >= lo && count < RANK_WINDOW) {
    const need = RANK_WINDOW - count;
    const from = Math.max(lo, hi - rows + 1);
    if (walk) await read(walked(sql`${from}`, sql`${hi}`), [], need);
    else {
      const first = from >> bucketShift;
      const last = hi >> bucketShift;
      // "seq + 0": bounds checked on the rows the index returns, not read off the primary key
      // (the planner would AND the whole stretch's keys with the index's few matches).
      const bounds = [sql`e.seq + 0 >= ${from}`, sql`e.seq + 0 <= ${hi}`];
      const stretches = last - first + 1 <= maxBuckets ? [sql`(e.seq >> ${sql.lit(bucketShift)}) = ANY(${Array.from({ length: last - first + 1 }, (_, i) => last - i)}::int[])`] : [];
      // The planner takes a phrase's words as independent and expects a few dozen rows; then it
      // leaves the stretches out of the index scan and reads every match of the archive (8,400
      // for "refinery flare": 26 ms). With the words out of its sight it assumes 0.5 % and keeps
      // them in (1,250 rows, 8 ms).
      await read(table, [...stretches, ...bounds], need, stretches.length > 0);
    }
    hi = from - 1;
    plan();
  }
  return done();
}
