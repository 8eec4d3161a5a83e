export { createCommentIntake, MAX_IMPORT_BYTES, type CommentIntake, type CommentIntakeDeps, type ImportReport, type WebhookReceipt } from './service.ts';
export { IMPORT_COLUMNS, formatOfName, parseExportFile, type ImportFormat, type ParsedExport } from './export-file.ts';
export { mapFacebookDelivery, type MappedDelivery } from './facebook-webhook.ts';
