import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { authorize } from '../../authz/index.ts';
import { actorId, actorLabel, type Actor } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { invalidInput, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { C } from './clauses.ts';
import type { AttachmentsDeps } from './deps.ts';
import { ALLOWED_DESCRIPTION, findPolyglot, type Detected } from './detect.ts';
import { invalidFile, noScanner, scanFailed, tooLarge } from './errors.ts';
import { imageFormat, reencodeImage, UnreadableImage } from './images.ts';
import { attachmentsPolicy, uploaderDepartment } from './policy.ts';
import { toView } from './repo.ts';
import { receive, TooLarge, type Received, type Store } from './storage.ts';
import type { AttachmentView, UploadInput } from './types.ts';

/** Caption files are text: a small fixed limit. */
export const CAPTIONS_MAX_BYTES = 1024 * 1024;

/** The base name the uploader gave, with the extension of the detected type. */
export function cleanFilename(given: string, ext: string): string {
  const base = given.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const stem = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/\.[^.]*$/, '').trim().slice(0, 150);
  return `${stem || 'upload'}.${ext}`;
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest('hex');
}

/**
 * Upload: authorize → refuse what is plainly too large before reading → stream to a temp file
 * (type from content, limit per type) → scan with clamd (IV.C.15(i)(iii)) → infected: quarantine,
 * audit, tell the IT Manager, refuse → clean: allow-list, polyglots, images decoded and re-encoded
 * without metadata → store by sha256 → row and audit in one transaction. On any failure the temp
 * files go and no row is written.
 */
