import { deny, type Policy, type Rule } from '../../authz/index.ts';
import { roles } from '../../authz/roles.ts';

/**
 * Moderation reports name moderators and show comment text: staff with oversight of the City's
 * social media (and the Public Information Analyst, who runs it) read them, so inconsistent
 * treatment can be seen (V: viewpoint-neutral). The transparency report is public and has neither.
 */
const read: Rule<unknown> = (actor, r) => {
  const d = roles('city_manager', 'assistant_city_manager', 'it_manager', 'city_clerk', 'city_attorney', 'auditor', 'public_information_analyst')(actor, r);
  return d.allow ? d : deny(d.reason, ['V']);
};

export const moderationReportsPolicy = {
  'report.read': read,
} satisfies Policy;

export type ModerationReportsAction = keyof typeof moderationReportsPolicy;
