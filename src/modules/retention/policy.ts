import type { Policy } from '../../authz/index.ts';
import { roles } from '../../authz/roles.ts';
import type { Role } from '../../kernel/actor.ts';

/**
 * Disposition of City records (Gov. Code 34090; IV.A.9, IV.A.13): the City Clerk, custodian of
 * the City's records, proposes a batch, records the council resolution and the destruction
 * authorization form, and carries out the destruction; the City Attorney consents in writing.
 * The oversight roles read schedules, batches and certificates.
 */
export const DISPOSITION_CLERKS: Role[] = ['city_clerk'];
export const DISPOSITION_COUNSEL: Role[] = ['city_attorney'];
export const RETENTION_READERS: Role[] = ['city_clerk', 'city_attorney', 'city_manager', 'auditor', 'it_manager'];

export const retentionPolicy = {
  'retention.read': roles(...RETENTION_READERS),
  'disposition.propose': roles(...DISPOSITION_CLERKS),
  'disposition.consent': roles(...DISPOSITION_COUNSEL),
  'disposition.record_authority': roles(...DISPOSITION_CLERKS),
  'disposition.destroy': roles(...DISPOSITION_CLERKS),
  'disposition.withdraw': roles(...DISPOSITION_CLERKS),
} satisfies Policy;

export type RetentionAction = keyof typeof retentionPolicy;
