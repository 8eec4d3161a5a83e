import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { detect, HEAD_BYTES, type Detected } from './detect.ts';

/**
 * Files on disk, under <dataDir>/attachments: clean files by the sha256 of their stored bytes,
 * infected ones in quarantine/ (never served), uploads in progress in tmp/. A file reaches its
 * place only by rename from tmp/, so nothing half-written is ever at a final path.
 */
export function createStore(dataDir: string) {
  const root = join(dataDir, 'attachments');
  const tmp = join(root, 'tmp');
  const quarantine = join(root, 'quarantine');
  let ready: Promise<void> | null = null;
  const ensure = () =>
    (ready ??= Promise.all([mkdir(tmp, { recursive: true, mode: 0o700 }), mkdir(quarantine, { recursive: true, mode: 0o700 })])
      .then(() => sweep(tmp))
      .catch((e: unknown) => {
        ready = null;
        throw e;
      }));

  const cleanPath = (sha256: string, ext: string) => join(root, sha256.slice(0, 2), `${sha256}.${ext}`);
  const quarantinePath = (sha256: string) => join(quarantine, sha256);

  return {
    root,
    ensure,
    tempPath: () => join(tmp, randomUUID()),
    cleanPath,
    quarantinePath,
    /** Moves a finished temp file to its clean place (same bytes at the same name are simply replaced). */
    async keep(tempFile: string, sha256: string, ext: string): Promise<string> {
      const to = cleanPath(sha256, ext);
      await mkdir(join(root, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
      await rename(tempFile, to);
      return to;
    },
    async quarantine(tempFile: string, sha256: string): Promise<string> {
      const to = quarantinePath(sha256);
      await rename(tempFile, to);
      return to;
    },
    async exists(path: string): Promise<boolean> {
      return stat(path).then(
        (s) => s.isFile(),
        () => false,
      );
    },
    discard: (path: string) => rm(path, { force: true }),
  };
}

export type Store = ReturnType<typeof createStore>;

/** Temp files a crashed process left behind (older than a day) are removed on first use. */
async function sweep(tmp: string): Promise<void> {
  const cutoff = Date.now() - 86_400_000;
  for (const name of await readdir(tmp)) {
    const p = join(tmp, name);
    const s = await stat(p).catch(() => null);
    if (s && s.mtimeMs < cutoff) await rm(p, { force: true });
  }
}

export class TooLarge extends Error {
  constructor(
    readonly detected: Detected | null,
    readonly limit: number,
  ) {
    super('too large');
  }
}

export interface Received {
  size: number;
  sha256: string;
  detected: Detected;
}

/**
 * Writes the upload to `file`, hashing and counting as it goes. The type is detected from the
 * first bytes; from then on the limit for that type applies, and past it reading stops at once
 * (the rest is never read). Throws TooLarge; the caller removes the temp file on any failure.
 */
export async function receive(body: AsyncIterable<Uint8Array>, file: string, limitFor: (d: Detected) => number): Promise<Received> {
  const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLen = 0;
  let size = 0;
  let detected: Detected | null = null;
  let limit = Number.POSITIVE_INFINITY;
  // Iterated by hand: leaving a for-await early would destroy the request stream (and with it the
  // connection the refusal is answered on). Abandoned, the rest is never read.
  const chunks = body[Symbol.asyncIterator]();
  try {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      const c = next.value;
      const chunk = Buffer.from(c.buffer, c.byteOffset, c.byteLength);
      size += chunk.length;
      if (!detected) {
        head.push(chunk);
        headLen += chunk.length;
        if (headLen >= HEAD_BYTES) {
          detected = await detect(Buffer.concat(head).subarray(0, HEAD_BYTES));
          limit = limitFor(detected);
        }
      }
      if (size > limit) throw new TooLarge(detected, limit);
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    detected ??= await detect(Buffer.concat(head));
    if (size > limitFor(detected)) throw new TooLarge(detected, limitFor(detected));
    out.end();
    await once(out, 'finish');
    return { size, sha256: hash.digest('hex'), detected };
  } catch (e) {
    out.destroy();
    throw e;
  }
}
