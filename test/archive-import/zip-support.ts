import { createHash } from 'node:crypto';
import yazl from 'yazl';

/** Test ZIPs built here with yazl (the productions' zip writer): no binary fixture is committed. */
export async function makeZip(entries: { name: string; data: string | Buffer; compress?: boolean }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8'), e.name, { compress: e.compress ?? true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Replaces every occurrence of a name's bytes (local header and central directory) by another of the same length: how a hostile name is smuggled past the writer. */
export function renameInPlace(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error('same length only');
  const out = Buffer.from(zip);
  const a = Buffer.from(from, 'utf8');
  for (let i = out.indexOf(a); i !== -1; i = out.indexOf(a, i + 1)) Buffer.from(to, 'utf8').copy(out, i);
  return out;
}

/** Sets the uncompressed size the central directory declares for one entry (a header that lies about what inflates). */
export function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const sig = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let i = out.indexOf(sig); i !== -1; i = out.indexOf(sig, i + 4)) {
    const nameLength = out.readUInt16LE(i + 28);
    if (out.subarray(i + 46, i + 46 + nameLength).toString('utf8') === name) {
      out.writeUInt32LE(size, i + 24);
      return out;
    }
  }
  throw new Error(`${name} is not in the central directory`);
}

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** An X archive part: `window.YTD.tweets.partN = [...]`. */
export function tweetsPart(n: number, tweets: { id: string; text: string; at?: string; media?: string }[]): string {
  const list = tweets.map((t) => ({
    tweet: {
      id_str: t.id,
      created_at: t.at ?? 'Fri Jan 06 16:00:00 +0000 2023',
      full_text: t.text,
      ...(t.media ? { extended_entities: { media: [{ id_str: `9${t.id.slice(1)}`, type: 'photo', media_url_https: `https://pbs.twimg.com/media/${t.media}` }] } } : {}),
    },
  }));
  return `window.YTD.tweets.part${n} = ${JSON.stringify(list, null, 2)}`;
}
