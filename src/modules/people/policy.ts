import { allow, anyOf, deny, type Decision, type Policy, type Rule } from '../../authz/index.ts';
import { headOf, roles } from '../../authz/roles.ts';
import { hasRole, type Actor, type Role } from '../../kernel/actor.ts';

/**
 * Who may do what with people, roles and authorizations. The City Manager and IT Manager oversee
 * everything (IV.C.13; designees included, II); a department head acts for their own department
 * (IV.C.5); the Assistant City Manager, City Clerk, City Attorney and auditors read; an employee
 * reads their own record. Nothing passes by default: an action without a rule is denied, and each
 * rule below names who it lets through.
 */

/** A person as the rules see it. */
export interface PersonResource {
  id: string;
  departmentId: string | null;
}

export interface PersonListResource {
  /** null = every department. */
  departmentIds: string[] | null;
}

export interface RoleResource {
  personId: string;
  role: Role;
  departmentId: string | null;
  /** Set for a designee grant (II): whose role it is. */
  designeeOf: string | null;
}

export interface DesignationResource {
  personId: string;
  departmentId: string;
  /** Some platforms are not this department's own (City platforms, or another department's): only the City Manager designates for those (IV.C.5). */
  otherPlatforms: boolean;
}

const managers = roles('city_manager', 'it_manager');
const readers = roles('city_manager', 'it_manager', 'assistant_city_manager', 'city_clerk', 'city_attorney', 'auditor');
const cityManager = roles('city_manager');

const self: Rule<PersonResource> = (actor, p) =>
  actor.kind === 'person' && actor.personId === p.id ? allow : deny('Only the person themself may do this');

const headOfPersonsDepartment: Rule<PersonResource> = (actor, p) =>
  headOf(p.departmentId, actor) ? allow : deny("Only the head of this person's department may do this");

/** Nobody acts on their own roles, access or discipline (the system actor is not a person). */
const notSelf =
  <R>(personIdOf: (r: R) => string, rule: Rule<R>): Rule<R> =>
  (actor, r) =>
    actor.kind === 'person' && actor.personId === personIdOf(r) ? deny('You cannot do this for yourself') : rule(actor, r);

const signedInPerson: Rule<unknown> = (actor) => (actor.kind === 'person' || actor.kind === 'system' ? allow : deny('Sign in to do this'));

const listPeople: Rule<PersonListResource> = (actor, r) => {
  if (readers(actor, r).allow) return allow;
  if (r.departmentIds !== null && r.departmentIds.length > 0 && r.departmentIds.every((d) => headOf(d, actor))) return allow;
  return deny('Only oversight roles, or a department head for their own department, may list people');
};

const createPerson: Rule<PersonResource> = anyOf<PersonResource>(managers, headOfPersonsDepartment);

/** Roles whose holder records their own designee (II: "City Manager … includes his or her designee"; the IT Manager likewise, IV.C.15(i)(iv)). */
const SELF_DESIGNATING: readonly Role[] = ['city_manager', 'it_manager'];

/** The City Manager records a designee for any role; the IT Manager for their own role only. */
const designate: Rule<RoleResource> = (actor, r) => {
  if (r.designeeOf === null) return deny('Not a designee grant');
  if (actor.kind === 'system') return allow;
  if (actor.kind !== 'person') return deny('Sign in to do this');
  if (hasRole(actor, 'city_manager')) return allow;
  const holdsItThemself = actor.personId === r.designeeOf && actor.roles.some((g) => g.role === r.role && g.designeeOf === null);
  return holdsItThemself && SELF_DESIGNATING.includes(r.role) ? allow : deny('The City Manager records designees; the IT Manager records their own');
};

const grantRole: Rule<RoleResource> = (actor, r) => (r.designeeOf === null ? managers(actor, r) : designate(actor, r));

const designateEmployee: Rule<DesignationResource> = (actor, r): Decision => {
  if (cityManager(actor, r).allow) return allow;
  if (r.otherPlatforms) return deny("A department head designates for their own department's platforms; City platforms are the City Manager's", ['IV.C.5']);
  return headOf(r.departmentId, actor) ? allow : deny('Only the head of this department, or the City Manager, designates its authorized employees', ['IV.C.5']);
};

export const peoplePolicy = {
  'department.list': signedInPerson,
  'department.create': managers,
  'department.archive': managers,

  'person.list': listPeople,
  'person.read': anyOf<PersonResource>(readers, headOfPersonsDepartment, self),
  'person.create': createPerson,
  'person.update': anyOf<PersonResource>(managers, headOfPersonsDepartment),
  /** The email is the sign-in identity: only the City Manager or IT Manager changes it. */
  'person.change_email': notSelf((p: PersonResource) => p.id, managers),

  'role.grant': notSelf((r: RoleResource) => r.personId, grantRole),
  'role.revoke': notSelf((r: RoleResource) => r.personId, grantRole),

  'designation.create': designateEmployee,
  'designation.revoke': designateEmployee,

  /** The person signs Attachment A themself; the City Manager or IT Manager may record a signed paper form. */
  'acknowledgement.record': anyOf<PersonResource>(self, managers),
  'training.record': anyOf<PersonResource>(managers, headOfPersonsDepartment),
  'authorization.read': anyOf<PersonResource>(readers, headOfPersonsDepartment, self),

  'legislative.notify': roles('city_manager', 'it_manager', 'city_clerk'),
  'legislative.list': roles('city_manager', 'it_manager', 'assistant_city_manager', 'city_clerk', 'city_attorney', 'auditor'),

  'incident.record': notSelf((p: PersonResource) => p.id, anyOf<PersonResource>(managers, headOfPersonsDepartment)),
  /** IV.E: the City Manager or IT Manager suspends, revokes or reinstates access. */
  'access.change': notSelf((p: PersonResource) => p.id, managers),
} satisfies Policy;

export type PeopleAction = keyof typeof peoplePolicy;

/** Actions whose resource is a person, for the abilities returned with a person. */
export const PERSON_ACTIONS = [
  'person.read',
  'person.update',
  'person.change_email',
  'acknowledgement.record',
  'training.record',
  'authorization.read',
  'incident.record',
  'access.change',
] as const satisfies readonly PeopleAction[];

export function personAbilities(actor: Actor, p: PersonResource): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const a of PERSON_ACTIONS) out[a] = (peoplePolicy[a] as Rule<PersonResource>)(actor, p).allow;
  out['role.grant'] = managers(actor, null).allow && !(actor.kind === 'person' && actor.personId === p.id);
  out['designation.create'] = p.departmentId !== null && designateEmployee(actor, { personId: p.id, departmentId: p.departmentId, otherPlatforms: false }).allow;
  out['legislative.notify'] = peoplePolicy['legislative.notify'](actor, null).allow;
  return out;
}
