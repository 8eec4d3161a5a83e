/** The comment shapes the moderation UI reads (see src/modules/comments/types.ts on the server). */

export interface CommentFinding {
  ruleId: string;
  clause: string;
  severity: 'block' | 'advice';
  message: string;
  score?: number;
  span?: { start: number; end: number };
}

export type DecisionKind = 'keep' | 'hide' | 'remove' | 'restore';
export type PlatformAction = 'none' | 'done' | 'manual_pending' | 'manual_confirmed' | 'failed';

export interface DecisionView {
  id: string;
  decision: DecisionKind;
  clauses: string[];
  note: string | null;
  moderatorId: string | null;
  moderatorName: string | null;
  automatic: boolean;
  decidedAt: string;
  status: 'final' | 'awaiting_second' | 'superseded';
  secondModeratorId: string | null;
  platformAction: PlatformAction;
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
  authorHandle: string | null;
  authorName: string | null;
  url: string | null;
  text: string;
  version: number;
  createdOnPlatformAt: string;
  capturedAt: string;
  deletedOnPlatformAt: string | null;
  visibility: 'visible' | 'hidden' | 'removed';
  reviewState: 'open' | 'decided';
  severity: number;
  findings: CommentFinding[];
  legislativePersonId: string | null;
  decisions: DecisionView[];
}

export interface QueueItem extends CommentView {
  authorHistory: { comments: number; hiddenOrRemoved: number };
}

export interface QueuePage {
  items: QueueItem[];
  next: string | null;
  open: number;
  /** More open comments than `open` (the server counts up to a cap). */
  openCapped?: boolean;
}

export interface CommentVersion {
  version: number;
  kind: string;
  text: string;
  atOnPlatform: string | null;
  capturedAt: string;
}

export type CommentDetail = CommentView & { versions: CommentVersion[] };

export interface ModerationSettings {
  autoHideClauses: string[];
  twoPersonRule: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

export const SEVERITY_LABELS = ['None', 'Low', 'Medium', 'High'] as const;
export const severityLabel = (n: number) => SEVERITY_LABELS[Math.max(0, Math.min(3, n))] ?? String(n);

/** The decision whose platform step a moderator still has to do by hand (the platform could not, or refused). */
export function platformWork(c: CommentView): DecisionView | undefined {
  return [...c.decisions].reverse().find((d) => d.status === 'final' && (d.platformAction === 'manual_pending' || d.platformAction === 'failed'));
}

export const awaitingSecond = (c: CommentView) => c.decisions.find((d) => d.status === 'awaiting_second');

export const DECISION_LABELS: Record<DecisionKind, string> = { keep: 'Kept', hide: 'Hidden', remove: 'Removed', restore: 'Restored' };
