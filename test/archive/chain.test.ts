import { beforeAll, expect, it } from 'vitest';
import type { Row } from '../../src/db/index.ts';
import { retentionEligibleFrom } from '../../src/policy/index.ts';
import type { ArchiveVerifyResult } from '../../src/modules/archive/index.ts';
import { describeEachDialect } from '../dialects.ts';
import { archiveOn, pack, putBackRows, raw, record } from './support.ts';

const firstBreak = (r: ArchiveVerifyResult) => (r.ok ? null : r.firstBreak);

describeEachDialect('archive: append-only, hash-chained, verified item by item', (get) => {
  let a: ReturnType<typeof archiveOn>;
  const TOTAL = 2050;
  // Pages of 1,000: the walk crosses pages, as it does over a real archive.
  const verify = () => a.archive.verify({ pageSize: 1000 });
  const rowAt = (seq: number) => get().db.selectFrom('archive_items').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
  /** Puts stored rows back exactly as they were. */
  async function putBack(...rows: Row<'archive_items'>[]) {
    for (const row of rows) await get().db.deleteFrom('archive_items').where((eb) => eb.or([eb('seq', '=', row.seq), eb('id', '=', row.id)])).execute();
    await putBackRows(get(), rows);
    expect(await verify()).toMatchObject({ ok: true });
  }

  beforeAll(async () => {
    a = archiveOn(get());
    await get().db.transaction().execute(async (tx) => {
      for (let i = 0; i < TOTAL; i++) await a.archive.capture(tx, record({ departmentId: i % 2 ? null : 'dept-pw' }));
    });
  }, 60_000);

  it('[IV.A.13] keeps each record with its department folder, native payload, SHA-256, capture time and retention', async () => {
    const item = await get().db.transaction().execute((tx) =>
      a.archive.capture(tx, record({ kind: 'removal', departmentId: 'dept-cs', platformId: 'plat-1', native: { b: 1, a: 'x\u0000y' }, renderedText: 'x\u0000y \uD800', createdAt: '2026-03-15T18:00:00Z' })),
    );
    expect(item).toMatchObject({ seq: TOTAL + 1, kind: 'removal', departmentId: 'dept-cs', platformId: 'plat-1', native: { a: 'x\u0000y', b: 1 }, renderedText: 'x\uFFFDy \uFFFD', capturedAt: '2026-11-19T18:00:00.000Z' });
    expect(item.retentionCategory).toBe('removedComments');
    expect(item.retainUntil).toBe(retentionEligibleFrom(pack, 'removedComments', new Date('2026-03-15T18:00:00Z')));
    expect(item.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = await get().db.selectFrom('archive_items').select('native').where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(stored.native).toBe('{"a":"x\\u0000y","b":1}');
    expect(await verify()).toMatchObject({ ok: true, items: TOTAL + 1 });
  });

  it('[IV.A.9] nothing is archived that did not happen: a capture rolls back with its write', async () => {
    const before = await verify();
    await expect(
      get().db.transaction().execute(async (tx) => {
        await a.archive.capture(tx, record());
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await verify()).toEqual(before);
  });

  it('[IV.A.9] verify names an item altered with raw SQL (its text, or its native payload)', async () => {
    const row = await rowAt(2010);
    await raw(get(), `update archive_items set rendered_text = 'nothing to see' where seq = 2010`);
    expect(firstBreak(await verify())).toMatchObject({ seq: 2010, id: row.id, kind: 'comment', problem: expect.stringMatching(/^item #2010 was altered/) });
    await putBack(row);
    const five = await rowAt(5);
    await raw(get(), `update archive_items set native = '{"text":"Changed"}' where seq = 5`);
    expect(firstBreak(await verify())).toMatchObject({ seq: 5, id: five.id, problem: expect.stringMatching(/native payload no longer matches its SHA-256/) });
    await putBack(five);
  });

  it('[IV.A.9] verify names a deleted item, in the middle and at the end', async () => {
    const row = await rowAt(1500);
    const next = await rowAt(1501);
    await raw(get(), 'delete from archive_items where seq = 1500');
    const r = await verify();
    expect(firstBreak(r)).toMatchObject({ seq: 1500, id: null, problem: `item #1500 is missing: deleted (the next stored item is #1501, comment ${next.id})` });
    expect(r.items).toBe(1499);
    await putBack(row);
    const last = await rowAt(TOTAL + 1);
    await raw(get(), `delete from archive_items where seq = ${TOTAL + 1}`);
    expect(firstBreak(await verify())).toMatchObject({ seq: TOTAL + 1, problem: expect.stringMatching(/missing: deleted \(the archive head records 2051 items\)/) });
    await putBack(last);
  });

  it('[IV.A.9] verify names two items swapped with raw SQL as out of order', async () => {
    const x = await rowAt(100);
    const y = await rowAt(200);
    await raw(get(), 'update archive_items set seq = -100 where seq = 100');
    await raw(get(), 'update archive_items set seq = 100 where seq = 200');
    await raw(get(), 'update archive_items set seq = 200 where seq = -100');
    expect(firstBreak(await verify())).toMatchObject({ seq: 100, id: y.id, kind: 'comment', problem: expect.stringMatching(/item #100 is out of order/) });
    await putBack(x, y);
  });

  it('[IV.A.9] an UPDATE of an archived item does not compile (append-only columns)', () => {
    // @ts-expect-error archive_items columns are Frozen: written once, never updated.
    const q = get().db.updateTable('archive_items').set({ rendered_text: 'x' });
    expect(q).toBeTruthy();
  });
});
