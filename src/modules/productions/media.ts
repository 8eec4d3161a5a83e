import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Row } from '../../db/index.ts';
import { fromJson } from '../../kernel/codec.ts';

export interface MediaRef {
  storedSha256: string;
  filename: string;
  mimeType: string | null;
}

/** The stored file an attachment item points at (clean files are addressed by their SHA-256). */
export function mediaOf(r: Row<'archive_items'>): MediaRef | null {
  if (r.kind !== 'attachment') return null;
  const n = fromJson<{ stored_sha256?: string | null; filename?: string; mime_type?: string }>(r.native);
  if (!n?.stored_sha256 || !/^[0-9a-f]{64}$/.test(n.stored_sha256)) return null;
  return { storedSha256: n.stored_sha256, filename: n.filename ?? 'file', mimeType: n.mime_type ?? null };
}

/** Where the attachments module keeps it: <dataDir>/attachments/<sha[0:2]>/<sha>.<ext>. */
export async function findStoredFile(dataDir: string, sha256: string): Promise<string | null> {
  const shard = join(dataDir, 'attachments', sha256.slice(0, 2));
  const names = await readdir(shard).catch(() => [] as string[]);
  const name = names.find((n) => n.startsWith(`${sha256}.`));
  return name ? join(shard, name) : null;
}

/** A safe extension for the copy in the bag, taken from the original file name. */
export function extensionOf(filename: string): string {
  const ext = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : '';
  return /^[a-z0-9]{1,8}$/.test(ext) ? ext : 'bin';
}
