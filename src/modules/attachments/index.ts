export { createAttachmentsService, type AttachmentsService } from './service.ts';
export type { AttachmentsDeps, AttachmentLimits } from './deps.ts';
export { attachmentsPolicy, UPLOADER_ROLES, type AttachmentResource, type AttachmentsAction } from './policy.ts';
export { altTextProblem, isCityWebsiteUrl } from './requirements.ts';
export { CAPTIONS_MAX_BYTES } from './upload.ts';
export type { AttachmentForPost, AttachmentKind, AttachmentView, AttachmentStatus, Captions, DescribeInput, Issue, Permission, UploadInput } from './types.ts';
export { createStore as createAttachmentStore } from './storage.ts';
