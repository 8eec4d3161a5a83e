import { beforeAll, expect, it } from 'vitest';
import { itemHash, type ArchiveVerifyResult } from '../../src/modules/archive/index.ts';
import { describeEachDialect } from '../dialects.ts';
import { archiveOn, putBackRows, raw, record } from './support.ts';

const firstBreak = (r: ArchiveVerifyResult) => (r.ok ? null : r.firstBreak);

describeEachDialect('archive: daily seals', (get) => {
  let a: ReturnType<typeof archiveOn>;
  const captureN = (n: number) =>
    get().db.transaction().execute(async (tx) => {
      for (let i = 0; i < n; i++) await a.archive.capture(tx, record());
    });

  beforeAll(async () => {
    // Thursday 19 November 2026, 10:00 in Carson; then Friday; then Saturday 23:30 (Sunday 07:30 UTC).
    a = archiveOn(get(), '2026-11-19T18:00:00Z');
    await captureN(3);
    a.clock.set('2026-11-20T18:00:00Z');
    await captureN(2);
    a.clock.set('2026-11-22T07:30:00Z');
    await captureN(1);
  });

  it('[IV.A.13] tick seals every complete City day once, empty days included, and is idempotent', async () => {
    a.clock.set('2026-11-23T18:00:00Z'); // Monday
    expect(await a.archive.tick(a.clock.now())).toEqual(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
    expect(await a.archive.tick(a.clock.now())).toEqual([]);
    const seals = (await a.archive.listSeals()).reverse();
    expect(seals.map((s) => [s.date, s.firstSeq, s.lastSeq, s.count])).toEqual([
      ['2026-11-19', 1, 3, 3],
      ['2026-11-20', 4, 5, 2],
      // 23:30 on Saturday in Carson is already Sunday in UTC: the City's day decides.
      ['2026-11-21', 6, 6, 1],
      ['2026-11-22', 7, 6, 0],
    ]);
    expect(seals[3]!.headHash).toBe(seals[2]!.headHash);
    expect(await a.archive.seal('2026-11-20')).toEqual(seals[1]);
    const audited = await get().db.selectFrom('audit_events').select('target_id').where('action', '=', 'archive.sealed').execute();
    expect(audited.map((e) => e.target_id).sort()).toEqual(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
    expect(await a.archive.verify()).toMatchObject({ ok: true, items: 6, seals: 4 });
  });

  it('refuses to seal a day that is not over in City time', async () => {
    await expect(a.archive.seal('2026-11-23')).rejects.toMatchObject({ code: 'conflict' });
    await expect(a.archive.seal('23 November')).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('[IV.A.9] a chain rewritten from an altered item onward still fails: the seal of that day no longer matches', async () => {
    const rows = await get().db.selectFrom('archive_items').selectAll().orderBy('seq').execute();
    const saved = rows.map((r) => ({ ...r }));
    // An insider edits item #2 and recomputes every hash after it, and the head.
    let prev = rows[0]!.item_hash;
    for (const r of rows.slice(1)) {
      const fields = { ...r, prev_hash: prev, rendered_text: r.seq === 2 ? 'rewritten' : r.rendered_text };
      const { seq: _s, item_hash: _h, ...hashed } = fields;
      const h = itemHash(hashed);
      await raw(get(), `update archive_items set rendered_text = '${fields.rendered_text}', prev_hash = '${prev}', item_hash = '${h}' where seq = ${r.seq}`);
      prev = h;
    }
    await raw(get(), `update archive_head set hash = '${prev}' where id = 1`);
    expect(firstBreak(await a.archive.verify())).toMatchObject({ kind: 'seal', sealDate: '2026-11-19', seq: 3, problem: expect.stringMatching(/no longer matches the chain head sealed that day/) });
    for (const r of saved) await raw(get(), `update archive_items set rendered_text = '${r.rendered_text}', prev_hash = '${r.prev_hash}', item_hash = '${r.item_hash}' where seq = ${r.seq}`);
    await raw(get(), `update archive_head set hash = '${saved[saved.length - 1]!.item_hash}' where id = 1`);
    expect(await a.archive.verify()).toMatchObject({ ok: true });
  });

  it('[IV.A.9] deleting the last items and a seal is seen', async () => {
    const seal = await get().db.selectFrom('archive_seals').selectAll().where('date', '=', '2026-11-20').executeTakeFirstOrThrow();
    await raw(get(), `delete from archive_seals where date = '2026-11-20'`);
    expect(firstBreak(await a.archive.verify())).toMatchObject({ sealDate: '2026-11-21', problem: expect.stringMatching(/the seal of 2026-11-20 is missing/) });
    await get().db.insertInto('archive_seals').values(seal).execute();
    await raw(get(), `update archive_seals set item_count = 5 where date = '2026-11-21'`);
    expect(firstBreak(await a.archive.verify())).toMatchObject({ sealDate: '2026-11-21', problem: expect.stringMatching(/altered/) });
    await raw(get(), `update archive_seals set item_count = 1 where date = '2026-11-21'`);
    // Items #6 gone and the head moved back to #5: only the seal still knows #6 existed.
    const six = await get().db.selectFrom('archive_items').selectAll().where('seq', '=', 6).executeTakeFirstOrThrow();
    await raw(get(), 'delete from archive_items where seq = 6');
    await raw(get(), `update archive_head set seq = 5, hash = '${six.prev_hash}' where id = 1`);
    expect(firstBreak(await a.archive.verify())).toMatchObject({ sealDate: '2026-11-21', problem: expect.stringMatching(/covers items up to #6, but the archive ends at #5/) });
    await putBackRows(get(), [six]);
    await raw(get(), `update archive_head set seq = 6, hash = '${six.item_hash}' where id = 1`);
    expect(await a.archive.verify()).toMatchObject({ ok: true });
  });
});
