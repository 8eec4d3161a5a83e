import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { invalidInput } from '../../kernel/errors.ts';

/**
 * A file written as a stream, its SHA-256 and size computed as it goes (the set never in memory).
 * Small writes (a manifest or load-file line) are gathered into 64 KB chunks, kept as text until
 * then: one encoding, one hash update and one system call per chunk, not per line.
 */
export class HashingWriter {
  private readonly out: WriteStream;
  private readonly hash: Hash = createHash('sha256');
  private text = '';
  private failed: Error | null = null;
  /** Bytes written so far (read it after close()). */
  bytes = 0;

  constructor(readonly path: string) {
    this.out = createWriteStream(path, { flags: 'wx' });
    // Kept and rethrown by the next write or close, never an unhandled 'error' event.
    this.out.on('error', (e) => {
      this.failed ??= e;
    });
  }

  /** Resolves at once unless a chunk went out and the stream is full. */
  async write(chunk: string | Buffer): Promise<void> {
    if (this.failed) throw this.failed;
    if (typeof chunk !== 'string') {
      await this.flush();
      return this.send(chunk);
    }
    this.text += chunk;
    if (this.text.length >= 65_536) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.text) return;
    const b = Buffer.from(this.text, 'utf8');
    this.text = '';
    await this.send(b);
  }

  private async send(b: Buffer): Promise<void> {
    this.hash.update(b);
    this.bytes += b.length;
    if (!this.out.write(b)) await once(this.out, 'drain');
  }

  /** Closes the file; returns its SHA-256 (hex). */
  async close(): Promise<string> {
    if (this.failed) throw this.failed;
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
    return this.hash.digest('hex');
  }

  destroy(): void {
    this.text = '';
    this.out.destroy();
  }
}

/** Copies a file while hashing it. */
export async function copyHashing(from: string, to: string): Promise<{ sha256: string; bytes: number }> {
  const w = new HashingWriter(to);
  try {
    for await (const chunk of createReadStream(from)) await w.write(chunk as Buffer);
    return { sha256: await w.close(), bytes: w.bytes };
  } catch (e) {
    w.destroy();
    throw e;
  }
}

/**
 * The output must be new: a path that does not exist, or an empty directory (a bag) — never
 * something that already holds files, which an export would mix into or overwrite.
 */
export async function assertFreshOutput(path: string, field: string, kind: 'directory' | 'file'): Promise<void> {
  const s = await stat(path).catch(() => null);
  if (s) {
    if (kind === 'file') throw invalidInput(field, `${path} already exists: choose a new file name`);
    if (!s.isDirectory()) throw invalidInput(field, `${path} exists and is not a directory`);
    if ((await readdir(path)).length) throw invalidInput(field, `${path} exists and is not empty: choose a new or empty directory`);
  }
  const parent = await stat(dirname(path)).catch(() => null);
  if (!parent?.isDirectory()) throw invalidInput(field, `the folder ${dirname(path)} does not exist`);
}

export const removeQuietly = (path: string) => rm(path, { recursive: true, force: true }).catch(() => undefined);

export const ensureDir = (path: string) => mkdir(path, { recursive: true });

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export const csvField = (v: string | number | null | undefined): string => {
  const s = v == null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const csvLine = (values: (string | number | null | undefined)[]): string => `${values.map(csvField).join(',')}\r\n`;
