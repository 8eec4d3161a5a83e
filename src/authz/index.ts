import { AppError } from '../kernel/errors.ts';
import type { Actor } from '../kernel/actor.ts';

/**
 * Authorization as rules (Outline's server/policies): each module declares, per action, a rule
 * that answers allow or a denial naming why (and the clause when the policy says so).
 * Nothing passes by default: an action with no rule is denied.
 */
export type Decision = { allow: true } | { allow: false; reason: string; clauses: string[] };

export const allow: Decision = { allow: true };
export const deny = (reason: string, clauses: string[] = []): Decision => ({ allow: false, reason, clauses });

export type Rule<R> = (actor: Actor, resource: R) => Decision;

/** A module's rules: action name → rule over the resource type that action applies to. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Policy = Record<string, Rule<any>>;

type ResourceOf<P extends Policy, A extends keyof P> = P[A] extends Rule<infer R> ? R : never;

export function can<P extends Policy, A extends keyof P & string>(policy: P, actor: Actor, action: A, resource: ResourceOf<P, A>): Decision {
  const rule = policy[action];
  if (!rule) return deny(`No rule allows ${action}`);
  return rule(actor, resource);
}

/** Throws `forbidden` (or `unauthenticated` for the public) when the rule denies. */
export function authorize<P extends Policy, A extends keyof P & string>(policy: P, actor: Actor, action: A, resource: ResourceOf<P, A>): void {
  const d = can(policy, actor, action, resource);
  if (d.allow) return;
  if (actor.kind === 'public') throw new AppError('unauthenticated', 'Sign in to do this');
  throw new AppError('forbidden', d.reason, { clauses: d.clauses, internal: `denied ${action}` });
}

/**
 * What the actor may do with a resource, for the UI (the API returns these with each resource so
 * the web shows only what the user may do).
 */
export function abilities<P extends Policy>(policy: P, actor: Actor, resource: unknown, actions: (keyof P & string)[] = Object.keys(policy)): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const a of actions) out[a] = (policy[a] as Rule<unknown>)(actor, resource).allow;
  return out;
}

/** Rule combinators keep module policies short and readable. */
export const anyOf =
  <R>(...rules: Rule<R>[]): Rule<R> =>
  (actor, resource) => {
    let last: Decision = deny('Not allowed');
    for (const r of rules) {
      const d = r(actor, resource);
      if (d.allow) return d;
      last = d;
    }
    return last;
  };

export const allOf =
  <R>(...rules: Rule<R>[]): Rule<R> =>
  (actor, resource) => {
    for (const r of rules) {
      const d = r(actor, resource);
      if (!d.allow) return d;
    }
    return allow;
  };

export const signedIn: Rule<unknown> = (actor) => (actor.kind === 'person' || actor.kind === 'system' ? allow : deny('Sign in to do this'));
