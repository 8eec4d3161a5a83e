import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { ArchiveItem, ArchiveVerifyResult } from '../../src/modules/archive/index.ts';
import { describeWithContext } from '../context.ts';
import { archived, CONSENT, office, type Office } from './support.ts';

const firstBreak = (r: ArchiveVerifyResult) => (r.ok ? null : r.firstBreak);

describeWithContext('archive verify after disposition: destroyed items held to their markers and certificate', (get) => {
  let o: Office;
  let destroyed: ArchiveItem[];
  let kept: ArchiveItem;
  let batchId: string;
  const verify = () => get().archive.verify({ pageSize: 3 });

  beforeAll(async () => {
    const ctx = get();
    o = await office(ctx);
    const items: ArchiveItem[] = [];
    for (let i = 0; i < 8; i++) items.push(await archived(ctx, '2023-05-01T17:00:00Z'));
    destroyed = [items[2]!, items[3]!, items[6]!];
    kept = items[4]!;
    const b = await ctx.retention.propose(o.clerk, { itemIds: destroyed.map((i) => i.id), note: 'Comments of May 2023' });
    await ctx.retention.consent(o.attorney, b.id, { text: CONSENT });
    await ctx.retention.recordAuthority(o.clerk, b.id, { resolutionNumber: 'Res. 26-200', formNumber: 'RDA-26-020' });
    await ctx.retention.destroy(o.clerk, b.id);
    batchId = b.id;
    ctx.clock.set('2026-11-21T18:00:00Z');
    await ctx.archive.tick();
  }, 60_000);

  /** Runs a tampering, then puts the table back exactly as it was and checks the archive verifies again. */
  async function restoring<T>(table: 'archive_dispositions' | 'disposition_certificates', body: () => Promise<T>): Promise<T> {
    const db = get().db.db;
    const saved = await db.selectFrom(table).selectAll().execute();
    try {
      return await body();
    } finally {
      await db.deleteFrom(table).execute();
      for (const r of saved) await db.insertInto(table).values(r as never).execute();
      expect(await verify()).toMatchObject({ ok: true });
    }
  }
  const raw = (q: string) => sql.raw(q).execute(get().db.db);

  it('[IV.A.13] the archive verifies with destroyed items in it, across pages and seals', async () => {
    const r = await verify();
    expect(r).toMatchObject({ ok: true, items: 8, destroyed: 3 });
    expect(r.seals).toBeGreaterThan(0);
  });

  it('[IV.A.13] a destroyed item whose marker is deleted shows as an altered item', async () => {
    const d = destroyed[1]!;
    await restoring('archive_dispositions', async () => {
      await raw(`delete from archive_dispositions where item_id = '${d.id}'`);
      expect(firstBreak(await verify())).toMatchObject({ seq: d.seq, id: d.id, problem: expect.stringMatching(/native payload no longer matches its SHA-256/) });
    });
  });

  it('[IV.A.13] a marker altered to match another item, or a certificate altered or deleted, is named', async () => {
    const d = destroyed[0]!;
    await restoring('archive_dispositions', async () => {
      await raw(`update archive_dispositions set item_hash = '${'f'.repeat(64)}' where item_id = '${d.id}'`);
      expect(firstBreak(await verify())).toMatchObject({ seq: d.seq, problem: expect.stringMatching(/does not match its destruction marker/) });
    });
    await restoring('disposition_certificates', async () => {
      await raw(`update disposition_certificates set body = replace(body, 'Res. 26-200', 'Res. 99-999')`);
      expect(firstBreak(await verify())).toMatchObject({ kind: 'certificate', problem: expect.stringMatching(new RegExp(`certificate of batch ${batchId}: it was altered`)) });
      await raw(`delete from disposition_certificates`);
      expect(firstBreak(await verify())).toMatchObject({ seq: d.seq, problem: `item #${d.seq} is marked destroyed by batch ${batchId}, which has no destruction certificate` });
    });
  });

  it('[IV.A.13] a marker added for an item never destroyed is caught by the certificate digest', async () => {
    await restoring('archive_dispositions', async () => {
      await get().db.db.insertInto('archive_dispositions').values({ item_id: kept.id, item_seq: kept.seq, batch_id: batchId, content_sha256: kept.contentSha256, item_hash: kept.itemHash, disposed_at: '2026-11-19T18:00:00.000Z' }).execute();
      expect(firstBreak(await verify())).toMatchObject({ kind: 'certificate', problem: expect.stringMatching(/lists 3 destroyed items, but the markers naming it do not match them \(4 found\)/) });
    });
  });

  it('[IV.A.13] a payload erased without a disposition is tampering', async () => {
    const db = get().db.db;
    const row = await db.selectFrom('archive_items').selectAll().where('id', '=', kept.id).executeTakeFirstOrThrow();
    await raw(`update archive_items set native = 'null', rendered_text = '', metadata = '{}' where id = '${kept.id}'`);
    expect(firstBreak(await verify())).toMatchObject({ seq: kept.seq, id: kept.id, problem: expect.stringMatching(/native payload no longer matches/) });
    await sql`update archive_items set native = ${row.native}, rendered_text = ${row.rendered_text}, metadata = ${row.metadata} where id = ${kept.id}`.execute(db);
    expect(await verify()).toMatchObject({ ok: true });
  });
});
