import { abilities, allow, deny, type Policy, type Rule } from '../../authz/index.ts';
import { roles } from '../../authz/roles.ts';
import { hasRole, type Actor, type Role } from '../../kernel/actor.ts';
import { C } from './clauses.ts';

/**
 * Denying access (V). Moderators, the Public Information Analyst and the City Manager moderate
 * the City's interactive platforms and decide bans; an indefinite ban is the City Manager's call
 * (the policy lets "the City" deny access; an open-ended denial is the most serious use of it).
 * Oversight roles may read. A ban's review belongs to the reviewer it names (or the City Manager).
 */
export const BAN_DECIDERS: Role[] = ['moderator', 'public_information_analyst', 'city_manager'];
export const BAN_READERS: Role[] = [...BAN_DECIDERS, 'assistant_city_manager', 'it_manager', 'city_clerk', 'city_attorney', 'auditor'];

const cite = (r: Rule<unknown>): Rule<unknown> => (actor, res) => {
  const d = r(actor, res);
  return d.allow ? d : deny(d.reason, [C.publicUse]);
};

export interface BanReviewResource {
  reviewerId: string;
}

export const bansPolicy = {
  'ban.list': cite(roles(...BAN_READERS)),
  'ban.create': cite(roles(...BAN_DECIDERS)),
  'ban.create_indefinite': ((actor) => (actor.kind === 'system' || hasRole(actor, 'city_manager') ? allow : deny('Only the City Manager may deny access without an end date; give the ban a duration', [C.publicUse]))) as Rule<unknown>,
  'ban.review': ((actor, r) => {
    if (actor.kind === 'system' || hasRole(actor, 'city_manager')) return allow;
    if (actor.kind === 'person' && actor.personId === r.reviewerId) return allow;
    return deny('Only the reviewer this ban names (or the City Manager) may review it', [C.publicUse]);
  }) as Rule<BanReviewResource>,
  'ban.lift': cite(roles(...BAN_DECIDERS)),
} satisfies Policy;

export type BansAction = keyof typeof bansPolicy;

export const banAbilities = (actor: Actor, r: BanReviewResource) => abilities(bansPolicy, actor, r, ['ban.review', 'ban.lift']);
