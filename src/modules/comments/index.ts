export { createCommentsService, type CommentsService } from './service.ts';
export { commentsPolicy } from './policy.ts';
export type { CommentsDeps } from './deps.ts';
export type { CommentView, DecisionView, IncomingComment, IngestResult, IngestSource, Decision } from './types.ts';
export { DECISIONS } from './types.ts';
export type { QueuePage, QueueItem } from './queue.ts';
export type { ModerationSettings } from './moderate.ts';
export { severityOf } from './ingest.ts';
