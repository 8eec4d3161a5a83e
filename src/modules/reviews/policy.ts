import { abilities, allow, deny, type Policy, type Rule } from '../../authz/index.ts';
import { headOf, roles } from '../../authz/roles.ts';
import { hasAnyRole, hasRole, type Actor } from '../../kernel/actor.ts';
import { C } from './clauses.ts';

/**
 * Who owns and completes the recurring reviews. A department platform's reviews belong to its
 * department head: they provide and answer for the department's platforms (IV.C.2, IV.C.5). A City
 * platform has no department head; its reviews belong to the Public Information Analyst, who runs
 * the City's own communications (and already provides City platforms' credentials in the vault),
 * rather than the City Manager, who approves City posts (IV.C.5) and so oversees, not reviews.
 * The City Manager and the IT Manager may complete any review (IV.C.13).
 */
export interface ReviewResource {
  /** The platform's department; null = a City platform. */
  departmentId: string | null;
}

const ownerOrOversight: Rule<ReviewResource> = (actor, r) => {
  if (hasRole(actor, 'city_manager') || hasRole(actor, 'it_manager')) return allow;
  if (r.departmentId !== null ? headOf(r.departmentId, actor) : hasRole(actor, 'public_information_analyst')) return allow;
  return deny(r.departmentId !== null ? "Only the platform's department head (or the City Manager / IT Manager) may complete this review" : 'Only the Public Information Analyst (or the City Manager / IT Manager) may complete this review', [C.currency, C.adsLinks, C.oversight]);
};

export const reviewsPolicy = {
  /** The review list (the dashboard): owners and oversight roles. */
  'review.list': ((actor) => {
    const d = roles('city_manager', 'assistant_city_manager', 'it_manager', 'public_information_analyst', 'department_head', 'auditor')(actor, null);
    return d.allow ? d : deny(d.reason, [C.currency, C.adsLinks]);
  }) as Rule<unknown>,
  'review.complete': ownerOrOversight,
  /** Creating the next due tasks is the scheduler's job, as the system. */
  'review.schedule': ((actor) => (actor.kind === 'system' ? allow : deny('Only Crier itself schedules reviews', [C.currency, C.adsLinks]))) as Rule<unknown>,
} satisfies Policy;

export type ReviewsAction = keyof typeof reviewsPolicy;

export const reviewAbilities = (actor: Actor, r: ReviewResource) => abilities(reviewsPolicy, actor, r, ['review.complete']);

/** Whether the actor owns a task with this owner (for "mine"): the head of its department, or the Public Information Analyst for City platforms. */
export function owns(actor: Actor, owner: { role: string; departmentId: string | null }): boolean {
  if (owner.role === 'department_head') return headOf(owner.departmentId, actor);
  return owner.role === 'public_information_analyst' && hasRole(actor, 'public_information_analyst');
}

/** Sees every task (oversight and the read-only auditor). */
export const seesAll = (actor: Actor): boolean => hasAnyRole(actor, ['city_manager', 'assistant_city_manager', 'it_manager', 'auditor']);
