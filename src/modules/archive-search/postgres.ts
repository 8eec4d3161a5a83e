import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { browseFrom, filterConditions, HIT_END, HIT_START, joins, notDisposed, RANK_WINDOW, whereAll, type Cursor, type EngineRow, type SearchEngine } from './engine.ts';
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
/**
 * A phrase of common words has candidates all over the table: the GIN index answers in no order
 * and cannot check word positions, so finding the newest RANK_WINDOW matches meant reading and
 * rechecking every candidate's row. So the newest SLICE seqs are searched first, then SLICE_GROWTH
 * times more, until a stretch holds a full window or is the whole range; a rare phrase ends with
 * the whole range, read at little cost. Only for a phrase with no filter: measured at 1,000,000
 * items, it halved phrases' server time, and made words and filtered searches slower (the planner
 * already reads them well; a filter thins the matches so the first stretches rarely suffice).
 */
export const SLICE = 50_000;
const SLICE_GROWTH = 8;
const sliced = (q: ParsedQuery, f: NormalizedFilters) =>
  q.terms.some((t) => !t.negated && t.tokens.length > 1) &&
  !(f.platform || f.department || f.kind || f.status || f.fromIso || f.toIso || f.author || f.commenter || f.clause || f.seqFrom !== undefined || f.seqTo !== undefined);
const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/** The engine, with the first stretch's size (tests make it small to read a small archive in stretches). */
export const createPostgresEngine = (slice = SLICE): SearchEngine => ({
  async page(ex: Executor, q: ParsedQuery | null, f: NormalizedFilters, after: Cursor | null, limit: number): Promise<EngineRow[]> {
    if (!q) {
      const b = browseFrom(f);
      const conds = [...filterConditions(f, b.seq, 'a'), notDisposed(b.seq)];
      if (after) conds.push(sql`${sql.ref(b.seq)} < ${after.seq}`);
      const r = await sql<{ seq: number }>`SELECT ${sql.ref(b.seq)} AS seq FROM ${b.from} ${joins(f, b.seq, 'a', 'a')} ${whereAll(conds)} ORDER BY ${sql.ref(b.seq)} DESC LIMIT ${limit}`.execute(ex);
      return r.rows.map((row) => ({ seq: Number(row.seq), score: null }));
    }
    // The newest RANK_WINDOW matches passing the filters, then ranked (ts_rank only over those),
    // looked for in the newest stretch of the archive first (see SLICE).
    const page = after && after.score !== null ? sql`WHERE (w.score < ${after.score}::real OR (w.score = ${after.score}::real AND w.seq > ${after.seq}))` : sql``;
    const ranked = async (g: NormalizedFilters) => {
      const r = await sql<{ seq: number; score: number; n: string }>`
        SELECT w.seq, w.score, w.n FROM (
          SELECT m.seq, ts_rank(m.document, tq.q) AS score, count(*) OVER () AS n FROM (
            SELECT e.seq AS seq, e.document AS document
            FROM archive_search_entries e CROSS JOIN ${tsquery(q)} AS tq(q) ${joins(g, 'e.seq', 'e', 'e')}
            ${whereAll([sql`e.document @@ tq.q`, ...filterConditions(g, 'e.seq', 'e')])}
            ORDER BY e.seq DESC LIMIT ${RANK_WINDOW}
          ) m CROSS JOIN ${tsquery(q)} AS tq(q)
        ) w ${page}
        ORDER BY w.score DESC, w.seq ASC LIMIT ${limit}`.execute(ex);
      return r.rows.map((row) => ({ seq: Number(row.seq), score: Number(row.score), windowFull: Number(row.n) >= RANK_WINDOW }));
    };
    if (!sliced(q, f)) return ranked(f);
    const top = await sql<{ hi: number | null }>`SELECT max(seq) AS hi FROM archive_search_entries`.execute(ex);
    const hi = Math.min(Number(top.rows[0]?.hi ?? 0), f.seqTo ?? Number.MAX_SAFE_INTEGER);
    const lo = f.seqFrom ?? 1;
    for (let span = slice; ; span *= SLICE_GROWTH) {
      if (hi - span < lo) return ranked(f);
      const rows = await ranked({ ...f, seqFrom: hi - span + 1 });
      // A full window in the stretch is the window over everything: its newest matches are the newest.
      if (rows.some((row) => row.windowFull)) return rows;
    }
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
