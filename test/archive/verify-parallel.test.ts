import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseTarget, type DbHandle, type DialectName, type Row } from '../../src/db/index.ts';
import { createArchiveService, recordDestruction, type ArchiveVerifyResult } from '../../src/modules/archive/index.ts';
import { createScratchPostgres, dialects } from '../dialects.ts';
import { archiveOn, pack, putBackRows, raw, record } from './support.ts';

const firstBreak = (r: ArchiveVerifyResult) => (r.ok ? null : r.firstBreak);

/**
 * verify() across worker threads needs a database the workers can open themselves: a SQLite
 * file (an in-memory one cannot be shared) or PostgreSQL given its URL. Each block gets a fresh one.
 */
function describeSharedDatabase(name: string, body: (get: () => DbHandle, target: () => DatabaseTarget, dialect: DialectName) => void): void {
  for (const dialect of dialects) {
    describe(`${name} [${dialect}]`, () => {
      let handle: DbHandle | undefined;
      let target: DatabaseTarget | undefined;
      let cleanup = async () => {};
      beforeAll(async () => {
        if (dialect === 'sqlite') {
          const dir = mkdtempSync(join(tmpdir(), 'crier-verify-'));
          target = { kind: 'sqlite', file: join(dir, 'crier.db') };
          cleanup = async () => rmSync(dir, { recursive: true, force: true });
        } else {
          const scratch = await createScratchPostgres();
          target = { kind: 'postgres', url: scratch.url };
          cleanup = scratch.drop;
        }
        handle = openDatabase(target);
        await migrateToLatest(handle.db);
      }, 30_000);
      afterAll(async () => {
        await handle?.close();
        await cleanup();
      });
      body(
        () => handle!,
        () => target!,
        dialect,
      );
    });
  }
}

