import { authorize } from '../../authz/index.ts';
import type { Executor } from '../../db/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { AppError, notFound, policyRefusal } from '../../kernel/errors.ts';
import { C } from './clauses.ts';
import type { AttachmentsDeps } from './deps.ts';
import { createDescribe, resourceOf } from './describe.ts';
import { attachmentsPolicy } from './policy.ts';
import { loadRow, loadRows, toView, toViews } from './repo.ts';
import { createStore } from './storage.ts';
import { createUpload } from './upload.ts';
import type { AttachmentForPost, AttachmentKind, AttachmentView } from './types.ts';

/**
 * Post attachments (SPEC §3): upload with size limits and type from content, a virus scan before
 * anything can be attached (IV.C.15(i)(iii)), metadata stripped from images, and the describing
 * facts the policy asks for (IV.A.9, IV.D.5, IV.D.6(e), IV.D.7(b), IV.D.7(c)).
 */
export function createAttachmentsService(deps: AttachmentsDeps) {
  const { db } = deps;
  const store = createStore(deps.dataDir);
  const pathOf = (r: { stored_sha256: string | null; mime_type: string; filename: string }) => (r.stored_sha256 ? store.cleanPath(r.stored_sha256, r.filename.split('.').pop() ?? 'bin') : '');

  async function get(actor: Actor, id: string): Promise<AttachmentView> {
    const row = await loadRow(db, id);
    authorize(attachmentsPolicy, actor, 'attachment.read', resourceOf(row));
    return (await toViews(db, [row]))[0]!;
  }

  /** The clean file, for preview by staff. A quarantined file is never served. */
  async function openFile(actor: Actor, id: string): Promise<{ path: string; mimeType: string; filename: string; sizeBytes: number }> {
    const row = await loadRow(db, id);
    authorize(attachmentsPolicy, actor, 'attachment.read', resourceOf(row));
    if (row.status !== 'clean') throw policyRefusal(`${row.filename} is quarantined (the virus scanner found ${row.scan_signature}): it is never served`, [C.antivirus]);
    const path = pathOf(row);
    if (!path || !(await store.exists(path))) throw new AppError('not_found', `The stored file of attachment ${id} is missing`, { internal: `missing ${path}` });
    return { path, mimeType: row.mime_type, filename: row.filename, sizeBytes: Number(row.size_bytes) };
  }

  /** For posts: each attachment as it stands, with every unmet requirement (each cites its clause). */
  async function forPost(executor: Executor, ids: string[]): Promise<AttachmentForPost[]> {
    const rows = await loadRows(executor, ids);
    for (const id of ids) if (!rows.has(id)) throw notFound('Attachment', id);
    const captionIds = [...rows.values()].map((r) => r.caption_file_id).filter((x): x is string => !!x);
    const captions = await loadRows(executor, captionIds);
    return ids.map((id) => {
      const r = rows.get(id)!;
      const v = toView(r, r.caption_file_id ? (captions.get(r.caption_file_id) ?? null) : undefined);
      return { id, kind: v.kind as AttachmentKind | 'other', mimeType: v.mimeType, filename: v.filename, path: v.status === 'clean' ? pathOf(r) : '', altText: v.altText, status: v.status, issues: v.issues };
    });
  }

  return {
    ...createUpload(deps, store),
    ...createDescribe(deps),
    get,
    openFile,
    forPost,
    /** True when a virus scanner is configured and answers (for health and the upload form). */
    scannerReady: async () => (deps.scanner ? deps.scanner.ping() : false),
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
