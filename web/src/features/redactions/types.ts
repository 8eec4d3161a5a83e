import type { Abilities } from '../../api/types.ts';

export interface PersonLabel {
  id: string;
  name: string;
}

/** One entry of a request's redaction log (GET /api/records-requests/:id/redactions). */
export interface Redaction {
  id: string;
  position: number;
  itemId: string;
  itemKind: string;
  kind: 'text_span' | 'image_region';
  attachmentId: string | null;
  span: { start: number; end: number } | null;
  region: { x: number; y: number; w: number; h: number } | null;
  exemption: string | null;
  citation: string;
  ground: string;
  status: 'active' | 'awaiting_approval' | 'withdrawn';
  approvedBy: PersonLabel | null;
  approvedAt: string | null;
  redactedBy: PersonLabel | null;
  redactedAt: string;
  withdrawnBy: PersonLabel | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

export interface RedactionLog {
  reference: string;
  editable: boolean;
  redactions: Redaction[];
  abilities: Abilities;
}

export interface RedactionItem {
  item: { id: string; kind: string; capturedAt: string; renderedText: string; textSha256: string; image: { attachmentId: string; width: number; height: number; storedSha256: string } | null };
  redactions: Redaction[];
  redactedText: string;
  redactedTextSha256: string;
  editable: boolean;
  abilities: Abilities;
}

export const STATUS_LABELS: Record<Redaction['status'], string> = { active: 'In force', awaiting_approval: 'Awaiting the City Attorney', withdrawn: 'Withdrawn' };

export const partLabel = (r: Pick<Redaction, 'span' | 'region'>) => (r.span ? `characters ${r.span.start}–${r.span.end}` : r.region ? `region ${r.region.w}×${r.region.h} px at (${r.region.x}, ${r.region.y})` : '—');
