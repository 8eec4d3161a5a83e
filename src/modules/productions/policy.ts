import { abilities, deny, type Policy, type Rule } from '../../authz/index.ts';
import { roles } from '../../authz/roles.ts';
import type { Actor, Role } from '../../kernel/actor.ts';

/**
 * Productions and e-discovery exports (IV.A.12) carry every archived record, commenters'
 * identities included: the City Clerk (who produces records for requests, IV.A.11), the City
 * Attorney (discovery) and the IT Manager (custodian of the systems) make and download them.
 * Nobody else.
 */
export const PRODUCERS: Role[] = ['city_clerk', 'city_attorney', 'it_manager'];

const cite = (r: Rule<unknown>): Rule<unknown> => (actor, res) => {
  const d = r(actor, res);
  return d.allow ? d : deny(d.reason, ['IV.A.12']);
};

export const productionsPolicy = {
  'productions.create': cite(roles(...PRODUCERS)),
  'productions.read': cite(roles(...PRODUCERS)),
} satisfies Policy;

export const productionsAbilities = (actor: Actor) => abilities(productionsPolicy, actor, null, ['productions.create', 'productions.read']);
