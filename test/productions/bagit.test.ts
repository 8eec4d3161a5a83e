import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../src/kernel/actor.ts';
import { LOAD_FILE_COLUMNS } from '../../src/modules/productions/index.ts';
import { describeWithContext } from '../context.ts';
import { listFiles, parseCsv, scratchDir, seedArchive, sha256, validateBag, type Seeded } from './support.ts';

const dataDir = scratchDir('productions-data');
const actor = systemActor('test');

describeWithContext(
  'productions: BagIt bags (RFC 8493)',
  (get) => {
    let s: Seeded;
    const outRoot = scratchDir('productions-out');
    const out = (name: string) => join(outRoot, name);
    afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

    beforeAll(async () => {
      s = await seedArchive(get());
      await get().archive.tick(new Date('2026-11-21T12:00:00Z'));
    }, 60_000);

    it('[IV.A.12] writes a bag that validates: every payload file in the manifest with its SHA-256, Payload-Oxum, the tag manifest', async () => {
      const r = await get().productions.exportBagit(actor, { out: out('all'), operator: 'Records Clerk' });
      expect(r).toMatchObject({ format: 'bagit', items: s.items.length, media: 1, firstBates: 'CARSON-000001', lastBates: `CARSON-${String(s.items.length + 1).padStart(6, '0')}` });
      const { payload, info } = validateBag(out('all'));
      expect(payload).toContain('data/loadfile.csv');
      expect(info.get('Source-Organization')).toEqual(['City of Carson']);
      expect(r.sha256).toBe(sha256(readFileSync(join(out('all'), 'manifest-sha256.txt'))));
      // The native file is the payload exactly as archived: its SHA-256 is the archive's content hash.
      for (const item of s.items) {
        const native = payload.find((p) => p.startsWith('data/native/') && readFileSync(join(out('all'), p), 'utf8').length > 0 && sha256(readFileSync(join(out('all'), p))) === item.contentSha256);
        expect(native, item.id).toBeDefined();
      }
      // No temporary directory is left beside it.
      expect(readdirSync(outRoot).filter((f) => f.includes('partial'))).toEqual([]);
    });

    it('[IV.A.12] Bates numbers run consecutively over items and media, the load file has one matching row per item, and each HTML page carries its number', async () => {
      const dir = out('bates');
      await get().productions.exportBagit(actor, { out: dir, batesPrefix: 'cc' });
      const [header, ...rows] = parseCsv(readFileSync(join(dir, 'data/loadfile.csv'), 'utf8'));
      expect(header).toEqual(LOAD_FILE_COLUMNS);
      expect(rows).toHaveLength(s.items.length);
      const col = (name: string) => header!.indexOf(name);
      let expected = 1;
      for (const [i, row] of rows.entries()) {
        const item = s.items[i]!;
        expect(row[col('BegBates')]).toBe(`CC-${String(expected).padStart(6, '0')}`);
        expected += item.kind === 'attachment' ? 2 : 1;
        expect(row[col('EndBates')]).toBe(`CC-${String(expected - 1).padStart(6, '0')}`);
        expect(row).toEqual(expect.arrayContaining([item.id, item.kind, item.contentSha256, item.capturedAt]));
        expect(row[col('Seq')]).toBe(String(item.seq));
        expect(row[col('Department')]).toBe(item.departmentId === s.pw ? 'Public Works' : item.departmentId === s.cs ? 'Community Services' : 'City');
        expect(sha256(readFileSync(join(dir, row[col('NativePath')]!)))).toBe(item.contentSha256);
        const html = readFileSync(join(dir, row[col('HtmlPath')]!), 'utf8');
        expect(html.match(new RegExp(row[col('BegBates')]!, 'g'))!.length).toBeGreaterThanOrEqual(2);
        expect(html).not.toContain('<b>north</b>');
      }
      const media = rows.find((r) => r[col('Kind')] === 'attachment')!;
      expect(media[col('MediaPath')]).toBe(`data/media/${media[col('EndBates')]}.png`);
      expect(readFileSync(join(dir, media[col('MediaPath')]!))).toEqual(s.mediaBytes);
      expect(media[col('MediaSHA256')]).toBe(sha256(s.mediaBytes));
      // The archive records beside the natives let anyone recompute each item's chain hash.
      const records = readFileSync(join(dir, 'data/archive-records.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; item_hash: string; bates: string });
      expect(records.map((r) => r.id)).toEqual(s.items.map((i) => i.id));
      expect(records.map((r) => r.item_hash)).toEqual(s.items.map((i) => i.itemHash));
    });

    it('[IV.A.12] the chain-of-custody log and the FRE 902(14) certification name who, when, the filters, the counts, the archive head and the last seal', async () => {
      const dir = out('custody');
      const r = await get().productions.exportBagit(actor, { out: dir, operator: 'Records Clerk', filter: { departments: [s.pw.replace('dept-pw-', 'PW')] } });
      const log = readFileSync(join(dir, 'chain-of-custody.txt'), 'utf8');
      const head = await get().db.db.selectFrom('archive_head').selectAll().executeTakeFirstOrThrow();
      const seal = await get().db.db.selectFrom('archive_seals').selectAll().orderBy('date', 'desc').executeTakeFirstOrThrow();
      expect(log).toContain('Exported by: system:test (operator: Records Clerk)');
      expect(log).toContain('Exported at: 2026-11-19T18:00:00.000Z');
      expect(log).toContain(`departments: ${s.pw}`);
      expect(log).toContain(`archived items produced: ${r.items}`);
      expect(log).toContain(`chain head: item #${head.seq}, hash ${head.hash}`);
      expect(log).toContain(`seal hash ${seal.seal_hash}`);
      expect(log).toContain(r.sha256);
      const cert = readFileSync(join(dir, 'certification-fre-902-14.txt'), 'utf8');
      expect(cert).toContain('Federal Rule of Evidence 902(14)');
      expect(cert).toContain(r.sha256);
      expect(cert).toContain(`${r.firstBates} to ${r.lastBates}`);
      validateBag(dir);
    });

    it('[IV.A.12] filters select by department, platform, kind and date range', async () => {
      const ids = async (filter: object) => {
        const dir = out(`f-${Math.random().toString(36).slice(2)}`);
        await get().productions.exportBagit(actor, { out: dir, filter });
        const [header, ...rows] = parseCsv(readFileSync(join(dir, 'data/loadfile.csv'), 'utf8'));
        return rows.map((r) => r[header!.indexOf('ItemId')]);
      };
      const pick = (f: (i: Seeded['items'][number]) => boolean) => s.items.filter(f).map((i) => i.id);
      expect(await ids({ departments: ['city'] })).toEqual(pick((i) => i.departmentId === null));
      expect(await ids({ departments: [s.pw, 'city'] })).toEqual(pick((i) => i.departmentId === null || i.departmentId === s.pw));
      expect(await ids({ platforms: [s.bluesky] })).toEqual(pick((i) => i.platformId === s.bluesky));
      expect(await ids({ kinds: ['comment', 'removal'] })).toEqual(pick((i) => i.kind === 'comment' || i.kind === 'removal'));
      expect(await ids({ from: '2026-11-18', to: '2026-11-18' })).toEqual(pick((i) => i.capturedAt.startsWith('2026-11-18')));
    }, 60_000);

    it('[IV.A.12] bad input is refused with a message naming it, and nothing is written', async () => {
      const e = get().productions;
      const full = out('full');
      mkdirSync(full);
      writeFileSync(join(full, 'keep.txt'), 'someone else’s file');
      await expect(e.exportBagit(actor, { out: full })).rejects.toThrow(`out: ${full} exists and is not empty`);
      expect(readdirSync(full)).toEqual(['keep.txt']);
      await expect(e.exportBagit(actor, { out: out('x1'), filter: { platforms: ['no-such-platform'] } })).rejects.toThrow('platforms: no platform has the id no-such-platform');
      await expect(e.exportBagit(actor, { out: out('x2'), filter: { departments: ['ZZ'] } })).rejects.toThrow('departments: no department has the id or code ZZ');
      await expect(e.exportBagit(actor, { out: out('x3'), filter: { kinds: ['credential_secret'] } })).rejects.toThrow('kinds: not a kind of archived record: credential_secret');
      await expect(e.exportBagit(actor, { out: out('x4'), filter: { items: ['nope'] } })).rejects.toThrow('items: no archived item has the id nope');
      await expect(e.exportBagit(actor, { out: out('x5'), filter: { from: 'last tuesday' } })).rejects.toThrow('from: "last tuesday" is not a date');
      await expect(e.exportBagit(actor, { out: out('x6'), filter: { from: '2026-11-19', to: '2026-11-18' } })).rejects.toThrow('to: must be after from');
      await expect(e.exportBagit(actor, { out: out('x7'), batesPrefix: 'no spaces' })).rejects.toThrow('batesPrefix');
      for (const x of ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7']) expect(existsSync(out(x))).toBe(false);
      // An empty directory is fine: the bag takes its place.
      mkdirSync(out('empty'));
      await e.exportBagit(actor, { out: out('empty'), filter: { kinds: ['removal'] } });
      validateBag(out('empty'));
    });

    it('[IV.A.12] an item altered after capture stops the export, named, and no partial bag is left', async () => {
      const ctx = get();
      const victim = s.items[2]!;
      const before = await ctx.db.db.selectFrom('archive_items').select('rendered_text').where('id', '=', victim.id).executeTakeFirstOrThrow();
      await sql`update archive_items set rendered_text = ${'Nothing was removed'} where id = ${victim.id}`.execute(ctx.db.db);
      try {
        await expect(ctx.productions.exportBagit(actor, { out: out('tampered') })).rejects.toThrow(`Archive item #${victim.seq} (removal ${victim.id}) does not match its hash in the archive chain`);
        expect(existsSync(out('tampered'))).toBe(false);
        expect(readdirSync(outRoot).filter((f) => f.includes('partial'))).toEqual([]);
      } finally {
        await sql`update archive_items set rendered_text = ${before.rendered_text} where id = ${victim.id}`.execute(ctx.db.db);
      }
      // An altered media file is caught too.
      const stored = join(ctx.config.dataDir, 'attachments', sha256(s.mediaBytes).slice(0, 2), `${sha256(s.mediaBytes)}.png`);
      writeFileSync(stored, 'swapped');
      try {
        await expect(ctx.productions.exportBagit(actor, { out: out('tampered-media') })).rejects.toThrow(`The stored file of archive item #${s.attachment.seq} (attachment ${s.attachment.sourceId}) does not match`);
        expect(existsSync(out('tampered-media'))).toBe(false);
      } finally {
        writeFileSync(stored, s.mediaBytes);
      }
    });

    it('[IV.A.12] credential custody and mail are never produced, even if a row carrying them reached the archive', async () => {
      const ctx = get();
      const dir = out('clean');
      await ctx.productions.exportBagit(actor, { out: dir });
      for (const f of listFiles(dir)) expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/"(ciphertext|wrapped_key|to_addresses|password)"|credential_secrets|mail_outbox/);
      // A row smuggled past capture (raw SQL, with hashes made to match) stops the export.
      const head = await ctx.db.db.selectFrom('archive_head').selectAll().executeTakeFirstOrThrow();
      const { itemHash } = await import('../../src/modules/archive/index.ts');
      const native = JSON.stringify({ ciphertext: 'c2VjcmV0', wrapped_key: 'k' });
      // Far past the head, so later captures never meet what it leaves in indexes kept by triggers.
      const row = { seq: head.seq + 1_000_000, id: `smuggled-${ctx.db.dialect}`, kind: 'comment', source_id: 'x', department_id: null, platform_id: null, native, rendered_text: 'x', metadata: '{}', content_sha256: sha256(native), captured_at: '2026-11-19T18:00:00.000Z', retention_category: 'comments', retain_until: '2029-01-01', prev_hash: head.hash };
      await ctx.db.db.insertInto('archive_items').values({ ...row, item_hash: itemHash(row) }).execute();
      try {
        await expect(ctx.productions.exportBagit(actor, { out: out('smuggled') })).rejects.toThrow('credential custody and mail are never exported');
        expect(existsSync(out('smuggled'))).toBe(false);
      } finally {
        await ctx.db.db.deleteFrom('archive_items').where('id', '=', row.id).execute();
      }
    });

    it('[IV.A.12] an item destroyed under an approved disposition (its marker, its erased payload) is never produced', async () => {
      const ctx = get();
      const victim = s.items[1]!;
      const before = await ctx.db.db.selectFrom('archive_items').select(['native', 'rendered_text', 'metadata']).where('id', '=', victim.id).executeTakeFirstOrThrow();
      // What the retention module's destruction writes: a marker, and the payload columns erased.
      await ctx.db.db.insertInto('archive_dispositions').values({ item_id: victim.id, item_seq: victim.seq, batch_id: 'batch-test', content_sha256: victim.contentSha256, item_hash: victim.itemHash, disposed_at: '2026-11-19T18:00:00.000Z' }).execute();
      await sql`update archive_items set native = 'null', rendered_text = '', metadata = '{}' where id = ${victim.id}`.execute(ctx.db.db);
      try {
        const dir = out('disposed');
        const r = await ctx.productions.exportBagit(actor, { out: dir });
        expect(r.items).toBe(s.items.length - 1);
        expect(readFileSync(join(dir, 'data/loadfile.csv'), 'utf8')).not.toContain(victim.id);
        validateBag(dir);
        // Asked for by id, it is not produced either.
        const one = await ctx.productions.exportBagit(actor, { out: out('disposed-by-id'), filter: { items: [victim.id] } });
        expect(one.items).toBe(0);
      } finally {
        await ctx.db.db.deleteFrom('archive_dispositions').where('item_id', '=', victim.id).execute();
        await sql`update archive_items set native = ${before.native}, rendered_text = ${before.rendered_text}, metadata = ${before.metadata} where id = ${victim.id}`.execute(ctx.db.db);
      }
    });

    it('[IV.A.11] the records collected for a public records request are produced by their ids, in archive order', async () => {
      const dir = out('request');
      const wanted = [s.items[7]!, s.items[0]!, s.attachment];
      const r = await get().productions.exportBagit(actor, { out: dir, filter: { items: wanted.map((i) => i.id) }, batesPrefix: 'PRR-2026-0001' });
      expect(r).toMatchObject({ items: 3, media: 1, firstBates: 'PRR-2026-0001-000001', lastBates: 'PRR-2026-0001-000004' });
      const [header, ...rows] = parseCsv(readFileSync(join(dir, 'data/loadfile.csv'), 'utf8'));
      expect(rows.map((row) => row[header!.indexOf('ItemId')])).toEqual([...wanted].sort((a, b) => a.seq - b.seq).map((i) => i.id));
      validateBag(dir);
    });

    it('[IV.A.11] the items collected for a public records request are produced by naming the request', async () => {
      const ctx = get();
      const system = systemActor('test');
      const request = await ctx.recordsRequests.create(system, { description: 'All posts about street sweeping, November 2026.', name: 'Jamie Q. Public', email: 'jamie@example.org', channel: 'email' });
      const wanted = [s.items[3]!, s.items[7]!];
      await ctx.archiveSearch.collect(system, request.id, { itemIds: wanted.map((i) => i.id) });
      const dir = out('by-request');
      const r = await ctx.productions.exportBagit(actor, { out: dir, filter: { request: request.reference.toLowerCase() } });
      expect(r.items).toBe(2);
      const [header, ...rows] = parseCsv(readFileSync(join(dir, 'data/loadfile.csv'), 'utf8'));
      expect(rows.map((row) => row[header!.indexOf('ItemId')])).toEqual(wanted.map((i) => i.id));
      expect(readFileSync(join(dir, 'chain-of-custody.txt'), 'utf8')).toContain(`the items collected for public records request ${request.reference}`);
      validateBag(dir);
      await expect(ctx.productions.exportBagit(actor, { out: out('no-request'), filter: { request: 'PRR-2026-NOPE' } })).rejects.toThrow('request: no public records request has the id or reference PRR-2026-NOPE');
      expect(existsSync(out('no-request'))).toBe(false);
    });

    // Last: it adds 600 records_request items the other cases do not expect.
    it('[IV.A.12] an export that stops halfway leaves nothing that looks like a bag', async () => {
      const ctx = get();
      await ctx.db.db.transaction().execute(async (tx) => {
        for (let i = 0; i < 600; i++) await ctx.archive.capture(tx, { kind: 'records_request', sourceId: `prr-${i}`, departmentId: null, platformId: null, native: { reference: `PRR-${i}` }, renderedText: `Request ${i}` });
      });
      const dir = out('halfway');
      const seen: number[] = [];
      const stop = (p: { done: number }) => {
        seen.push(p.done);
        if (p.done >= 500) throw new Error('disk full');
      };
      await expect(ctx.productions.exportBagit(actor, { out: dir, filter: { kinds: ['records_request'] }, onProgress: stop })).rejects.toThrow('disk full');
      expect(seen).toEqual([0, 500]);
      expect(existsSync(dir)).toBe(false);
      expect(readdirSync(outRoot).filter((f) => f.includes('halfway'))).toEqual([]);
      await expect(ctx.productions.exportWarc(actor, { out: `${dir}.warc.gz`, filter: { kinds: ['records_request'] }, onProgress: stop })).rejects.toThrow('disk full');
      expect(readdirSync(outRoot).filter((f) => f.includes('halfway'))).toEqual([]);
    }, 60_000);
  },
  { config: { dataDir } },
);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