export function createUpload(deps: AttachmentsDeps, store: Store) {
  const { db, clock, audit, notifications, scanner, maxBytes } = deps;
  const largest = Math.max(maxBytes.image, maxBytes.video, maxBytes.pdf, CAPTIONS_MAX_BYTES);
  const limitFor = (d: Detected) => (d.kind === 'video' ? maxBytes.video : d.kind === 'pdf' ? maxBytes.pdf : d.kind === 'captions' ? CAPTIONS_MAX_BYTES : maxBytes.image);

  async function quarantine(actor: Actor, tmp: string, got: Received, signature: string, filename: string): Promise<never> {
    const where = await store.quarantine(tmp, got.sha256);
    const id = newId();
    const now = toIso(clock.now());
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('attachments')
        .values({ id, kind: got.detected.kind, mime_type: got.detected.mime, filename, size_bytes: got.size, original_sha256: got.sha256, stored_sha256: null, status: 'quarantined', scanner: scanner!.description, scan_signature: signature, scanned_at: now, width: null, height: null, department_id: uploaderDepartment(actor), uploaded_by: actorId(actor), uploaded_at: now, alt_text: null, caption_text: null, caption_file_id: null, city_website_url: null, photo_at_public_event: null, photo_attested_by: null, photo_attested_at: null, ownership: null, permission_json: null, uses_city_seal: null, seal_authorization: null, updated_at: now })
        .execute();
      await audit.record(tx, actor, { action: 'attachment.quarantined', targetType: 'attachment', targetId: id, targetLabel: filename, after: { signature, sha256: got.sha256, sizeBytes: got.size, mimeType: got.detected.mime }, clauses: [C.antivirus] });
      await deps.archive?.attachment(tx, id);
      await notifications.notify(tx, {
        audience: 'role',
        role: 'it_manager',
        kind: 'attachment.quarantined',
        subject: `Infected upload quarantined: ${filename}`,
        body: `${actorLabel(actor)} uploaded ${filename} (${got.size} bytes, sha256 ${got.sha256}). ${scanner!.description} found ${signature}. The file is kept in quarantine (${where}) and can never be posted.`,
        relatedType: 'attachment',
        relatedId: id,
        clauses: [C.antivirus],
      });
    });
    throw policyRefusal(`${filename} was refused: the virus scanner found ${signature}. The file is quarantined (attachment ${id}) and the IT Manager has been told.`, [C.antivirus]);
  }

  async function upload(actor: Actor, input: UploadInput): Promise<AttachmentView> {
    authorize(attachmentsPolicy, actor, 'attachment.upload', null);
    if (!input.body) throw invalidFile('Send the file itself as the request body (not JSON or a form), with ?filename=');
    if (!input.filename.trim()) throw invalidInput('query.filename', 'give the file name');
    if (input.contentLength === 0) throw invalidFile('The file is empty');
    if (input.contentLength != null && input.contentLength > largest) throw tooLarge('The upload', largest, input.contentLength);
    if (!scanner) throw noScanner();
    await store.ensure();
    const tmp = store.tempPath();
    const reencoded = store.tempPath();
    try {
      let got: Received;
      try {
        got = await receive(input.body, tmp, (d) => {
          const limit = limitFor(d);
          if (input.contentLength != null && input.contentLength > limit) throw new TooLarge(d, limit);
          return limit;
        });
      } catch (e) {
        if (e instanceof TooLarge) throw tooLarge(e.detected ? `${e.detected.label[0]!.toUpperCase()}${e.detected.label.slice(1)}` : 'The upload', e.limit, input.contentLength);
        throw e;
      }
      const d = got.detected;
      const filename = cleanFilename(input.filename, d.ext);
      if (got.size === 0) throw invalidFile('The file is empty');

      // Every file is scanned, whatever its type, before anything else looks inside it.
      const verdict = await scanner.scan(createReadStream(tmp));
      if (verdict.status === 'error') throw scanFailed(verdict.message);
      if (verdict.status === 'infected') return await quarantine(actor, tmp, got, verdict.signature, filename);

      if (d.mime === 'image/svg+xml') throw invalidFile(`${filename} is an SVG image: SVG is refused because it can carry scripts. Upload it as PNG or JPEG.`);
      if (d.kind === 'other') throw invalidFile(`${input.filename.slice(0, 150)} is ${d.label}, which cannot be attached. Allowed: ${ALLOWED_DESCRIPTION}.`);
      const also = await findPolyglot(tmp, got.size, d.kind);
      if (also) throw invalidFile(`${filename} is ${d.label} that is also ${also} (a polyglot file): it is refused.`);

      let stored = tmp;
      let size = got.size;
      let sha = got.sha256;
      let dims: { width: number; height: number } | null = null;
      if (d.kind === 'image') {
        try {
          dims = await reencodeImage(tmp, reencoded, imageFormat(d.mime));
        } catch (e) {
          if (e instanceof UnreadableImage) throw invalidFile(`${filename} cannot be read as ${d.label}: it is corrupt or truncated (${e.message}).`);
          throw e;
        }
        stored = reencoded;
        size = (await stat(reencoded)).size;
        sha = await sha256File(reencoded);
      }
      const finalPath = store.cleanPath(sha, d.ext);
      const existed = await store.exists(finalPath);
      await store.keep(stored, sha, d.ext);
      const id = newId();
      const now = toIso(clock.now());
      try {
        const row = await db.transaction().execute(async (tx) => {
          const values = { id, kind: d.kind, mime_type: d.mime, filename, size_bytes: size, original_sha256: got.sha256, stored_sha256: sha, status: 'clean', scanner: scanner.description, scan_signature: null, scanned_at: now, width: dims?.width ?? null, height: dims?.height ?? null, department_id: uploaderDepartment(actor), uploaded_by: actorId(actor), uploaded_at: now, alt_text: null, caption_text: null, caption_file_id: null, city_website_url: null, photo_at_public_event: null, photo_attested_by: null, photo_attested_at: null, ownership: null, permission_json: null, uses_city_seal: null, seal_authorization: null, updated_at: now };
          await tx.insertInto('attachments').values(values).execute();
          await audit.record(tx, actor, { action: 'attachment.uploaded', targetType: 'attachment', targetId: id, targetLabel: filename, after: { kind: d.kind, mimeType: d.mime, sizeBytes: size, sha256: sha, originalSha256: got.sha256, metadataStripped: d.kind === 'image' }, clauses: [C.antivirus] });
          await deps.archive?.attachment(tx, id);
          return values;
        });
        return toView(row);
      } catch (e) {
        if (!existed) await store.discard(finalPath);
        throw e;
      }
    } finally {
      await store.discard(tmp);
      await store.discard(reencoded);
    }
  }

  return { upload };
}
