import { hasAnyRole, hasRole, type Actor, type Role } from '../kernel/actor.ts';
import { allow, deny, type Rule } from './index.ts';
import { ROLE_LABELS } from '../kernel/actor.ts';

/** Allow holders of any of these roles (designees included, since grants carry them). The system actor always passes. */
export function roles(...allowed: Role[]): Rule<unknown> {
  const names = allowed.map((r) => ROLE_LABELS[r]).join(', ');
  return (actor: Actor) => {
    if (actor.kind === 'system') return allow;
    return hasAnyRole(actor, allowed) ? allow : deny(`Only ${names} may do this`);
  };
}

/** Department head of the given department. */
export function headOf(departmentId: string | null | undefined, actor: Actor): boolean {
  return departmentId != null && hasRole(actor, 'department_head', departmentId);
}

/** Read-only oversight roles: they may read records and the audit trail. */
export const OVERSIGHT_ROLES: Role[] = ['city_manager', 'assistant_city_manager', 'it_manager', 'city_clerk', 'city_attorney', 'auditor'];
