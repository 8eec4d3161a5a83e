import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { AppError, invalidInput } from '../../kernel/errors.ts';

/** A rectangle in the stored image's pixels (the stored copy is already upright: EXIF orientation was applied at upload). */
export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Checks a region lies wholly inside an image of the given size; the error names the field and the size. */
export function validateRegion(r: Region, width: number, height: number): Region {
  for (const k of ['x', 'y'] as const) if (!Number.isInteger(r[k]) || r[k] < 0) throw invalidInput(`region.${k}`, 'a whole number of pixels, 0 or more');
  for (const k of ['w', 'h'] as const) if (!Number.isInteger(r[k]) || r[k] < 1) throw invalidInput(`region.${k}`, 'a whole number of pixels, at least 1');
  if (r.x >= width || r.x + r.w > width) throw invalidInput('region.w', `the region (x ${r.x}, width ${r.w}) goes past the image's right edge (the image is ${width}×${height} pixels)`);
  if (r.y >= height || r.y + r.h > height) throw invalidInput('region.h', `the region (y ${r.y}, height ${r.h}) goes past the image's bottom edge (the image is ${width}×${height} pixels)`);
  return { x: r.x, y: r.y, w: r.w, h: r.h };
}

/** The stored file's bytes, checked against the hash the archive recorded for it (never served if they differ). */
export async function readVerified(path: string, expectedSha256: string, label: string): Promise<Buffer> {
  const bytes = await readFile(path).catch(() => null);
  if (!bytes) throw new AppError('not_found', `The stored file of ${label} is missing`, { internal: `missing ${path}` });
  const got = createHash('sha256').update(bytes).digest('hex');
  if (got !== expectedSha256) throw new AppError('conflict', `The stored file of ${label} does not match the hash the archive recorded (${expectedSha256.slice(0, 12)}…): it is not produced`, { internal: `sha256 ${got} at ${path}` });
  return bytes;
}

/**
 * A new PNG of the image with each region painted opaque black. The pixels are decoded and
 * written anew: the copy carries no EXIF, XMP, ICC comments or trailing data (sharp keeps none
 * unless asked), and only the first frame of an animation. PNG is lossless, so the boxes stay
 * solid black with no ringing from compression.
 */
export async function paintRegions(bytes: Buffer, regions: Region[]): Promise<Buffer> {
  const img = sharp(bytes, { failOn: 'truncated', limitInputPixels: 100_000_000 });
  const meta = await img.metadata();
  if (!meta.width || !meta.height) throw new AppError('invalid_input', 'The image has no size: it cannot be redacted');
  // Flattened to opaque RGB: a box is black whatever background a viewer puts behind the image.
  const base = await img.flatten({ background: '#ffffff' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width, height, channels } = base.info;
  const px = base.data;
  for (const r of regions) {
    const x1 = Math.min(width, r.x + r.w);
    const y1 = Math.min(height, r.y + r.h);
    for (let y = r.y; y < y1; y++) px.fill(0, (y * width + r.x) * channels, (y * width + x1) * channels);
  }
  return sharp(px, { raw: { width, height, channels } }).png().toBuffer();
}
