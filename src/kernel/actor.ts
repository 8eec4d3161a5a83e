/**
 * Who is acting. Roles come from SPEC §1 (policy section II); a person may hold several.
 * A grant held as a designee (II: "City Manager … includes his or her designee") names
 * the person whose power it is.
 */
export const ROLES = [
  'city_manager',
  'assistant_city_manager',
  'it_manager',
  'public_information_analyst',
  'department_head',
  'authorized_employee',
  'employee',
  'city_clerk',
  'city_attorney',
  'auditor',
  'moderator',
  'legislative_member',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  city_manager: 'City Manager',
  assistant_city_manager: 'Assistant City Manager',
  it_manager: 'IT Manager',
  public_information_analyst: 'Public Information Analyst',
  department_head: 'Department Head',
  authorized_employee: 'Authorized Employee',
  employee: 'Employee',
  city_clerk: 'City Clerk',
  city_attorney: 'City Attorney',
  auditor: 'Auditor',
  moderator: 'Moderator',
  legislative_member: 'Legislative Body Member',
};

/** Roles whose holders must be department-scoped. */
export const DEPARTMENT_ROLES: readonly Role[] = ['department_head', 'authorized_employee', 'employee'];

export interface RoleGrant {
  role: Role;
  departmentId: string | null;
  /** Set when held as a designee: the person whose role this is. */
  designeeOf: string | null;
}

export type Actor =
  | { kind: 'person'; personId: string; name: string; roles: RoleGrant[]; sessionId?: string; mfa?: boolean }
  | { kind: 'system'; name: string }
  | { kind: 'public' };

export type PersonActor = Extract<Actor, { kind: 'person' }>;

export const systemActor = (name = 'system'): Actor => ({ kind: 'system', name });
export const publicActor: Actor = { kind: 'public' };

export function hasRole(actor: Actor, role: Role, departmentId?: string | null): boolean {
  if (actor.kind !== 'person') return false;
  return actor.roles.some((g) => g.role === role && (departmentId === undefined || g.departmentId === departmentId));
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return roles.some((r) => hasRole(actor, r));
}

/** City Manager and IT Manager hold oversight of everything (IV.C.13); designees included. */
export const isCityManager = (a: Actor) => hasRole(a, 'city_manager');
export const isItManager = (a: Actor) => hasRole(a, 'it_manager');

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'person':
      return actor.name;
    case 'system':
      return `system:${actor.name}`;
    case 'public':
      return 'public';
  }
}

export const actorId = (actor: Actor): string | null => (actor.kind === 'person' ? actor.personId : null);