describeSharedDatabase('archive: verify across worker threads', (get, target) => {
  let a: ReturnType<typeof archiveOn>;
  const TOTAL = 2050;
  /** Ranges of 500 items: #1–500, #501–1000, … #2001–2050; the seams are 500/501, 1000/1001, … */
  const parallel = () => a.archive.verify({ workers: 2, rangeSize: 500, pageSize: 100, database: target() });
  const single = () => a.archive.verify({ workers: 1, pageSize: 100 });
  const rowAt = (seq: number) => get().db.selectFrom('archive_items').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
  const warnings: string[] = [];
  const onWarning = (w: Error & { code?: string }) => {
    if (w.code === 'CRIER_VERIFY_WORKERS') warnings.push(w.message);
  };

  /** Both walks name the same first break (or the same success); the parallel one is returned. */
  async function bothWalks(): Promise<ArchiveVerifyResult> {
    const p = await parallel();
    expect(p).toEqual(await single());
    expect(warnings).toEqual([]); // the workers walked: no fallback to one thread
    return p;
  }
  /** Puts stored rows back exactly as they were (each test ends verifying the archive intact again). */
  async function putBack(rows: Row<'archive_items'>[]) {
    for (const row of rows) await get().db.deleteFrom('archive_items').where((eb) => eb.or([eb('seq', '=', row.seq), eb('id', '=', row.id)])).execute();
    await putBackRows(get(), rows);
  }

  beforeAll(async () => {
    process.on('warning', onWarning);
    a = archiveOn(get(), '2026-11-17T18:00:00Z');
    // Three City days of items (seals end at #700, #1400 and #2050), then sealed.
    for (const [day, n] of [['2026-11-17', 700], ['2026-11-18', 700], ['2026-11-19', TOTAL - 1400]] as const) {
      a.clock.set(`${day}T18:00:00Z`);
      await get().db.transaction().execute(async (tx) => {
        for (let i = 0; i < n; i++) await a.archive.capture(tx, record());
      });
    }
    a.clock.set('2026-11-20T18:00:00Z');
    expect(await a.archive.tick(a.clock.now())).toEqual(['2026-11-17', '2026-11-18', '2026-11-19']);
    // Items destroyed under a disposition on both sides of a seam (#499–#502) and inside a range (#1200).
    const destroyed = await get().db.selectFrom('archive_items').selectAll().where('seq', 'in', [499, 500, 501, 502, 1200]).execute();
    const person = { id: null, name: 'Records Clerk' };
    await get().db.transaction().execute((tx) =>
      recordDestruction(tx, get().dialect, { batchId: 'batch-verify-1', proposedBy: person, proposedAt: '2026-11-20T18:00:00Z', consentedBy: person, consentedAt: '2026-11-20T18:00:00Z', consentText: 'Consent.', resolutionNumber: 'R-1', formNumber: 'F-1', destroyedBy: person, destroyedAt: '2026-11-20T18:00:00Z', authority: null }, destroyed.map((r) => ({ id: r.id, seq: Number(r.seq), contentSha256: r.content_sha256, itemHash: r.item_hash }))),
    );
  }, 120_000);
  afterAll(() => void process.off('warning', onWarning));

  it('[IV.A.9] an intact archive verifies the same across workers as in one thread, destroyed items held to their certificate', async () => {
    expect(await bothWalks()).toMatchObject({ ok: true, items: TOTAL, seals: 3, destroyed: 5 });
  }, 120_000);

  it('[IV.A.9] names an item altered in the second range, and the first of two altered items in seq order', async () => {
    const r700 = await rowAt(700);
    const r1700 = await rowAt(1700);
    await raw(get(), `update archive_items set rendered_text = 'nothing to see' where seq = 700`);
    expect(await bothWalks()).toMatchObject({ ok: false, items: 699, seals: 0, firstBreak: { seq: 700, id: r700.id, problem: expect.stringMatching(/^item #700 was altered/) } });
    // A later range may finish first; the earlier break is still the one named.
    await raw(get(), `update archive_items set native = '{"text":"Changed"}' where seq = 1700`);
    expect(firstBreak(await bothWalks())).toMatchObject({ seq: 700 });
    await putBack([r700]);
    expect(await bothWalks()).toMatchObject({ ok: false, items: 1699, seals: 2, firstBreak: { seq: 1700, id: r1700.id, problem: expect.stringMatching(/native payload no longer matches its SHA-256/) } });
    await putBack([r1700]);
    expect(await bothWalks()).toMatchObject({ ok: true });
  }, 120_000);

  it('[IV.A.9] names an item altered, deleted or swapped at a seam between ranges', async () => {
    const r1000 = await rowAt(1000);
    const r1001 = await rowAt(1001);
    // The first item of a range (its link to the last of the range before is checked at the seam).
    await raw(get(), `update archive_items set rendered_text = 'edited' where seq = 1001`);
    expect(firstBreak(await bothWalks())).toMatchObject({ seq: 1001, id: r1001.id, problem: expect.stringMatching(/^item #1001 was altered/) });
    await putBack([r1001]);
    // The last item of a range.
    await raw(get(), `update archive_items set rendered_text = 'edited' where seq = 1000`);
    expect(firstBreak(await bothWalks())).toMatchObject({ seq: 1000, id: r1000.id, problem: expect.stringMatching(/^item #1000 was altered/) });
    await putBack([r1000]);
    // Deleted at the seam: the next range starts one item late.
    await raw(get(), 'delete from archive_items where seq = 1001');
    expect(await bothWalks()).toMatchObject({ ok: false, items: 1000, firstBreak: { seq: 1001, id: null, problem: `item #1001 is missing: deleted (the next stored item is #1002, comment ${(await rowAt(1002)).id})` } });
    await putBack([r1001]);
    // A whole range deleted.
    const range = await get().db.selectFrom('archive_items').selectAll().where('seq', '>=', 1501).where('seq', '<=', 2000).orderBy('seq').execute();
    await raw(get(), 'delete from archive_items where seq between 1501 and 2000');
    expect(firstBreak(await bothWalks())).toMatchObject({ seq: 1501, problem: expect.stringMatching(/^item #1501 is missing: deleted \(the next stored item is #2001/) });
    for (const row of range) await get().db.deleteFrom('archive_items').where('id', '=', row.id).execute();
    await putBackRows(get(), range);
    // Swapped across the seam: each row is true to itself, chained after the wrong item.
    await raw(get(), 'update archive_items set seq = -1000 where seq = 1000');
    await raw(get(), 'update archive_items set seq = 1000 where seq = 1001');
    await raw(get(), 'update archive_items set seq = 1001 where seq = -1000');
    expect(firstBreak(await bothWalks())).toMatchObject({ seq: 1000, id: r1001.id, problem: expect.stringMatching(/item #1000 is out of order/) });
    await putBack([r1000, r1001]);
    expect(await bothWalks()).toMatchObject({ ok: true });
  }, 120_000);

  it('[IV.A.9] holds destroyed items at a seam to their markers, and the markers to the certificate', async () => {
    const marker = await get().db.selectFrom('archive_dispositions').selectAll().where('item_seq', '=', 501).executeTakeFirstOrThrow();
    await raw(get(), `update archive_dispositions set item_hash = '${'f'.repeat(64)}' where item_seq = 501`);
    expect(firstBreak(await bothWalks())).toMatchObject({ seq: 501, problem: expect.stringMatching(/does not match its destruction marker \(batch batch-verify-1\)/) });
    await raw(get(), `update archive_dispositions set item_hash = '${marker.item_hash}' where item_seq = 501`);
    // A marker removed: its erased item no longer hashes true.
    const m500 = await get().db.selectFrom('archive_dispositions').selectAll().where('item_seq', '=', 500).executeTakeFirstOrThrow();
    await raw(get(), 'delete from archive_dispositions where item_seq = 500');
    expect(firstBreak(await bothWalks())).toMatchObject({ seq: 500, problem: expect.stringMatching(/^item #500 was altered/) });
    await get().db.insertInto('archive_dispositions').values(m500).execute();
    // A marker added for an item the certificate does not list.
    const extra = await rowAt(503);
    await get().db.insertInto('archive_dispositions').values({ ...marker, item_id: extra.id, item_seq: 503, item_hash: extra.item_hash, content_sha256: extra.content_sha256 }).execute();
    expect(firstBreak(await bothWalks())).toMatchObject({ kind: 'certificate', problem: expect.stringMatching(/lists 5 destroyed items, but the markers naming it do not match them \(6 found\)/) });
    await raw(get(), 'delete from archive_dispositions where item_seq = 503');
    expect(await bothWalks()).toMatchObject({ ok: true, destroyed: 5 });
  }, 120_000);

  it('[IV.A.9] names a seal that no longer matches its day, with the items before it counted', async () => {
    const seal = await get().db.selectFrom('archive_seals').selectAll().where('date', '=', '2026-11-18').executeTakeFirstOrThrow();
    await raw(get(), `update archive_seals set head_hash = '${'0'.repeat(64)}' where date = '2026-11-18'`);
    expect(await bothWalks()).toMatchObject({ ok: false, items: 1400, seals: 1, firstBreak: { sealDate: '2026-11-18', kind: 'seal' } });
    await raw(get(), `update archive_seals set head_hash = '${seal.head_hash}' where date = '2026-11-18'`);
    expect(await bothWalks()).toMatchObject({ ok: true });
  }, 120_000);

  it('[IV.A.9] the service verifies across workers on the database it was given (the web app and CLI pass none per call)', async () => {
    const h = get();
    const given = (database: DatabaseTarget) =>
      createArchiveService({ db: h.db, dialect: h.dialect, clock: a.clock, pack, audit: a.audit, database }).verify({ workers: 2, rangeSize: 500, pageSize: 100 });
    expect(await given(target())).toEqual(await single());
    expect(warnings).toEqual([]);
    // Given a database the workers cannot open, they are tried (and fail) before one thread walks:
    // the service's own target is what they were handed.
    const unreachable: DatabaseTarget = h.dialect === 'sqlite' ? { kind: 'sqlite', file: join(tmpdir(), 'crier-no-such-dir', 'none.db') } : { kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' };
    expect(await given(unreachable)).toEqual(await single());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/walking in one thread/);
    warnings.length = 0;
  }, 120_000);
});
