import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';
import type { Desk } from '../records-requests/support.ts';
import { archivedImage, archivedText, dataDir, desk, newRequest, refusal, sha256 } from './support.ts';

/** RGB of pixel (x, y) of a PNG. */
async function pixel(png: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

describeWithContext(
  'redactions: image regions',
  (get) => {
    let d: Desk;
    beforeAll(async () => {
      d = await desk(get());
    }, 60_000);

    it('[IV.A.11] a region is painted opaque black in a new PNG without metadata; the stored original is untouched', async () => {
      const ctx = get();
      const r = await newRequest(ctx);
      const img = await archivedImage(ctx, 40, 30);
      expect((await sharp(img.bytes).metadata()).exif).toBeDefined();
      const x = await ctx.redactions.mark(d.clerk, r.id, { itemId: img.itemId, region: { x: 5, y: 4, w: 10, h: 8 }, exemption: 'personal_privacy' });
      expect(x).toMatchObject({ kind: 'image_region', attachmentId: img.attachmentId, region: { x: 5, y: 4, w: 10, h: 8 }, originalSha256: sha256(img.bytes), span: null });
      await ctx.redactions.mark(d.attorney, r.id, { itemId: img.itemId, region: { x: 30, y: 20, w: 10, h: 10 }, exemption: 'pending_litigation' });

      const out = await ctx.redactions.renderImage(d.clerk, r.id, img.itemId);
      expect(out.sha256).toBe(sha256(out.png));
      const meta = await sharp(out.png).metadata();
      expect(meta).toMatchObject({ format: 'png', width: 40, height: 30 });
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(out.png.includes(Buffer.from('Secret Camera Owner'))).toBe(false);
      // Every pixel of each region is black (corners and middle), the pixels just outside are not.
      for (const [px, py] of [[5, 4], [14, 11], [9, 7], [30, 20], [39, 29]] as const) expect(await pixel(out.png, px, py)).toEqual([0, 0, 0]);
      for (const [px, py] of [[4, 4], [15, 4], [5, 3], [5, 12], [29, 20], [0, 0]] as const) expect(await pixel(out.png, px, py)).toEqual([250, 200, 40]);
      const { data } = await sharp(out.png).removeAlpha().extract({ left: 5, top: 4, width: 10, height: 8 }).raw().toBuffer({ resolveWithObject: true });
      expect(data.every((b) => b === 0)).toBe(true);
      // The original file and its archive item are unchanged; the rendition records both hashes.
      expect(sha256(await readFile(img.path))).toBe(sha256(img.bytes));
      const rend = await ctx.db.db.selectFrom('redaction_renditions').selectAll().where('request_id', '=', r.id).execute();
      expect(rend).toEqual([expect.objectContaining({ kind: 'image', original_sha256: sha256(img.bytes), redacted_sha256: out.sha256 })]);
      expect((await ctx.archive.verify()).ok).toBe(true);
      // The same copy again is not recorded twice.
      await ctx.redactions.renderImage(d.clerk, r.id, img.itemId);
      expect(await ctx.db.db.selectFrom('redaction_renditions').select('id').where('request_id', '=', r.id).execute()).toHaveLength(1);
    });

    it('[IV.A.11] regions outside the image, empty or negative are refused, naming the field and the image size', async () => {
      const ctx = get();
      const r = await newRequest(ctx);
      const img = await archivedImage(ctx, 40, 30);
      const mark = (region: { x: number; y: number; w: number; h: number }) => ctx.redactions.mark(d.clerk, r.id, { itemId: img.itemId, region, exemption: 'personal_privacy' });
      expect((await refusal(mark({ x: 35, y: 0, w: 10, h: 5 }), 'invalid_input')).message).toBe("region.w: the region (x 35, width 10) goes past the image's right edge (the image is 40×30 pixels)");
      expect((await refusal(mark({ x: 0, y: 25, w: 5, h: 6 }), 'invalid_input')).message).toMatch(/^region\.h: .*bottom edge \(the image is 40×30 pixels\)/);
      expect((await refusal(mark({ x: 40, y: 0, w: 1, h: 1 }), 'invalid_input')).message).toMatch(/^region\.w:/);
      expect((await refusal(mark({ x: 0, y: 0, w: 0, h: 5 }), 'invalid_input')).message).toMatch(/^region\.w: a whole number of pixels, at least 1/);
      expect((await refusal(mark({ x: -1, y: 0, w: 3, h: 5 }), 'invalid_input')).message).toMatch(/^region\.x:/);
      // A region on a text item, and a span and a region at once, are refused.
      const textItem = await archivedText(ctx, 'A comment, no image here.');
      expect((await refusal(ctx.redactions.mark(d.clerk, r.id, { itemId: textItem, region: { x: 0, y: 0, w: 1, h: 1 }, exemption: 'personal_privacy' }), 'invalid_input')).message).toMatch(/^region: archive item .* is a comment: image regions are marked on an archived image attachment/);
      expect((await refusal(ctx.redactions.mark(d.clerk, r.id, { itemId: img.itemId, region: { x: 0, y: 0, w: 1, h: 1 }, span: { start: 0, end: 1 }, exemption: 'personal_privacy' }), 'invalid_input')).message).toMatch(/^region: give a text span or an image region, not both/);
      expect((await ctx.redactions.log(d.clerk, r.id)).redactions).toEqual([]);
    });

    it('[IV.A.11] a stored file that no longer matches its archived hash is never produced', async () => {
      const ctx = get();
      const r = await newRequest(ctx);
      const img = await archivedImage(ctx, 20, 20);
      await ctx.redactions.mark(d.clerk, r.id, { itemId: img.itemId, region: { x: 0, y: 0, w: 5, h: 5 }, exemption: 'personal_privacy' });
      const { writeFile } = await import('node:fs/promises');
      await writeFile(img.path, Buffer.concat([img.bytes, Buffer.from('tampered')]));
      const e = await refusal(ctx.redactions.renderImage(d.clerk, r.id, img.itemId), 'conflict');
      expect(e.message).toMatch(/does not match the hash the archive recorded/);
    });
  },
  { config: { dataDir: dataDir() } },
);
