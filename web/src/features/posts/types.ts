import type { Abilities } from '../../api/types.ts';

/** The post shapes the UI reads (see src/modules/posts/types.ts on the server). */

export type PostStatus = 'draft' | 'submitted' | 'approved' | 'reviewed' | 'scheduled' | 'published' | 'removed';

export const POST_STATUS_LABELS: Record<PostStatus, string> = {
  draft: 'Draft',
  submitted: 'Awaiting department approval',
  approved: 'Awaiting IT review',
  reviewed: 'Reviewed',
  scheduled: 'Scheduled',
  published: 'Published',
  removed: 'Removed',
};

export const postStatusLabel = (s: string) => POST_STATUS_LABELS[s as PostStatus] ?? s;

export interface Finding {
  ruleId: string;
  clause: string;
  severity: 'block' | 'advice';
  message: string;
  score?: number;
  span?: { start: number; end: number };
  source?: 'screening' | 'attachment' | 'conflict' | 'emergency' | 'schedule';
  platformIds?: string[];
  otherPostId?: string;
  clauseTitle?: string | null;
}

export interface TargetView {
  platformId: string;
  text: string | null;
  platformName: string;
  platformType: string;
  departmentId: string | null;
}

export interface ApprovalView {
  id: string;
  version: number;
  stage: 'department' | 'it';
  decision: 'approved' | 'rejected';
  decidedBy: string;
  decidedByName: string | null;
  decidedAt: string;
  comment: string | null;
  voided: boolean;
}

export interface PublicationView {
  id: string;
  platformId: string;
  platformName: string | null;
  status: 'pending' | 'sending' | 'published' | 'failed' | 'cancelled' | 'removed';
  attempts: number;
  dueAt: string;
  nextAttemptAt: string;
  lastError: string | null;
  remoteId: string | null;
  remoteUrl: string | null;
  publishedAt: string | null;
  removedAt: string | null;
}

export interface Post {
  id: string;
  departmentId: string | null;
  departmentName: string | null;
  authorId: string;
  authorName: string | null;
  status: PostStatus;
  version: number;
  title: string;
  body: string;
  link: string | null;
  targets: TargetView[];
  attachmentIds: string[];
  findings: Finding[];
  emergency: { system: string; releaseUrl: string; releasedAt: string } | null;
  direction: { by: string; reason: string; at: string } | null;
  override: { by: string; reason: string; version: number } | null;
  scheduledFor: string | null;
  correctionOf: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  removed: { at: string; by: string; reason: string } | null;
  approvals: ApprovalView[];
  publications: PublicationView[];
  abilities?: Abilities;
}

export interface ComposeInput {
  title: string;
  body: string;
  link?: string | null;
  targets: { platformId: string; text?: string | null }[];
  attachmentIds?: string[];
  emergency?: { releaseUrl: string; releasedAt: string } | null;
  scheduledFor?: string | null;
  correctionOf?: string | null;
}
