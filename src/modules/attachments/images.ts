import sharp from 'sharp';

/**
 * Images are decoded in full and written anew: what is posted carries no EXIF, GPS, XMP, IPTC
 * or comments, and trailing data after the image is gone. A file that does not decode (corrupt,
 * truncated) is refused. Orientation from EXIF is applied to the pixels before it is dropped.
 */
export interface Reencoded {
  width: number;
  height: number;
}

export class UnreadableImage extends Error {}

export async function reencodeImage(from: string, to: string, format: 'jpeg' | 'png' | 'gif' | 'webp'): Promise<Reencoded> {
  const animated = format === 'gif' || format === 'webp';
  try {
    // failOn 'truncated': a premature end of data is an error, not a grey band at the bottom.
    const input = sharp(from, { failOn: 'truncated', animated, limitInputPixels: 100_000_000 });
    const meta = await input.metadata();
    if (!meta.width || !meta.height) throw new UnreadableImage('the image has no size');
    let pipeline = input.rotate();
    if (format === 'jpeg') pipeline = pipeline.jpeg({ quality: 90, mozjpeg: true });
    else if (format === 'png') pipeline = pipeline.png();
    else if (format === 'gif') pipeline = pipeline.gif();
    else pipeline = pipeline.webp({ quality: 90 });
    const info = await pipeline.toFile(to);
    return { width: info.width, height: meta.pages && meta.pages > 1 ? (meta.pageHeight ?? info.height) : info.height };
  } catch (e) {
    if (e instanceof UnreadableImage) throw e;
    throw new UnreadableImage(e instanceof Error ? e.message.split('\n')[0]!.slice(0, 200) : String(e));
  }
}

export function imageFormat(mime: string): 'jpeg' | 'png' | 'gif' | 'webp' {
  if (mime === 'image/png') return 'png';
  if (mime === 'image/gif') return 'gif';
  if (mime === 'image/webp') return 'webp';
  return 'jpeg';
}
