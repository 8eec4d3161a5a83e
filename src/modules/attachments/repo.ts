import type { Executor, Row } from '../../db/index.ts';
import { fromFlag, fromJson } from '../../kernel/codec.ts';
import { notFound } from '../../kernel/errors.ts';
import { issuesOf } from './requirements.ts';
import type { AttachmentStatus, AttachmentView, Captions, Permission, StoredKind } from './types.ts';

export type AttachmentRow = Row<'attachments'>;

export async function loadRow(db: Executor, id: string): Promise<AttachmentRow> {
  const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Attachment', id);
  return row;
}

export async function loadRows(db: Executor, ids: string[]): Promise<Map<string, AttachmentRow>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('attachments').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

function captionsOf(r: AttachmentRow): Captions | null {
  if (r.caption_file_id) return { kind: 'file', fileId: r.caption_file_id };
  if (r.caption_text) return { kind: 'embedded', note: r.caption_text };
  return null;
}

export function toView(r: AttachmentRow, captionFile?: { status: string; kind: string } | null): AttachmentView {
  const base = {
    id: r.id,
    kind: r.kind as StoredKind,
    mimeType: r.mime_type,
    filename: r.filename,
    sizeBytes: Number(r.size_bytes),
    status: r.status as AttachmentStatus,
    signature: r.scan_signature,
    scannedAt: r.scanned_at,
    width: r.width == null ? null : Number(r.width),
    height: r.height == null ? null : Number(r.height),
    departmentId: r.department_id,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
    altText: r.alt_text,
    captions: captionsOf(r),
    cityWebsiteUrl: r.city_website_url,
    photoAttestation: r.photo_at_public_event == null ? null : { atPublicSocialEvent: fromFlag(Number(r.photo_at_public_event)), attestedBy: r.photo_attested_by, attestedAt: r.photo_attested_at },
    ownership: (r.ownership as 'city' | 'third_party' | null) ?? null,
    permission: fromJson<Permission | null>(r.permission_json),
    usesCitySeal: r.uses_city_seal == null ? null : fromFlag(Number(r.uses_city_seal)),
    sealAuthorization: r.seal_authorization,
  };
  return { ...base, issues: issuesOf(base, captionFile) };
}

/** The views with their caption files looked up (one query for all). */
export async function toViews(db: Executor, rows: AttachmentRow[]): Promise<AttachmentView[]> {
  const captionIds = rows.map((r) => r.caption_file_id).filter((x): x is string => !!x);
  const captions = await loadRows(db, captionIds);
  return rows.map((r) => toView(r, r.caption_file_id ? (captions.get(r.caption_file_id) ?? null) : undefined));
}
