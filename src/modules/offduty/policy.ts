import { abilities, allow, deny, type Policy, type Rule } from '../../authz/index.ts';
import { headOf } from '../../authz/roles.ts';
import { hasAnyRole, hasRole, type Actor, type Role } from '../../kernel/actor.ts';
import { C } from './clauses.ts';

/**
 * Who may do what with off-duty work (IV.C.15(e)(i)). The supervisor is the department head of
 * the employee's department; department heads, and people with no department, answer to the
 * City Manager (designees included: their grants carry the role, II). The City Manager oversees
 * everything (IV.C.13). Nobody decides their own request. Payroll reads the log through the
 * supervisors, the City Manager's office and the auditor.
 */
export interface SelfResource {
  personId: string;
}

export interface PreauthResource {
  /** The requester. */
  personId: string;
  departmentId: string | null;
  /** The requester heads their own department: only the City Manager decides. */
  requesterIsHead: boolean;
}

export interface EntryResource {
  personId: string;
  departmentId: string | null;
}

export interface DepartmentLogResource {
  /** null = every department. */
  departmentId: string | null;
}

/** Roles that work under the policy and so may log off-duty work (not council members, not the read-only auditor). */
const NOT_STAFF: Role[] = ['legislative_member', 'auditor'];
const isStaff = (a: Actor) => a.kind === 'person' && a.roles.some((g) => !NOT_STAFF.includes(g.role));

const self: Rule<SelfResource> = (actor, r) => {
  if (actor.kind !== 'person' || actor.personId !== r.personId) return deny('Only the employee themself may do this', [C.logged]);
  return isStaff(actor) ? allow : deny('Only City staff log off-duty work', [C.offDuty]);
};

const LOG_READERS: Role[] = ['city_manager', 'assistant_city_manager', 'auditor'];

const supervisorOf = (actor: Actor, r: { departmentId: string | null; requesterIsHead?: boolean }) =>
  hasRole(actor, 'city_manager') || (!r.requesterIsHead && headOf(r.departmentId, actor));

export const offdutyPolicy = {
  /** IV.C.15(e)(i)(A): an employee asks for pre-authorization of their own off-duty work. */
  'preauth.request': self,
  /** Lists the requests one may see: one's own and those one decides. */
  'preauth.list': ((actor) => (isStaff(actor) || hasRole(actor, 'auditor') ? allow : deny('Only City staff have off-duty requests', [C.offDuty]))) as Rule<unknown>,
  /** IV.C.15(e)(i)(A): the supervisor approves or denies; never the requester. */
  'preauth.decide': ((actor, r) => {
    if (actor.kind === 'person' && actor.personId === r.personId) return deny('No one decides their own pre-authorization request', [C.preAuthorized]);
    return supervisorOf(actor, r) ? allow : deny("Only the requester's department head (or the City Manager, for department heads) may decide", [C.preAuthorized]);
  }) as Rule<PreauthResource>,
  /** IV.C.15(e)(i)(B)–(C): start, end and see one's own off-duty time. */
  'session.start': self,
  'session.end': self,
  'log.own': self,
  /** A correction is a new entry; the employee or their supervisor files it. */
  'entry.correct': ((actor, r) => {
    if (actor.kind === 'person' && actor.personId === r.personId && isStaff(actor)) return allow;
    return hasRole(actor, 'city_manager') || headOf(r.departmentId, actor) ? allow : deny('Only the employee or their supervisor may correct a time entry', [C.logged]);
  }) as Rule<EntryResource>,
  /** IV.C.15(e)(i)(B): supervisors see their department's log; the City Manager's office and the auditor see all. */
  'log.department': ((actor, r) =>
    hasAnyRole(actor, LOG_READERS) || (r.departmentId !== null && headOf(r.departmentId, actor))
      ? allow
      : deny("Only the department's head, the City Manager's office or the auditor may see this log", [C.logged])) as Rule<DepartmentLogResource>,
  /** The same readers export it as CSV for payroll (labor compliance). */
  'log.export': ((actor, r) =>
    hasAnyRole(actor, LOG_READERS) || (r.departmentId !== null && headOf(r.departmentId, actor))
      ? allow
      : deny("Only the department's head, the City Manager's office or the auditor may export this log", [C.logged])) as Rule<DepartmentLogResource>,
  /** The scheduler closes sessions nobody ended, as the system. */
  'session.sweep': ((actor) => (actor.kind === 'system' ? allow : deny('Only Crier itself closes abandoned sessions', [C.neverUnlogged]))) as Rule<unknown>,
} satisfies Policy;

export type OffdutyAction = keyof typeof offdutyPolicy;

export const preauthAbilities = (actor: Actor, r: PreauthResource) => abilities(offdutyPolicy, actor, r, ['preauth.decide']);
