import { createReadStream, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WARCParser, type WARCRecord } from 'warcio';
import { systemActor } from '../../src/kernel/actor.ts';
import { describeWithContext } from '../context.ts';
import { scratchDir, seedArchive, sha256, type Seeded } from './support.ts';

const dataDir = scratchDir('productions-warc-data');
const actor = systemActor('test');

async function readBack(path: string): Promise<{ record: WARCRecord; payload: Buffer }[]> {
  const out: { record: WARCRecord; payload: Buffer }[] = [];
  for await (const record of new WARCParser(createReadStream(path))) out.push({ record, payload: Buffer.from(await record.readFully()) });
  return out;
}

describeWithContext(
  'productions: WARC 1.1 files',
  (get) => {
    let s: Seeded;
    const outRoot = scratchDir('productions-warc-out');
    afterAll(() => rmSync(outRoot, { recursive: true, force: true }));
    beforeAll(async () => {
      s = await seedArchive(get());
    }, 60_000);

    for (const gzip of [true, false]) {
      it(`[IV.A.12] ${gzip ? 'gzipped per record' : 'uncompressed'}: a warcinfo record, then one resource record per item that warcio reads back with matching digests`, async () => {
        const out = join(outRoot, gzip ? 'all.warc.gz' : 'all.warc');
        const r = await get().productions.exportWarc(actor, { out, gzip, operator: 'Records Clerk' });
        expect(r).toMatchObject({ format: 'warc', items: s.items.length, firstBates: 'CARSON-000001' });
        const records = await readBack(out);
        expect(records).toHaveLength(s.items.length + 1);
        const [info, ...rest] = records;
        expect(info!.record.warcType).toBe('warcinfo');
        expect(info!.record.warcHeaders.protocol).toBe('WARC/1.1');
        expect(info!.payload.toString()).toContain('operator: system:test (operator: Records Clerk) for the City of Carson');
        for (const [i, { record, payload }] of rest.entries()) {
          const item = s.items[i]!;
          expect(record.warcType).toBe('resource');
          expect(record.warcHeaders.protocol).toBe('WARC/1.1');
          expect(record.warcTargetURI).toBe(`${get().config.publicUrl.replace(/\/+$/, '')}/records/archive/${item.id}`);
          expect(record.warcDate).toBe(item.capturedAt);
          expect(record.warcContentType).toBe('text/html; charset=utf-8');
          expect(record.warcHeader('WARC-Crier-Item-Id')).toBe(item.id);
          expect(record.warcHeader('WARC-Crier-Content-SHA256')).toBe(item.contentSha256);
          expect(record.warcPayloadDigest).toBe(`sha256:${sha256(payload)}`);
          expect(record.warcHeader('WARC-Block-Digest')).toBe(`sha256:${sha256(payload)}`);
          const html = payload.toString('utf8');
          expect(html).toContain(`CARSON-${String(i + 1).padStart(6, '0')}`);
          expect(html).toContain(item.renderedText.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
        }
        const withUrl = rest.find(({ record }) => record.warcHeader('WARC-Crier-Platform-URL'));
        expect(withUrl?.record.warcHeader('WARC-Crier-Platform-URL')).toMatch(/^https:\/\/bsky\.app\//);
      });
    }

    it('[IV.A.12] filters apply, and an existing file or an unknown filter value is refused with nothing written', async () => {
      const out = join(outRoot, 'comments.warc.gz');
      await get().productions.exportWarc(actor, { out, filter: { kinds: ['comment'] } });
      const ids = (await readBack(out)).slice(1).map(({ record }) => record.warcHeader('WARC-Crier-Item-Id'));
      expect(ids).toEqual(s.items.filter((i) => i.kind === 'comment').map((i) => i.id));
      const taken = join(outRoot, 'taken.warc.gz');
      writeFileSync(taken, 'not ours');
      await expect(get().productions.exportWarc(actor, { out: taken })).rejects.toThrow(`out: ${taken} already exists`);
      await expect(get().productions.exportWarc(actor, { out: join(outRoot, 'bad.warc.gz'), filter: { kinds: ['mail_outbox'] } })).rejects.toThrow('kinds: not a kind of archived record: mail_outbox');
      expect(existsSync(join(outRoot, 'bad.warc.gz'))).toBe(false);
      expect(readdirSync(outRoot).filter((f) => f.includes('partial'))).toEqual([]);
    });
  },
  { config: { dataDir } },
);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
