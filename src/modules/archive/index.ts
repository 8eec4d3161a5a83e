export { createArchiveService } from './service.ts';
export type { ArchiveService, ArchiveDeps, ArchiveListFilter, ArchiveItemSummary, ArchiveItemView, ArchiveDisposed } from './service.ts';
export { recordDestruction, dispositionsFor, notDisposed, isErased, itemsDigest, type CertificateBody, type CertificateFacts, type DisposedItem } from './disposition.ts';
export { archiveHooks, type ArchiveHooks } from './hooks.ts';
export { archivePolicy } from './policy.ts';
export { itemHash, sealHash, sha256, GENESIS_HASH } from './chain.ts';
export { ARCHIVE_KINDS, EXCLUDED_TABLES, EXCLUDED_FIELDS, isArchiveKind } from './types.ts';
export type { ArchiveItem, ArchiveKind, ArchiveMetadata, CaptureInput, ArchiveBreak, ArchiveVerifyResult, ArchiveSeal } from './types.ts';
export type { CommentArchiveEntry, CommentFields, VersionFields } from './comment-records.ts';
