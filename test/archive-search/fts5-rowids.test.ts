import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/modules/archive-search/query.ts';
import { rowid, sqliteEngine } from '../../src/modules/archive-search/sqlite.ts';
import { createTestContext, type TestContext } from '../context.ts';
import { capture } from './support.ts';

/**
 * FTS5 (SQLite 3.53) uses a rowid constraint only when its value is an integer, and better-sqlite3
 * binds every JS number as a REAL: a REAL `rowid = ?` (what a one-value `IN` becomes) came back
 * with every match of the query, a REAL range bound was not sought on. The engine binds rowids as
 * integers.
 */
describe('archive search on SQLite: rowids reach FTS5 as integers', () => {
  let ctx: TestContext;
  let seqs: number[];
  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
    for (let i = 0; i < 5; i++) await capture(ctx, { renderedText: `Pothole number ${i} on Carson Street` });
    seqs = (await ctx.db.db.selectFrom('archive_items').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
  });
  afterAll(() => ctx.close());

  it('the snippet of one hit is that hit\'s only (not every match of the words)', async () => {
    const marked = await sqliteEngine.snippets(ctx.db.db, parseQuery('pothole')!, [seqs[2]!]);
    expect([...marked.keys()]).toEqual([seqs[2]]);
    expect(marked.get(seqs[2]!)).toContain('number 2');
  });

  it('a rowid bound through rowid() narrows the FTS5 query itself', async () => {
    const r = await sql<{ seq: number }>`SELECT rowid AS seq FROM archive_search_fts WHERE archive_search_fts MATCH 'pothole' AND rowid = ${rowid(seqs[1]!)}`.execute(ctx.db.db);
    expect(r.rows.map((x) => Number(x.seq))).toEqual([seqs[1]]);
  });
});
