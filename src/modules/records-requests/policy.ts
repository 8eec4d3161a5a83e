import { abilities, allow, deny, type Policy, type Rule } from '../../authz/index.ts';
import { roles } from '../../authz/roles.ts';
import type { Actor, Role } from '../../kernel/actor.ts';

/**
 * Public records requests (IV.A.11): "The City Clerk's office is responsible for responding …
 * in collaboration with the City Attorney's Office." So the City Clerk enters, assigns, writes
 * to the requester, extends, determines and closes; the City Attorney reviews (and must concur
 * before anything is withheld). The extension is approved by the City Clerk: Gov. Code
 * 7922.535(b) wants notice from the head of the agency or a designee, and IV.A.11 makes the
 * Clerk's office the one responding; the City Attorney is notified of it. The City Manager and
 * the auditor may read. Nobody else, Council members included: requests carry requesters'
 * contact details and the City Attorney's notes. Anyone may submit without signing in.
 */
export const RECORDS_OWNERS: Role[] = ['city_clerk'];
export const RECORDS_REVIEWERS: Role[] = ['city_attorney'];
export const RECORDS_READERS: Role[] = [...RECORDS_OWNERS, ...RECORDS_REVIEWERS, 'city_manager', 'auditor'];

const IV_A_11 = ['IV.A.11'];
const cite = (r: Rule<unknown>): Rule<unknown> => (actor, res) => {
  const d = r(actor, res);
  return d.allow ? d : deny(d.reason, IV_A_11);
};

export const recordsRequestsPolicy = {
  'records.submit': (() => allow) as Rule<unknown>,
  'records.list': cite(roles(...RECORDS_READERS)),
  'records.create': cite(roles(...RECORDS_OWNERS)),
  'records.assign': cite(roles(...RECORDS_OWNERS)),
  'records.message': cite(roles(...RECORDS_OWNERS)),
  'records.extend': cite(roles(...RECORDS_OWNERS)),
  'records.review': cite(roles(...RECORDS_REVIEWERS)),
  'records.determine': cite(roles(...RECORDS_OWNERS)),
  'records.close': cite(roles(...RECORDS_OWNERS)),
} satisfies Policy;

export type RecordsRequestsAction = keyof typeof recordsRequestsPolicy;

export const recordsAbilities = (actor: Actor) =>
  abilities(recordsRequestsPolicy, actor, null, ['records.create', 'records.assign', 'records.message', 'records.extend', 'records.review', 'records.determine', 'records.close']);
