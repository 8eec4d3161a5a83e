export { createPostsService, type PostsService, type PostView } from './service.ts';
export { postsPolicy, type PostResource } from './policy.ts';
export type { PostsDeps, AttachmentsForPosts, OffDutyLog } from './deps.ts';
export type { Post, PostFinding, PostStatus, ComposeInput, PublicationView, ApprovalView } from './types.ts';
export { POST_STATUSES } from './types.ts';
export type { PublisherOptions, PublishRunResult } from './publish.ts';
export { parseScheduleTime } from './rules.ts';
export type { PostTemplate, TemplateInput } from './templates.ts';
