import { abilities, allow, deny, type Policy, type Rule } from '../../authz/index.ts';
import { roles } from '../../authz/roles.ts';
import type { Actor } from '../../kernel/actor.ts';
import { BAN_DECIDERS, BAN_READERS } from '../bans/index.ts';

/**
 * Appeals of a hidden or removed comment, or of a ban (V: notice and appeal). Anyone may appeal
 * (no sign-in). An appeal is decided by a moderator (or the Public Information Analyst or City
 * Manager) who took no part in the decision appealed: a second pair of eyes, not the first again.
 */
export interface AppealResource {
  /** Who made the decision appealed (moderator, second moderator, or who banned). */
  deciders: string[];
}

const V = ['V'];
const cite = (r: Rule<unknown>): Rule<unknown> => (actor, res) => {
  const d = r(actor, res);
  return d.allow ? d : deny(d.reason, V);
};

export const appealsPolicy = {
  'appeal.submit': (() => allow) as Rule<unknown>,
  'appeal.list': cite(roles(...BAN_READERS)),
  'appeal.decide': ((actor, r) => {
    const d = roles(...BAN_DECIDERS)(actor, r);
    if (!d.allow) return deny(d.reason, V);
    if (actor.kind === 'person' && r.deciders.includes(actor.personId)) return deny('An appeal is decided by a different moderator from the one who made the decision appealed', V);
    return allow;
  }) as Rule<AppealResource>,
} satisfies Policy;

export type AppealsAction = keyof typeof appealsPolicy;

export const appealAbilities = (actor: Actor, r: AppealResource) => abilities(appealsPolicy, actor, r, ['appeal.decide']);
