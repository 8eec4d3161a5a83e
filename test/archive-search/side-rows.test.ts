import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows, type NewRow } from '../../src/db/index.ts';
import type { CaptureInput } from '../../src/modules/archive/index.ts';
import { createTestContext, type TestContext } from '../context.ts';
import { desk } from './support.ts';

// On SQLite, captureMany writes each item's search side rows itself (src/modules/archive/search-rows.ts)
// instead of leaving them to the insert trigger. Search must not be able to tell the two apart:
// the same item indexed either way gives the same side row, the same clause rows and the same
// full-text index entries, whatever odd shapes its metadata takes.
const metadatas: Record<string, unknown>[] = [
  { platformIds: { remoteId: 'r1' }, author: { handle: '@Resident.One', name: 'Élodie RÉSIDENT' }, createdOnPlatformAt: '2026-11-19T12:00:00.000Z', version: 1, deletedAt: null },
  { decision: 'remove', reason: 'Spam flood of  links ', clauses: ['V.7', 'V.7', 'V.3', 5, null, { x: 1 }], status: 'hidden', author: { personId: 'person-9' } },
  { author: ['not', 'an', 'object'], createdOnPlatformAt: '2026-11-19 12:00', change: 'edited', reason: 42, decision: 1.5 },
  { author: { name: 12, handle: true, personId: 7 }, createdOnPlatformAt: 'not a date', clauses: 'V.1', status: false },
  {},
  { createdOnPlatformAt: 2461000.5, author: { name: '  spaced  ', handle: '@@two' }, clauses: [] },
  { status: 'published', decision: null, change: 'deleted', clauses: ['IV.C.11'], author: { name: 'Ana 😀 Díaz', handle: 'ana.bsky.social' } },
];
const texts = ['The council should fix the potholes on Main Street', 'Buy cheap pills at spam dot example', '', 'emoji only 😀🎉 and a lone \ud800 surrogate', `${'word '.repeat(50_010)}tail`, 'Park hours?', 'deleted comment text'];

describe('[IV.A.13] archive search side rows written by capture on SQLite', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
  });
  afterAll(() => ctx?.close());

  it('are the rows the capture trigger writes for the same item, for every shape of metadata', async () => {
    const db = ctx.db.db;
    const inputs: CaptureInput[] = metadatas.map((metadata, k) => ({ kind: 'comment', sourceId: `source-${k}`, departmentId: null, platformId: null, native: { k }, renderedText: texts[k]!, metadata }));
    const captured = await db.transaction().execute((tx) => ctx.archive.captureMany(tx, inputs));
    // The same rows again, inserted straight into archive_items (as an importer or a bench would): the trigger indexes them.
    const offset = 10_000;
    const direct: NewRow<'archive_items'>[] = captured.map((r) => ({ ...r, seq: r.seq + offset, id: `${r.id}-direct` }));
    await insertRows(db, 'sqlite', 'archive_items', direct);

    const entries = async (seq: number) => {
      const r = await sql<Record<string, unknown>>`SELECT * FROM archive_search_entries WHERE seq = ${seq}`.execute(db);
      expect(r.rows).toHaveLength(1);
      const { seq: _seq, item_id: _id, ...rest } = r.rows[0]!;
      return rest;
    };
    const clauses = async (seq: number) => (await sql<{ clause: string }>`SELECT clause FROM archive_search_clauses WHERE seq = ${seq} ORDER BY clause`.execute(db)).rows.map((r) => r.clause);
    await sql`CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, archive_search_fts, 'instance')`.execute(db);
    const terms = async (seq: number) => (await sql<{ term: string; col: string; offset: number }>`SELECT term, col, offset FROM temp.fts_terms WHERE doc = ${seq} ORDER BY col, offset`.execute(db)).rows;

    for (const row of captured) {
      const viaCapture = await entries(row.seq);
      expect(viaCapture, `side row of item ${row.seq}`).toEqual(await entries(row.seq + offset));
      expect(await clauses(row.seq)).toEqual(await clauses(row.seq + offset));
      const indexed = await terms(row.seq);
      expect(indexed).toEqual(await terms(row.seq + offset));
      if (texts[row.seq - captured[0]!.seq]) expect(indexed.length).toBeGreaterThan(0);
    }
    // What the rows hold, for the plain cases: lower-cased people, ISO dates, the clause list.
    expect(await entries(captured[0]!.seq)).toMatchObject({ author_name: 'Élodie rÉsident', author_handle: 'resident.one', created_on_platform_at: '2026-11-19T12:00:00.000Z', kind: 'comment' });
    expect(await clauses(captured[1]!.seq)).toEqual(['V.3', 'V.7']);
  });

  it('the City Clerk finds an item captured in a batch by a word of its text, by its commenter and by its clause', async () => {
    const { clerk } = await desk(ctx);
    // The item and its copy inserted straight into archive_items.
    expect((await ctx.archiveSearch.search(clerk, { q: 'potholes' })).hits).toHaveLength(2);
    expect((await ctx.archiveSearch.search(clerk, { q: '', filters: { commenter: 'resident.one' } })).hits.length).toBeGreaterThan(0);
    expect((await ctx.archiveSearch.search(clerk, { q: 'spam', filters: { clause: 'V.7' } })).hits.length).toBeGreaterThan(0);
    expect((await ctx.archiveSearch.search(clerk, { q: 'potholes', filters: { clause: 'V.7' } })).hits).toHaveLength(0);
  });
});
