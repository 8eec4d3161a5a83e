import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { browseFrom, filterConditions, HIT_END, HIT_START, joins, notDisposed, RANK_WINDOW, whereAll, type Cursor, type EngineRow, type SearchEngine } from './engine.ts';
import { toFts5, type ParsedQuery } from './query.ts';
import { personMatched } from './sqlite-person.ts';
import type { NormalizedFilters } from './types.ts';

/**
 * SQLite FTS5 (archive_search_fts, external content over the items, filled by the capture
 * trigger of migration 0013). bm25 weighs the text ten times the metadata; it is lower for
 * better matches, so the score is its negation (higher is better, as on PostgreSQL).
 * sqlite-person.ts scores with the metadata weighted 0 where that gives these same scores.
 */
const RANK = sql`-bm25(archive_search_fts, 10.0, 3.0)`;

/** A person's or clause's items: up to CANDIDATES are looked for among the matches (a list, not lookups: "+rowid"); more: the window. */
const CANDIDATES = 50_000;

/**
 * A rowid handed to FTS5 as an integer. better-sqlite3 binds a JS number as a REAL, and FTS5
 * (SQLite 3.53) uses a rowid bound only when it is an integer: a REAL range bound is ignored (the
 * whole doclist is read, SQLite then filters), a REAL `rowid = ?` — what a one-value `IN` becomes
 * — returns every match (test/archive-search/fts5-rowids.test.ts).
 */
export const rowid = (n: number): bigint => BigInt(n);

/** The capture-order bounds inside the FTS5 query itself, where FTS5 seeks on them. */
const rowidRange = (f: NormalizedFilters) =>
  sql.join([...(f.seqFrom !== undefined ? [sql`AND rowid >= ${rowid(f.seqFrom)}`] : []), ...(f.seqTo !== undefined ? [sql`AND rowid <= ${rowid(f.seqTo)}`] : [])], sql` `);

export const sqliteEngine: SearchEngine = {
  async page(ex: Executor, q: ParsedQuery | null, f: NormalizedFilters, after: Cursor | null, limit: number): Promise<EngineRow[]> {
    if (!q) {
      const b = browseFrom(f);
      const conds = [...filterConditions(f, b.seq, 'a'), notDisposed(b.seq)];
      if (after) conds.push(sql`${sql.ref(b.seq)} < ${after.seq}`);
      const r = await sql<{ seq: number }>`SELECT ${sql.ref(b.seq)} AS seq FROM ${b.from} ${joins(f, b.seq, 'a', 'a')} ${whereAll(conds)} ORDER BY ${sql.ref(b.seq)} DESC LIMIT ${limit}`.execute(ex);
      return r.rows.map((row) => ({ seq: Number(row.seq), score: null }));
    }
    const page = after && after.score !== null ? sql`WHERE (w.score < ${after.score} OR (w.score = ${after.score} AND w.seq > ${after.seq}))` : sql``;
    // A person or a clause narrows the archive: find those items first, then their matches, all
    // ranked. FTS5 cannot be handed the list (each rowid is a new cursor, on which bm25 counts
    // every phrase's documents again: 15 ms each for a common word at 1,000,000 items), so a
    // person is added to the query itself when the scores provably stay the same
    // (sqlite-person.ts); otherwise the matches are read once and kept when they are theirs.
    if (f.author || f.commenter || f.clause) {
      const b = browseFrom(f, 'e');
      const c = await sql<{ seq: number }>`SELECT ${sql.ref(b.seq)} AS seq FROM ${b.from} ${whereAll(filterConditions(f, b.seq, 'e'))} ORDER BY ${sql.ref(b.seq)} DESC LIMIT ${CANDIDATES + 1}`.execute(ex);
      if (c.rows.length <= CANDIDATES) {
        if (c.rows.length === 0) return [];
        const list = JSON.stringify(c.rows.map((row) => Number(row.seq)));
        // Only the stretch of the matches between the oldest and newest of theirs is read.
        const span = { ...f, seqFrom: Number(c.rows[c.rows.length - 1]!.seq), seqTo: Number(c.rows[0]!.seq) };
        const person = f.author ?? f.commenter;
        const matched =
          (person && (await personMatched(ex, q, person, { list, from: rowid(span.seqFrom), to: rowid(span.seqTo) }))) ??
          sql`SELECT rowid AS seq, ${RANK} AS score FROM archive_search_fts WHERE archive_search_fts MATCH ${toFts5(q)} ${rowidRange(span)} AND +rowid IN (SELECT value FROM json_each(${list}))`;
        const r = await sql<{ seq: number; score: number }>`SELECT w.seq AS seq, w.score AS score FROM (${matched}) w ${page} ORDER BY w.score DESC, w.seq ASC LIMIT ${limit}`.execute(ex);
        return r.rows.map((row) => ({ seq: Number(row.seq), score: Number(row.score), windowFull: false }));
      }
    }
    // The newest RANK_WINDOW matches passing the filters (FTS5 walks its doclists in rowid order), then ranked.
    const window = sql`SELECT m.seq AS seq, m.score AS score
      FROM (SELECT rowid AS seq, ${RANK} AS score FROM archive_search_fts WHERE archive_search_fts MATCH ${toFts5(q)} ${rowidRange(f)} ORDER BY rowid DESC) m
      ${joins(f, 'm.seq', 'e')} ${whereAll(filterConditions(f, 'm.seq', 'e'))}
      ORDER BY m.seq DESC LIMIT ${RANK_WINDOW}`;
    const r = await sql<{ seq: number; score: number; n: number }>`SELECT w.seq AS seq, w.score AS score, w.n AS n FROM (SELECT x.*, count(*) OVER () AS n FROM (${window}) x) w ${page} ORDER BY w.score DESC, w.seq ASC LIMIT ${limit}`.execute(ex);
    return r.rows.map((row) => ({ seq: Number(row.seq), score: Number(row.score), windowFull: Number(row.n) >= RANK_WINDOW }));
  },

  async snippets(ex: Executor, q: ParsedQuery, seqs: number[]): Promise<Map<number, string>> {
    if (seqs.length === 0) return new Map();
    const r = await sql<{ seq: number; snippet: string | null }>`
      SELECT rowid AS seq, snippet(archive_search_fts, 0, ${HIT_START}, ${HIT_END}, '…', 24) AS snippet
      FROM archive_search_fts WHERE archive_search_fts MATCH ${toFts5(q)} AND rowid IN (${sql.join(seqs.map(rowid))})`.execute(ex);
    return new Map(r.rows.map((row) => [Number(row.seq), row.snippet ?? '']));
  },

  async all(ex: Executor, q: ParsedQuery | null, f: NormalizedFilters, max: number): Promise<{ seq: number; id: string }[]> {
    const conds = q ? filterConditions(f, 'a.seq', 'a') : [...filterConditions(f, 'a.seq', 'a'), notDisposed('a.seq')];
    const source = q ? sql`JOIN (SELECT rowid AS seq FROM archive_search_fts WHERE archive_search_fts MATCH ${toFts5(q)} ${rowidRange(f)}) m ON m.seq = a.seq` : sql``;
    const r = await sql<{ seq: number; id: string }>`
      SELECT a.seq AS seq, a.id AS id FROM archive_items a ${source} ${joins(f, 'a.seq', 'a', 'a')} ${whereAll(conds)}
      ORDER BY a.seq LIMIT ${max}`.execute(ex);
    return r.rows.map((row) => ({ seq: Number(row.seq), id: row.id }));
  },
};
