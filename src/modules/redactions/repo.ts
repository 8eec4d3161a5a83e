import { createHash } from 'node:crypto';
import type { Executor, Row } from '../../db/index.ts';
import { conflict } from '../../kernel/errors.ts';
import type { ArchiveItemRead } from './deps.ts';
import { EXEMPTIONS, type Exemption } from '../records-requests/index.ts';
import type { PersonLabel, RedactionKind, RedactionStatus, RedactionView } from './types.ts';

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** What a redaction needs of an archive item: its text, and for an archived image attachment, the image. */
export interface ItemForRedaction {
  id: string;
  kind: string;
  capturedAt: string;
  text: string;
  textSha256: string;
  image: { attachmentId: string; width: number; height: number; storedSha256: string; filename: string; mimeType: string } | null;
}

interface AttachmentNative {
  id?: string;
  kind?: string;
  stored_sha256?: string | null;
  width?: number | null;
  height?: number | null;
  filename?: string;
  mime_type?: string;
}

/**
 * The item as the archive's reader gives it (the archive decides what a reader may see, e.g. a
 * destroyed item's payload is gone). The archived payload as captured is what is redacted, never
 * the attachment row as it stands now.
 */
export function itemForRedaction(a: ArchiveItemRead): ItemForRedaction {
  if (a.disposed) throw conflict(`Archive item ${a.id} was destroyed under an approved disposition: there is nothing left to redact or produce`);
  let image: ItemForRedaction['image'] = null;
  if (a.kind === 'attachment') {
    const n = (a.native ?? {}) as AttachmentNative;
    if (n.kind === 'image' && n.stored_sha256 && n.width && n.height && n.id) image = { attachmentId: n.id, width: Number(n.width), height: Number(n.height), storedSha256: n.stored_sha256, filename: n.filename ?? '', mimeType: n.mime_type ?? '' };
  }
  return { id: a.id, kind: a.kind, capturedAt: a.capturedAt, text: a.renderedText, textSha256: sha256(a.renderedText), image };
}

export async function personLabels(ex: Executor, ids: (string | null | undefined)[]): Promise<Map<string, PersonLabel>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const out = new Map<string, PersonLabel>();
  if (!wanted.length) return out;
  for (const p of await ex.selectFrom('persons').select(['id', 'name']).where('id', 'in', wanted).execute()) out.set(p.id, { id: p.id, name: p.name });
  return out;
}

export const statusOf = (r: Row<'redactions'>): RedactionStatus => (r.withdrawn_at ? 'withdrawn' : !r.exemption && !r.approved_at ? 'awaiting_approval' : 'active');

export function toView(r: Row<'redactions'>, itemKind: string, people: Map<string, PersonLabel>): RedactionView {
  const who = (id: string | null): PersonLabel | null => (id ? (people.get(id) ?? { id, name: id === 'system' ? 'System' : 'Unknown person' }) : null);
  const exemption = (r.exemption as Exemption | null) ?? null;
  return {
    id: r.id,
    position: Number(r.position),
    requestId: r.request_id,
    itemId: r.archive_item_id,
    itemKind,
    kind: r.kind as RedactionKind,
    attachmentId: r.attachment_id,
    span: r.span_start != null && r.span_end != null ? { start: Number(r.span_start), end: Number(r.span_end) } : null,
    region: r.region_x != null && r.region_y != null && r.region_w != null && r.region_h != null ? { x: Number(r.region_x), y: Number(r.region_y), w: Number(r.region_w), h: Number(r.region_h) } : null,
    exemption,
    citation: r.citation,
    ground: exemption ? (EXEMPTIONS[exemption]?.label ?? exemption) : (r.ground_text ?? ''),
    status: statusOf(r),
    approvedBy: who(r.approved_by),
    approvedAt: r.approved_at,
    originalSha256: r.original_sha256,
    redactedBy: who(r.redacted_by),
    redactedAt: r.redacted_at,
    withdrawnBy: who(r.withdrawn_by),
    withdrawnAt: r.withdrawn_at,
    withdrawalReason: r.withdrawal_reason,
  };
}

/** A request's redaction log in log order, each with its item's kind. */
export async function loadLog(ex: Executor, requestId: string, itemId?: string): Promise<RedactionView[]> {
  let q = ex.selectFrom('redactions as r').innerJoin('archive_items as a', 'a.id', 'r.archive_item_id').selectAll('r').select('a.kind as item_kind').where('r.request_id', '=', requestId).orderBy('r.position');
  if (itemId) q = q.where('r.archive_item_id', '=', itemId);
  const rows = await q.execute();
  const people = await personLabels(ex, rows.flatMap((r) => [r.redacted_by, r.approved_by, r.withdrawn_by]));
  return rows.map(({ item_kind, ...r }) => toView(r, item_kind, people));
}
