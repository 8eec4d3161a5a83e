import { allow, deny, signedIn, type Policy, type Rule } from '../../authz/index.ts';
import { roles } from '../../authz/roles.ts';
import type { Role } from '../../kernel/actor.ts';

/**
 * Legal holds are the City Attorney's: counsel issues and releases them (a hold follows
 * litigation or an investigation the City Attorney's Office manages). The custodian named on a
 * hold acknowledges it, personally. The City Clerk (who proposes dispositions) and the oversight
 * roles read them.
 */
export const HOLD_ISSUERS: Role[] = ['city_attorney'];
export const HOLD_READERS: Role[] = ['city_attorney', 'city_clerk', 'city_manager', 'auditor', 'it_manager'];

const custodianOnly: Rule<{ custodianId: string }> = (actor, hold) =>
  actor.kind === 'person' && hold && actor.personId === hold.custodianId ? allow : deny('Only the custodian named on the hold may acknowledge it');

export const legalHoldsPolicy = {
  'legal_hold.read': roles(...HOLD_READERS),
  'legal_hold.issue': roles(...HOLD_ISSUERS),
  'legal_hold.release': roles(...HOLD_ISSUERS),
  'legal_hold.acknowledge': custodianOnly,
  /** Anyone signed in sees the holds that name them as custodian. */
  'legal_hold.mine': signedIn,
} satisfies Policy;
