import { deny, type Policy, type Rule } from '../../authz/index.ts';
import { roles } from '../../authz/roles.ts';

/**
 * The Brown Act guard's register (IV.B; Gov. Code 54952.2(b)(3)). The City Clerk, who keeps the
 * legislative bodies' records, and the City Manager register and remove members' known accounts;
 * moderators and oversight roles read the register (their queue flags these accounts).
 */
const cite = (r: Rule<unknown>): Rule<unknown> => (actor, res) => {
  const d = r(actor, res);
  return d.allow ? d : deny(d.reason, ['IV.B']);
};

export const legislativeAccountsPolicy = {
  'legislative_account.list': cite(roles('city_clerk', 'city_manager', 'assistant_city_manager', 'it_manager', 'city_attorney', 'auditor', 'public_information_analyst', 'moderator')),
  'legislative_account.register': cite(roles('city_clerk', 'city_manager')),
  'legislative_account.remove': cite(roles('city_clerk', 'city_manager')),
} satisfies Policy;

export type LegislativeAccountsAction = keyof typeof legislativeAccountsPolicy;
