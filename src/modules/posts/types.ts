import type { Finding } from '../../screening/index.ts';

export const POST_STATUSES = ['draft', 'submitted', 'approved', 'reviewed', 'scheduled', 'published', 'removed'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** One platform a post goes to; text overrides the post body where the platform's limits differ. */
export interface PostTarget {
  platformId: string;
  text: string | null;
}

export interface TargetView extends PostTarget {
  platformName: string;
  platformType: string;
  departmentId: string | null;
}

/** A finding on a post: screening, attachment requirements, conflicts with recent posts, emergency checks. */
export interface PostFinding extends Finding {
  source: 'screening' | 'attachment' | 'conflict' | 'emergency' | 'schedule';
  /** The targets it applies to (per-platform limits); absent = the whole post. */
  platformIds?: string[];
  /** For conflicts: the other post. */
  otherPostId?: string;
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
  findings: PostFinding[];
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
}

export interface ComposeInput {
  title: string;
  body: string;
  link?: string | null;
  targets: { platformId: string; text?: string | null }[];
  attachmentIds?: string[];
  /** IV.A.5: where and when the emergency information was released first. */
  emergency?: { releaseUrl: string; releasedAt: string } | null;
  /** An instant (with Z or offset) or a City wall-clock time "YYYY-MM-DDTHH:mm"; null = as soon as reviewed. */
  scheduledFor?: string | null;
  /** A correction of a published post (IV.C.15(f)(v)). */
  correctionOf?: string | null;
}
