import type { Finding } from '../../screening/index.ts';

/** A comment as a platform (connector, webhook or export file) delivers it. */
export interface IncomingComment {
  platformId: string;
  remoteId: string;
  postRemoteId: string;
  parentRemoteId?: string | null;
  authorHandle: string | null;
  authorName: string | null;
  text: string;
  /** When it was written on the platform. */
  createdAt: string;
  /** When this text was written, for an edit (out-of-order edits are kept but never replace a newer text). */
  editedAt?: string | null;
  /** The commenter deleted it on the platform. */
  deleted?: boolean;
  url?: string | null;
  native: unknown;
}

export type IngestSource = 'poll' | 'webhook' | 'import';

export interface IngestResult {
  created: number;
  edited: number;
  deleted: number;
  unchanged: number;
  /** Items not taken, by their position in the batch, with the reason. */
  refused: { index: number; remoteId: string; reason: string; clauses?: string[] }[];
}

export const DECISIONS = ['keep', 'hide', 'remove', 'restore'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface DecisionView {
  id: string;
  decision: Decision;
  clauses: string[];
  note: string | null;
  moderatorId: string | null;
  moderatorName: string | null;
  automatic: boolean;
  decidedAt: string;
  status: 'final' | 'awaiting_second' | 'superseded';
  secondModeratorId: string | null;
  platformAction: 'none' | 'done' | 'manual_pending' | 'manual_confirmed' | 'failed';
  platformNote: string | null;
}

export interface CommentView {
  id: string;
  platformId: string;
  platformName: string | null;
  remoteId: string;
  postId: string | null;
  postRemoteId: string;
  postText: string | null;
  parentRemoteId: string | null;
  authorHandle: string | null;
  authorName: string | null;
  url: string | null;
  text: string;
  version: number;
  source: IngestSource;
  createdOnPlatformAt: string;
  capturedAt: string;
  deletedOnPlatformAt: string | null;
  visibility: 'visible' | 'hidden' | 'removed';
  reviewState: 'open' | 'decided';
  severity: number;
  findings: Finding[];
  legislativePersonId: string | null;
  retainUntil: string | null;
  decisions: DecisionView[];
}
