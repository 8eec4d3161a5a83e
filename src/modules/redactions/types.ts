import type { Exemption } from '../records-requests/index.ts';
import type { Region } from './image.ts';
import type { Span } from './spans.ts';

export type RedactionKind = 'text_span' | 'image_region';
export type RedactionStatus = 'active' | 'awaiting_approval' | 'withdrawn';

export interface MarkInput {
  /** The archive item redacted (items are addressed by archive id; the collection list is not needed). */
  itemId: string;
  /** A text span of the item's rendered text, or… */
  span?: Span | null;
  /** …a region of the item's image (the item must be an archived image attachment). */
  region?: Region | null;
  /** A statute from the desk's list, or… */
  exemption?: Exemption | null;
  /** …a free-text ground, which the City Attorney must approve before the determination. */
  ground?: string | null;
}

export interface PersonLabel {
  id: string;
  name: string;
}

/** One entry of a request's redaction log. */
export interface RedactionView {
  id: string;
  /** The log number within the request (1, 2, 3…). */
  position: number;
  requestId: string;
  itemId: string;
  itemKind: string;
  kind: RedactionKind;
  attachmentId: string | null;
  span: Span | null;
  region: Region | null;
  exemption: Exemption | null;
  citation: string;
  /** The statute's label, or the free-text ground. */
  ground: string;
  status: RedactionStatus;
  approvedBy: PersonLabel | null;
  approvedAt: string | null;
  originalSha256: string;
  redactedBy: PersonLabel | null;
  redactedAt: string;
  withdrawnBy: PersonLabel | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

/** An archive item as the redaction screen shows it: the original, the redactions, and the redacted copy. */
export interface RedactionItemView {
  item: { id: string; kind: string; capturedAt: string; renderedText: string; textSha256: string; image: { attachmentId: string; width: number; height: number; storedSha256: string } | null };
  redactions: RedactionView[];
  redactedText: string;
  redactedTextSha256: string;
  /** False once the determination is made: the redactions are frozen. */
  editable: boolean;
  abilities: Record<string, boolean>;
}
