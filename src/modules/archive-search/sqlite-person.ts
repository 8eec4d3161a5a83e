import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { toFts5, type ParsedQuery } from './query.ts';
import type { PersonMatch } from './types.ts';

/** An FTS5 string: anything between double quotes is text, a quote doubled. */
const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** ASCII letters and digits are token characters for unicode61 whatever else the text holds: such a phrase is never empty. */
const surelyTokens = (text: string) => /[A-Za-z0-9]/.test(text);

export interface Span {
  /** The person's candidate items (a JSON list of seqs) and their lowest and highest seq. */
  list: string;
  from: bigint;
  to: bigint;
}

/**
 * A person's matches on SQLite, found by FTS5 itself, scored exactly as the query alone scores them.
 *
 * FTS5 has no cheap way to intersect a query with a list of rowids (each rowid is a new cursor,
 * and bm25 recounts every phrase's documents on each one), and reading all of a common word's
 * matches between the person's oldest and newest item to keep theirs costs 50-100 ms at
 * 1,000,000 items. Instead the person is added to the query: `(query) AND (meta:"name" OR
 * meta:"handle")` (a side row's name and handle are the item's own, lower-cased, and meta_text
 * holds them as written: the tokenizer folds case, and ignores the `@`, so the phrase is in the
 * metadata of every item that names them), and FTS5 intersects the doclists, skipping ahead.
 *
 * The score: bm25 sums, phrase by phrase in query order, idf × f(weighted frequency); an
 * instance's weight is its column's. With the metadata weighted 0 instead of 3, the added phrases
 * (metadata only) add exactly 0, and the query's own phrases score as before as long as none of
 * them occurs in the row's metadata: idf, the row's length and the average length do not depend
 * on the weights. So the shortcut is taken only when no matched item of theirs has a query phrase
 * in its metadata (one more FTS5 query, also an intersection), and when nobody is matched by
 * person id alone (not in the metadata text); otherwise null, and the caller reads the matches.
 */
export async function personMatched(ex: Executor, q: ParsedQuery, p: PersonMatch, span: Span): Promise<RawBuilder<unknown> | null> {
  const byIdOnly = await sql<{ x: number }>`SELECT 1 AS x FROM archive_search_entries WHERE author_person_id = ${p.personId} AND author_name IS NOT ${p.name} AND author_handle IS NOT ${p.handle} LIMIT 1`.execute(ex);
  if (byIdOnly.rows.length) return null;
  const phrases: string[] = [];
  for (const [value, column] of [[p.name, 'author_name'], [p.handle, 'author_handle']] as const) {
    if (phrases.includes(`meta:${quote(value)}`)) continue;
    if (!surelyTokens(value)) {
      // FTS5 matches nothing with a phrase of no tokens: then nobody may be matched by this value.
      const indexed = await sql<{ seq: number }>`SELECT rowid AS seq FROM archive_search_fts WHERE archive_search_fts MATCH ${`meta:${quote(value)}`} LIMIT 1`.execute(ex);
      if (!indexed.rows.length) {
        const named = await sql<{ x: number }>`SELECT 1 AS x FROM archive_search_entries WHERE ${sql.ref(column)} = ${value} LIMIT 1`.execute(ex);
        if (named.rows.length) return null;
        continue;
      }
    }
    phrases.push(`meta:${quote(value)}`);
  }
  if (!phrases.length) return null;
  const theirs = `(${toFts5(q)}) AND (${phrases.join(' OR ')})`;
  const within = sql`AND rowid >= ${span.from} AND rowid <= ${span.to} AND +rowid IN (SELECT value FROM json_each(${span.list}))`;
  const inMeta = q.terms.filter((t) => !t.negated).map((t) => `meta:${quote(t.tokens.join(' '))}`);
  const clash = await sql<{ seq: number }>`SELECT rowid AS seq FROM archive_search_fts WHERE archive_search_fts MATCH ${`${theirs} AND (${inMeta.join(' OR ')})`} ${within} LIMIT 1`.execute(ex);
  if (clash.rows.length) return null;
  return sql`SELECT rowid AS seq, -bm25(archive_search_fts, 10.0, 0.0) AS score FROM archive_search_fts WHERE archive_search_fts MATCH ${theirs} ${within}`;
}
