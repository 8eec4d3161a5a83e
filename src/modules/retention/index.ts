export { createRetentionService, MAX_BATCH_ITEMS, type RetentionService, type RetentionDeps, type BatchView } from './service.ts';
export { retentionPolicy, DISPOSITION_CLERKS, DISPOSITION_COUNSEL, RETENTION_READERS, type RetentionAction } from './policy.ts';
export type { DestructionCertificate } from './destroy.ts';
export { BATCH_STATUSES, type BatchStatus, type BatchItem, type DispositionBatch, type EligibleItem, type Ineligibility } from './types.ts';
export { LIMITS as RETENTION_LIMITS } from './text.ts';
