import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';
import { systemActor } from '../../src/kernel/actor.ts';
import { describeWithContext } from '../context.ts';
import { archivedImage, archivedText, newRequest } from '../redactions/support.ts';
import { listFiles, parseCsv, scratchDir, validateBag } from './support.ts';

const dataDir = scratchDir('productions-redacted-data');
const actor = systemActor('test');
const SECRET = 'Maria Lopez, 4412 Elm Street';

describeWithContext(
  'productions for a public records request apply its redactions',
  (get) => {
    const outRoot = scratchDir('productions-redacted-out');
    afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

    it('[IV.A.11] [IV.A.12] a redacted span and a redacted image region never reach the bag or the WARC; the originals stay in the archive', async () => {
      const ctx = get();
      const text = `The crew met ${SECRET} at the cleanup and fixed her gate.`;
      const commentId = await archivedText(ctx, text);
      const plainId = await archivedText(ctx, 'Thank you for the quick cleanup on Carson Street.');
      const image = await archivedImage(ctx, 40, 30);
      const request = await newRequest(ctx, 'Every record about the Elm Street cleanup');
      await ctx.archiveSearch.collect(actor, request.id, { itemIds: [commentId, plainId, image.itemId] });
      const start = text.indexOf(SECRET);
      await ctx.redactions.mark(actor, request.id, { itemId: commentId, span: { start, end: start + SECRET.length }, exemption: 'personal_privacy' });
      await ctx.redactions.mark(actor, request.id, { itemId: image.itemId, region: { x: 0, y: 0, w: 20, h: 15 }, exemption: 'personal_privacy' });

      const bag = join(outRoot, 'bag');
      const r = await ctx.productions.exportBagit(actor, { out: bag, filter: { request: request.reference } });
      expect(r).toMatchObject({ items: 3, media: 1 });
      validateBag(bag);
      // No file of the bag holds the redacted words: not the native JSON, the HTML, the load file or the archive records.
      for (const f of listFiles(bag)) expect(readFileSync(join(bag, f), 'utf8'), f).not.toContain('Maria Lopez');
      const html = listFiles(bag).filter((f) => f.startsWith('data/html/')).map((f) => readFileSync(join(bag, f), 'utf8'));
      expect(html.join('\n')).toContain('[Redacted #1: Gov. Code 7927.700]');
      expect(html.join('\n')).toContain('Thank you for the quick cleanup on Carson Street.');
      const [header, ...rows] = parseCsv(readFileSync(join(bag, 'data/loadfile.csv'), 'utf8'));
      const redactedRows = rows.filter((row) => row[header!.indexOf('Redactions')]);
      expect(redactedRows.map((row) => row[header!.indexOf('ItemId')]).sort()).toEqual([commentId, image.itemId].sort());
      expect(readFileSync(join(bag, 'chain-of-custody.txt'), 'utf8')).toMatch(/produced redacted for PRR-/);

      // The image in the bag is the painted copy: the region is black, the rest as it was.
      const media = listFiles(bag).find((f) => f.startsWith('data/media/'))!;
      expect(media).toMatch(/\.png$/);
      const { data, info } = await sharp(readFileSync(join(bag, media))).raw().toBuffer({ resolveWithObject: true });
      const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
      expect(px(5, 5)).toEqual([0, 0, 0]);
      expect(px(30, 25)).toEqual([250, 200, 40]);

      // The WARC of the same request carries the redacted text only.
      const warc = join(outRoot, 'request.warc.gz');
      await ctx.productions.exportWarc(actor, { out: warc, filter: { request: request.reference } });
      const body = gunzipSync(readFileSync(warc)).toString('utf8');
      expect(body).not.toContain('Maria Lopez');
      expect(body).toContain('[Redacted #1: Gov. Code 7927.700]');

      // A production that is not for the request (e.g. for counsel under a hold) is of the original, which the archive kept.
      const original = join(outRoot, 'original');
      await ctx.productions.exportBagit(actor, { out: original, filter: { items: [commentId] } });
      expect(listFiles(original).some((f) => readFileSync(join(original, f), 'utf8').includes(SECRET))).toBe(true);
      expect(await ctx.archive.verify()).toMatchObject({ ok: true });
    });
  },
  { config: { dataDir } },
);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
