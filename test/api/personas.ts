import type { FastifyInstance } from 'fastify';
import type { PersonActor, Role } from '../../src/kernel/actor.ts';
import type { ResolvedSession, SessionResolver } from '../../src/http/plugins/session.ts';
import { SESSION_COOKIE } from '../../src/http/plugins/session.ts';
import { createHttpApp } from '../../src/main.ts';
import type { TestContext } from '../context.ts';

/**
 * Route-level tests sign in as personas through a resolver that maps a cookie to a prepared
 * actor: the subject under test is the route and its rules, not the sign-in flow (which has
 * its own tests).
 */
export function personaResolver(personas: Map<string, PersonActor>): SessionResolver {
  return {
    async resolve(token: string): Promise<ResolvedSession | null> {
      const actor = personas.get(token);
      if (!actor) return null;
      return { id: `s-${token}`, personId: actor.personId, csrfToken: `csrf-${token}`, pendingMfa: false, actor };
    },
  };
}

export function persona(personId: string, name: string, grants: { role: Role; departmentId?: string | null }[]): PersonActor {
  return { kind: 'person', personId, name, roles: grants.map((g) => ({ role: g.role, departmentId: g.departmentId ?? null, designeeOf: null })) };
}

export async function appWithPersonas(ctx: TestContext, personas: Map<string, PersonActor>): Promise<FastifyInstance> {
  const app = await createHttpApp(ctx, { webRoot: null, sessions: personaResolver(personas) });
  await app.ready();
  return app;
}

/** Headers that make a request come from a persona's session (cookie + CSRF token). */
export function as(token: string): Record<string, string> {
  return { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': `csrf-${token}` };
}
