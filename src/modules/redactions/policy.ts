import { abilities, deny, type Policy, type Rule } from '../../authz/index.ts';
import { roles } from '../../authz/roles.ts';
import type { Actor } from '../../kernel/actor.ts';

/**
 * Redactions (IV.A.11): the City Clerk's office responds to records requests in collaboration
 * with the City Attorney's Office, so both mark and withdraw redactions and read the log; only
 * the City Attorney approves a free-text ground (one not in the desk's statute list). Nobody
 * else reads the redaction view: it shows the original text beside what is withheld.
 */
const IV_A_11 = ['IV.A.11'];
const cite = (r: Rule<unknown>): Rule<unknown> => (actor, res) => {
  const d = r(actor, res);
  return d.allow ? d : deny(d.reason, IV_A_11);
};

export const redactionsPolicy = {
  'redaction.read': cite(roles('city_clerk', 'city_attorney')),
  'redaction.mark': cite(roles('city_clerk', 'city_attorney')),
  'redaction.withdraw': cite(roles('city_clerk', 'city_attorney')),
  'redaction.approve': cite(roles('city_attorney')),
} satisfies Policy;

export type RedactionsAction = keyof typeof redactionsPolicy;

export const redactionAbilities = (actor: Actor) => abilities(redactionsPolicy, actor, null, ['redaction.mark', 'redaction.withdraw', 'redaction.approve']);
