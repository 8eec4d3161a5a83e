import { abilities, allow, anyOf, deny, signedIn, type Decision, type Policy, type Rule } from '../../authz/index.ts';
import { headOf, roles } from '../../authz/roles.ts';
import { hasAnyRole, type Actor, type Role } from '../../kernel/actor.ts';
import { C } from './clauses.ts';
import type { AppStatus, PlatformStatus } from './types.ts';

/** What the rules need to know about a platform. */
export interface PlatformResource {
  departmentId: string | null;
  status: PlatformStatus;
  commentsEnabled: boolean;
}

export interface AppResource {
  status: AppStatus;
}

const withClauses =
  (rule: Rule<unknown>, clauses: string[]): Rule<unknown> =>
  (actor, r) => {
    const d = rule(actor, r);
    return d.allow ? d : deny(d.reason, clauses);
  };

const headOfPlatformDepartment =
  (reason: string, clauses: string[]): Rule<{ departmentId: string | null }> =>
  (actor, r) =>
    headOf(r.departmentId, actor) ? allow : deny(reason, clauses);

/** City staff (not Council members, who are not employees under II, and not read-only auditors). */
const STAFF_ROLES: Role[] = [
  'city_manager',
  'assistant_city_manager',
  'it_manager',
  'public_information_analyst',
  'department_head',
  'authorized_employee',
  'employee',
  'city_clerk',
  'city_attorney',
  'moderator',
];
const staff: Rule<unknown> = (actor) =>
  actor.kind === 'system' || hasAnyRole(actor, STAFF_ROLES) ? allow : deny('Only City staff may propose applications', [C.applications]);

/**
 * Who may do what (roles). The lifecycle order (what the platform's state allows) is in
 * `platformGuards`; abilities combine both.
 */
export const platformsPolicy = {
  'platform.read': signedIn,
  /** IV.C.14: a department requests for itself; a City platform is requested by the CM, IT Manager or PIA. */
  'platform.request': ((actor, r) => {
    if (r.departmentId === null) return withClauses(roles('city_manager', 'it_manager', 'public_information_analyst'), [C.departmentRequest])(actor, r);
    return anyOf<{ departmentId: string | null }>(
      roles('city_manager', 'it_manager'),
      headOfPlatformDepartment('Only the head of this department (or the City Manager / IT Manager) may request a platform for it', [C.departmentRequest]),
    )(actor, r);
  }) as Rule<{ departmentId: string | null }>,
  'platform.it_review': withClauses(roles('it_manager'), [C.cmItOversight]),
  /** IV.A.3: the Council's approval is recorded by the City Manager or the City Clerk. */
  'platform.council_approval': withClauses(roles('city_manager', 'city_clerk'), [C.councilApprovalAndBranding]),
  'platform.activate': withClauses(roles('city_manager', 'it_manager'), [C.cmItOversight]),
  /** IV.A.7: termination is the City Manager's (or designee's). */
  'platform.terminate': withClauses(roles('city_manager'), [C.termination]),
  /** IV.C.13: CM and IT Manager edit every platform; the department head edits the department's; the PIA City ones. */
  'platform.edit_profile': anyOf<PlatformResource>(
    roles('city_manager', 'it_manager'),
    headOfPlatformDepartment('Only the department head, the City Manager or the IT Manager may edit this profile', [C.cmItOversight]),
    (actor, r) => (r.departmentId === null && hasAnyRole(actor, ['public_information_analyst']) ? allow : deny('Only the City Manager or the IT Manager may edit this profile', [C.cmItOversight])),
  ),
  /** IV.D.1: the template is provided by the IT Office. */
  'platform.set_template': withClauses(roles('it_manager'), [C.template]),
  /** IV.A.6: comments only with the City Manager's specific authorization. */
  'platform.enable_comments': withClauses(roles('city_manager'), [C.oneWay]),
  'platform.disable_comments': withClauses(roles('city_manager', 'it_manager'), [C.oneWay, C.functionality]),
  'platform.request_admin': anyOf<PlatformResource>(
    roles('city_manager', 'it_manager'),
    headOfPlatformDepartment('Only the department head, the City Manager or the IT Manager may request an administrator', [C.adminPermission]),
  ),
  /** IV.C.12: permission from both the City Manager and the IT Manager. */
  'platform.approve_admin': withClauses(roles('city_manager', 'it_manager'), [C.adminPermission]),
  'platform.remove_admin': withClauses(roles('city_manager', 'it_manager'), [C.adminPermission, C.cmItOversight]),
  'app.read': signedIn,
  'app.propose': staff,
  /** IV.C.15(i)(iv): approved by the IT Manager; removable by IT. */
  'app.decide': withClauses(roles('it_manager'), [C.applications]),
  'app.remove': withClauses(roles('it_manager'), [C.applications]),
} satisfies Policy;

