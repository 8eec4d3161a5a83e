import { expect, it } from 'vitest';
import type { Executor } from '../../src/db/index.ts';
import type { CaptureInput } from '../../src/modules/archive/index.ts';
import { describeWithContext } from '../context.ts';

describeWithContext('archive: captureMany appends a batch as capture() would, one chained insert', (get) => {
  const tx = <T>(fn: (t: Executor) => Promise<T>) => get().db.db.transaction().execute(fn);
  const input = (i: number, over: Partial<CaptureInput> = {}): CaptureInput => ({ kind: 'comment', sourceTable: 'comments', sourceId: `source-${i}`, departmentId: null, platformId: null, native: { i, text: `comment ${i}` }, renderedText: `comment ${i}`, metadata: { version: 1 }, createdAt: '2026-11-19T17:00:00Z', ...over });

  it('[IV.A.9] chains the batch after the head in order, beside single captures, and the chain verifies', async () => {
    const ctx = get();
    const single = await tx((t) => ctx.archive.capture(t, input(0)));
    const rows = await tx((t) => ctx.archive.captureMany(t, [1, 2, 3].map((i) => input(i))));
    const after = await tx((t) => ctx.archive.capture(t, input(4)));
    expect(rows.map((r) => Number(r.seq))).toEqual([single.seq + 1, single.seq + 2, single.seq + 3]);
    expect(rows[0]!.prev_hash).toBe(single.itemHash);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.item_hash);
    expect(after.prevHash).toBe(rows[2]!.item_hash);
    // The same row capture() makes: retention, rendered text, canonical payloads.
    const stored = await ctx.db.db.selectFrom('archive_items').selectAll().where('seq', '=', single.seq + 2).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ kind: 'comment', source_id: 'source-2', rendered_text: 'comment 2', native: '{"i":2,"text":"comment 2"}', retain_until: single.retainUntil });
    expect((await ctx.archive.verify()).ok).toBe(true);
  });

  it('[IV.A.9] a refused record anywhere in the batch writes nothing of it', async () => {
    const ctx = get();
    const head = await ctx.db.db.selectFrom('archive_head').selectAll().executeTakeFirstOrThrow();
    await expect(tx((t) => ctx.archive.captureMany(t, [input(10), input(11, { native: { password: 'x' } }), input(12)]))).rejects.toThrow(/password/);
    expect(await ctx.db.db.selectFrom('archive_head').selectAll().executeTakeFirstOrThrow()).toEqual(head);
    expect(await ctx.db.db.selectFrom('archive_items').select('id').where('source_id', '=', 'source-10').execute()).toEqual([]);
  });
});
