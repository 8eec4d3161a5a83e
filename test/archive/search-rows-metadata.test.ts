import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows, type NewRow } from '../../src/db/index.ts';
import type { CaptureInput } from '../../src/modules/archive/index.ts';
import { createTestContext, type TestContext } from '../context.ts';

// captureMany builds an item's search side row from the metadata value it was given, not from
// parsing the stored JSON back (src/modules/archive/search-rows.ts). Values that JSON writes
// differently from how they are held — Dates, undefined members, undefined in arrays — must
// still give the side row the insert trigger derives from the stored JSON, or a search by date,
// commenter or clause would miss the item.
const metadatas: Record<string, unknown>[] = [
  { createdOnPlatformAt: new Date('2026-11-19T12:00:00Z'), author: { name: 'Dana Díaz', handle: '@Dana.Bsky', personId: undefined }, reason: undefined, clauses: ['V.7', new Date('2026-01-02T00:00:00Z'), undefined] },
  { author: new Date('2026-11-19T12:00:00Z'), status: new Date('2026-03-04T05:06:07Z'), decision: undefined, change: 'edited' },
  { author: { name: undefined, handle: 'x' }, clauses: new Date('2026-11-19T12:00:00Z') },
];

describe('[IV.A.13] archive search side rows from the captured metadata value (SQLite)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
  });
  afterAll(() => ctx?.close());

  it('are the rows the trigger derives from the stored JSON, when the metadata holds Dates and undefined members', async () => {
    const db = ctx.db.db;
    const inputs: CaptureInput[] = metadatas.map((metadata, k) => ({ kind: 'comment', sourceId: `dated-${k}`, departmentId: null, platformId: null, native: { k }, renderedText: `dated comment ${k}`, metadata }));
    const captured = await db.transaction().execute((tx) => ctx.archive.captureMany(tx, inputs));
    const offset = 10_000;
    await insertRows(db, 'sqlite', 'archive_items', captured.map((r): NewRow<'archive_items'> => ({ ...r, seq: r.seq + offset, id: `${r.id}-direct` })));

    const entry = async (seq: number) => {
      const { seq: _s, item_id: _i, ...rest } = (await sql<Record<string, unknown>>`SELECT * FROM archive_search_entries WHERE seq = ${seq}`.execute(db)).rows[0]!;
      return rest;
    };
    const clauses = async (seq: number) => (await sql<{ clause: string }>`SELECT clause FROM archive_search_clauses WHERE seq = ${seq} ORDER BY clause`.execute(db)).rows.map((r) => r.clause);
    for (const row of captured) {
      expect(await entry(row.seq), `side row of item ${row.seq}`).toEqual(await entry(row.seq + offset));
      expect(await clauses(row.seq)).toEqual(await clauses(row.seq + offset));
    }
    expect(await entry(captured[0]!.seq)).toMatchObject({ created_on_platform_at: '2026-11-19T12:00:00.000Z', author_handle: 'dana.bsky' });
    expect(await clauses(captured[0]!.seq)).toEqual(['2026-01-02T00:00:00.000Z', 'V.7']);
    expect(await entry(captured[1]!.seq)).toMatchObject({ status: '2026-03-04T05:06:07.000Z', author_name: null });
  });
});
