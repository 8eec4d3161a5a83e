import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { browseFrom, filterConditions, HIT_END, HIT_START, joins, notDisposed, RANK_WINDOW, whereAll, type Cursor, type EngineRow, type SearchEngine } from './engine.ts';
import { rankingWindow, WINDOW_SHAPE, type WindowShape } from './postgres-window.ts';
import { toWebsearch, type ParsedQuery } from './query.ts';
import type { NormalizedFilters } from './types.ts';

/**
 * PostgreSQL full text: archive_search_entries.document (text weighted A, metadata B; GIN index),
 * websearch_to_tsquery over the quoted terms, ts_rank for relevance (float4: the cursor's score
 * is compared as real so a page boundary is exact).
 */
const tsquery = (q: ParsedQuery) => sql`websearch_to_tsquery('english', ${toWebsearch(q)})`;
/** ts_headline drops what its parser takes for HTML tags; a stand-in for "<" keeps the text as written. */
const LT = '\uE002';
/** How many of the newest seqs a ranking window is looked for in first (see postgres-window.ts). */
export const SLICE = 4096;
const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/** The engine, with the first walk's length and the stretches' size (tests make them small to read a small archive in rounds). */
export const createPostgresEngine = (slice = SLICE, shape: WindowShape = WINDOW_SHAPE): SearchEngine => ({
  async page(ex: Executor, q: ParsedQuery | null, f: NormalizedFilters, after: Cursor | null, limit: number): Promise<EngineRow[]> {
    if (!q) {
      const b = browseFrom(f);
      const conds = [...filterConditions(f, b.seq, 'a'), notDisposed(b.seq)];
      if (after) conds.push(sql`${sql.ref(b.seq)} < ${after.seq}`);
      const r = await sql<{ seq: number }>`SELECT ${sql.ref(b.seq)} AS seq FROM ${b.from} ${joins(f, b.seq, 'a', 'a')} ${whereAll(conds)} ORDER BY ${sql.ref(b.seq)} DESC LIMIT ${limit}`.execute(ex);
      return r.rows.map((row) => ({ seq: Number(row.seq), score: null }));
    }
    // The newest RANK_WINDOW matches passing the filters, with their ts_rank (postgres-window.ts),
    // then ordered and paged here.
    const window = await rankingWindow(ex, tsquery(q), f, slice, shape);
    if (window.count === 0) return [];
    const page = after && after.score !== null ? sql`WHERE (w.score < ${after.score}::real OR (w.score = ${after.score}::real AND w.seq > ${after.seq}))` : sql``;
    const r = await sql<{ seq: number; score: number }>`
      SELECT w.seq, w.score FROM (
        SELECT split_part(x, ':', 1)::int AS seq, split_part(x, ':', 2)::real AS score FROM unnest(string_to_array(${window.items}, ',')) AS x
      ) w ${page}
      ORDER BY w.score DESC, w.seq ASC LIMIT ${limit}`.execute(ex);
    const windowFull = window.count >= RANK_WINDOW;
    return r.rows.map((row) => ({ seq: Number(row.seq), score: Number(row.score), windowFull }));
  },

  async snippets(ex: Executor, q: ParsedQuery, seqs: number[]): Promise<Map<number, string>> {
    if (seqs.length === 0) return new Map();
    const r = await sql<{ seq: number; snippet: string | null }>`
      SELECT a.seq AS seq, ts_headline('english', replace(left(a.rendered_text, 250000), '<', ${LT}), tq.q, ${HEADLINE_OPTIONS}) AS snippet
      FROM archive_items a CROSS JOIN ${tsquery(q)} AS tq(q) WHERE a.seq IN (${sql.join(seqs)})`.execute(ex);
    return new Map(r.rows.map((row) => [Number(row.seq), (row.snippet ?? '').replaceAll(LT, '<')]));
  },

  async all(ex: Executor, q: ParsedQuery | null, f: NormalizedFilters, max: number): Promise<{ seq: number; id: string }[]> {
    const conds = filterConditions(f, 'a.seq', 'a');
    const r = q
      ? await sql<{ seq: number; id: string }>`
          SELECT a.seq AS seq, a.id AS id FROM archive_search_entries e CROSS JOIN ${tsquery(q)} AS tq(q) JOIN archive_items a ON a.seq = e.seq
          ${whereAll([sql`e.document @@ tq.q`, ...conds])} ORDER BY e.seq LIMIT ${max}`.execute(ex)
      : await sql<{ seq: number; id: string }>`
          SELECT a.seq AS seq, a.id AS id FROM archive_items a ${joins(f, 'a.seq', 'a', 'a')} ${whereAll([...conds, notDisposed('a.seq')])} ORDER BY a.seq LIMIT ${max}`.execute(ex);
    return r.rows.map((row) => ({ seq: Number(row.seq), id: row.id }));
  },
});

export const postgresEngine = createPostgresEngine();
