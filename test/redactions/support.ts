import { mkdtempSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { AppContext } from '../../src/context.ts';
import { newId } from '../../src/kernel/ids.ts';
import { systemActor } from '../../src/kernel/actor.ts';

export { desk, FORM, refusal } from '../records-requests/support.ts';

/** Each suite gets its own data directory (attachments' files live under it). */
export const dataDir = () => mkdtempSync(join(tmpdir(), 'crier-redact-'));

export const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

/** A records request entered by the City Clerk's office. */
export async function newRequest(ctx: AppContext, description = 'Every comment on the Dominguez Channel cleanup post, June 2026') {
  return ctx.recordsRequests.create(systemActor('test'), { description, email: 'requester@example.org' });
}

/** An archived comment with the given rendered text, captured the way a writer does (in a transaction). */
export async function archivedText(ctx: AppContext, text: string): Promise<string> {
  const item = await ctx.db.db.transaction().execute((tx) => ctx.archive.capture(tx, { kind: 'comment', sourceId: `redaction-test-${newId()}`, departmentId: null, platformId: null, native: { text }, renderedText: text }));
  return item.id;
}

/**
 * An archived image attachment: a width×height PNG of bright colour with EXIF written into it,
 * stored where the attachments module keeps files (by the SHA-256 of the bytes), and captured.
 */
export async function archivedImage(ctx: AppContext, width = 40, height = 30): Promise<{ itemId: string; attachmentId: string; bytes: Buffer; path: string }> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: { r: 250, g: 200, b: 40 } } })
    .png()
    .withMetadata({ exif: { IFD0: { Copyright: 'Secret Camera Owner', ImageDescription: 'home address 123 Elm' } } })
    .toBuffer();
  const sha = sha256(bytes);
  const dir = join(ctx.config.dataDir, 'attachments', sha.slice(0, 2));
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${sha}.png`);
  await writeFile(path, bytes);
  const attachmentId = newId();
  const native = { id: attachmentId, kind: 'image', mime_type: 'image/png', filename: 'crowd.png', stored_sha256: sha, width, height, status: 'clean' };
  const item = await ctx.db.db.transaction().execute((tx) => ctx.archive.capture(tx, { kind: 'attachment', sourceTable: 'attachments', sourceId: attachmentId, departmentId: null, platformId: null, native, renderedText: 'crowd.png\nPeople at the cleanup', createdAt: ctx.clock.now() }));
  return { itemId: item.id, attachmentId, bytes, path };
}
