import { allow, deny, type Policy, type Rule } from '../../authz/index.ts';
import { hasRole, type Actor, type Role } from '../../kernel/actor.ts';

/** Who reads a notice to the Council: its members, the City Manager (who notifies it) and the City Clerk (its records). */
export const COUNCIL_READERS: readonly Role[] = ['legislative_member', 'city_manager', 'city_clerk'];

export type NotificationAudience = 'council' | 'person' | 'role';

export interface NotificationResource {
  audience: NotificationAudience;
  personId: string | null;
  role: string | null;
}

/** True when the notice is addressed to this actor (directly, through a role, or as a Council reader). */
export function isAddressedTo(actor: Actor, n: NotificationResource): boolean {
  if (actor.kind !== 'person') return false;
  switch (n.audience) {
    case 'person':
      return n.personId === actor.personId;
    case 'role':
      return n.role !== null && actor.roles.some((g) => g.role === n.role);
    case 'council':
      return COUNCIL_READERS.some((r) => hasRole(actor, r));
  }
}

const person: Rule<unknown> = (actor) => (actor.kind === 'person' ? allow : deny('Sign in to read your notifications'));

const addressee: Rule<NotificationResource> = (actor, n) =>
  isAddressedTo(actor, n) ? allow : deny('This notification is not addressed to you');

export const notificationsPolicy = {
  'notification.list': person,
  'notification.read': addressee,
} satisfies Policy;
