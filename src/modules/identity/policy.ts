import { allow, anyOf, deny, type Policy, type Rule } from '../../authz/index.ts';
import { roles } from '../../authz/roles.ts';

/** A person's own account. */
export interface AccountResource {
  personId: string;
}

const self: Rule<AccountResource> = (actor, r) =>
  actor.kind === 'person' && actor.personId === r.personId ? allow : deny('Only the person themself, the City Manager or the IT Manager may do this');

/** Who may manage sign-in credentials: the City Manager and the IT Manager (IV.C.13 oversight), or the person themself. */
export const identityPolicy = {
  'identity.set_password': anyOf<AccountResource>(roles('city_manager', 'it_manager'), self),
  'identity.create_account': roles('city_manager', 'it_manager'),
  /** A lost authenticator: reset by the City Manager or IT Manager, never by the person alone (it would undo the second factor). */
  'identity.reset_totp': roles('city_manager', 'it_manager'),
} satisfies Policy;
