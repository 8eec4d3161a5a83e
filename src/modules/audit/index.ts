export { createAuditService, toAuditEvent } from './service.ts';
export type { AuditService, AuditEvent, AuditEventInput, AuditFilter, VerifyResult } from './service.ts';
export { auditPolicy } from './policy.ts';
export type { ChainBreak } from './chain.ts';