export type PlatformAction = keyof typeof platformsPolicy & `platform.${string}`;

/** What the platform's state allows, whoever asks. Failing guards are refusals grounded in the policy. */
export type Guard = (p: PlatformResource) => Decision;

const inStatus =
  (allowed: PlatformStatus[], reason: (s: PlatformStatus) => string, clauses: string[]): Guard =>
  (p) =>
    allowed.includes(p.status) ? allow : deny(reason(p.status), clauses);

const notClosed = (what: string, clauses: string[]): Guard =>
  inStatus(['requested', 'it_reviewed', 'council_approved', 'active'], (s) => `A ${s.replace('_', ' ')} platform cannot ${what}`, clauses);

export const platformGuards: Partial<Record<PlatformAction, Guard>> = {
  'platform.it_review': inStatus(['requested'], (s) => `Only a requested platform goes to IT review (this one is ${s.replace('_', ' ')})`, [C.departmentRequest]),
  'platform.council_approval': inStatus(
    ['it_reviewed'],
    (s) => (s === 'requested' ? 'The IT Manager must review the platform before the Council approval is recorded' : `Council approval cannot be recorded for a ${s.replace('_', ' ')} platform`),
    [C.councilApprovalAndBranding],
  ),
  'platform.activate': (p) => {
    if (p.status === 'council_approved') return allow;
    if (p.status === 'terminated') return deny('A terminated platform cannot be reactivated', [C.termination]);
    if (p.status === 'active') return deny('The platform is already active', []);
    return deny('The City Council must approve the platform before it is activated', [C.councilApprovalAndBranding]);
  },
  'platform.terminate': notClosed('be terminated', [C.termination]),
  'platform.edit_profile': notClosed('be edited', [C.termination]),
  'platform.set_template': notClosed('be edited', [C.termination]),
  'platform.enable_comments': (p) => (p.commentsEnabled ? deny('Comments are already on', []) : notClosed('take comments', [C.termination])(p)),
  'platform.disable_comments': (p) => (p.commentsEnabled ? allow : deny('Comments are already off', [C.oneWay])),
  'platform.request_admin': notClosed('take administrators', [C.termination]),
  'platform.approve_admin': notClosed('take administrators', [C.termination]),
};

export function guard(action: PlatformAction, p: PlatformResource): Decision {
  return platformGuards[action]?.(p) ?? allow;
}

/** Per-platform actions (requesting a platform is a registry-level ability: see registryAbilities). */
const PLATFORM_ACTIONS = Object.keys(platformsPolicy).filter((a) => a.startsWith('platform.') && a !== 'platform.request') as PlatformAction[];

/** What the actor may do with this platform now (role and state), for the UI. */
export function platformAbilities(actor: Actor, p: PlatformResource): Record<string, boolean> {
  const byRole = abilities(platformsPolicy, actor, p, PLATFORM_ACTIONS);
  const out: Record<string, boolean> = {};
  for (const a of PLATFORM_ACTIONS) out[a] = !!byRole[a] && guard(a, p).allow;
  return out;
}

export const APP_GUARDS: Record<'app.decide' | 'app.remove', (a: AppResource) => Decision> = {
  'app.decide': (a) => (a.status === 'proposed' ? allow : deny(`The application was already ${a.status}`, [C.applications])),
  'app.remove': (a) => (a.status === 'approved' ? allow : deny(`Only an approved application can be removed (this one is ${a.status})`, [C.applications])),
};

export function appAbilities(actor: Actor, a: AppResource): Record<string, boolean> {
  return {
    'app.decide': platformsPolicy['app.decide'](actor, a).allow && APP_GUARDS['app.decide'](a).allow,
    'app.remove': platformsPolicy['app.remove'](actor, a).allow && APP_GUARDS['app.remove'](a).allow,
  };
}

/** List-level abilities (the registry page): may the actor request some platform, propose an application? */
export function registryAbilities(actor: Actor): Record<string, boolean> {
  const headOfSome = actor.kind === 'person' && actor.roles.some((g) => g.role === 'department_head' && g.departmentId !== null);
  return {
    'platform.request': platformsPolicy['platform.request'](actor, { departmentId: null }).allow || headOfSome,
    'app.propose': platformsPolicy['app.propose'](actor, null).allow,
  };
}
