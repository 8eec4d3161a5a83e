import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Policy } from '../../src/authz/index.ts';
import type { PersonActor } from '../../src/kernel/actor.ts';
import { declaredRoutes } from '../../src/http/route.ts';
import { auditPolicy } from '../../src/modules/audit/index.ts';
import { exceptionsPolicy } from '../../src/modules/exceptions/index.ts';
import { identityPolicy } from '../../src/modules/identity/index.ts';
import { notificationsPolicy } from '../../src/modules/notifications/index.ts';
import { peoplePolicy } from '../../src/modules/people/index.ts';
import { platformsPolicy } from '../../src/modules/platforms/index.ts';
import { vaultPolicy } from '../../src/modules/vault/index.ts';
import { seedDemoCity } from '../../src/seed/demo.ts';
import { createTestContext, type TestContext } from '../context.ts';
import { buildWorld, fixtures, type World } from './matrix-fixtures.ts';
import { appWithPersonas, as } from './personas.ts';
import { modulePolicies } from './modules/index.ts';

const POLICIES: Record<string, Policy> = {
  audit: auditPolicy,
  exceptions: exceptionsPolicy,
  identity: identityPolicy,
  notifications: notificationsPolicy,
  people: peoplePolicy,
  platforms: platformsPolicy,
  vault: vaultPolicy,
  ...modulePolicies,
};

/**
 * The authorization matrix: every API route × every role of the demo city (and the public).
 * Each answer is checked against the declared rule for that route's action on that resource:
 * no unexpected allow (the rule denies but the route did not answer 403 forbidden) and no
 * unexpected deny (the rule allows but the route answered 401/403 forbidden). Runs on SQLite:
 * the subject is the rules and the routes, not the dialect.
 */
describe('authorization matrix', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let world: World;
  const personas = new Map<string, PersonActor>();

  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
    const seeded = await seedDemoCity(ctx);
    for (const a of seeded.accounts) {
      const row = await ctx.db.db.selectFrom('persons').select('id').where('email', '=', a.email).executeTakeFirstOrThrow();
      const actor = await ctx.people.actorFor(row.id);
      if (actor && actor.roles.length) personas.set(a.role, actor);
    }
    app = await appWithPersonas(ctx, personas);
    world = await buildWorld(ctx);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await ctx?.close();
  });

  it('covers every role of the demo city', () => {
    const roles = new Set([...personas.values()].flatMap((p) => p.roles.map((g) => g.role)));
    for (const r of ['city_manager', 'assistant_city_manager', 'it_manager', 'public_information_analyst', 'department_head', 'authorized_employee', 'employee', 'city_clerk', 'city_attorney', 'auditor', 'moderator']) {
      expect(roles, r).toContain(r);
    }
  });

  it('[II] every route answers every role exactly as its rule says', async () => {
    const problems: string[] = [];
    const routes = declaredRoutes(app).filter((r) => !r.public);
    const missing = routes.map((r) => `${r.method} ${r.url}`).filter((k) => !fixtures[k]);
    expect(missing, 'routes without a matrix fixture').toEqual([]);
    let checked = 0;
    const table: string[] = [];

    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      const cells: string[] = [];
      for (const [label, actor] of personas) {
        const call = await fixtures[key]!(world, actor);
        let expected: boolean;
        if (r.action === 'signed-in') expected = true;
        else {
          const [module, defaultAction] = r.action.split(':') as [string, string];
          const policy = POLICIES[module];
          if (!policy) throw new Error(`${key}: no policy registered for module "${module}"`);
          expected = can(policy, actor, call.action ?? defaultAction, call.resource as never).allow;
        }
        let url = r.url;
        for (const [k, v] of Object.entries(call.params ?? {})) url = url.replace(`:${k}`, encodeURIComponent(v));
        if (call.query) url += `?${call.query}`;
        const res = await app.inject({ method: r.method as 'GET', url, headers: as(label), ...(call.body !== undefined ? { payload: call.body as object } : {}) });
        const code = res.statusCode >= 400 ? (res.json() as { error?: { code?: string } }).error?.code : undefined;
        const denied = res.statusCode === 401 || code === 'forbidden';
        if (res.statusCode >= 500) problems.push(`${key} as ${label}: ${res.statusCode} ${res.body}`);
        else if (expected && denied) problems.push(`${key} as ${label}: unexpected deny (${res.statusCode} ${res.body})`);
        else if (!expected && !denied) problems.push(`${key} as ${label}: unexpected allow (${res.statusCode} ${res.body.slice(0, 200)})`);
        checked++;
        cells.push(expected ? 'Y' : '.');
      }
      table.push(`${cells.join(' ')}  ${key}  (${r.action})`);

      // The public (no session) is turned away from every non-public route.
      const call = await fixtures[key]!(world, [...personas.values()][0]!);
      let url = r.url;
      for (const [k, v] of Object.entries(call.params ?? {})) url = url.replace(`:${k}`, encodeURIComponent(v));
      const res = await app.inject({ method: r.method as 'GET', url, ...(call.body !== undefined ? { payload: call.body as object } : {}) });
      // 429: the sign-in routes' per-IP limit may answer first; either way nothing is done.
      if (res.statusCode !== 401 && res.statusCode !== 429) problems.push(`${key} as the public: expected 401, got ${res.statusCode}`);
    }
    expect(problems).toEqual([]);
    // The declared rules as a table, reviewed like code: a change of who may do what shows in the diff.
    const legend = [...personas.keys()].map((l, i) => `${String(i + 1).padStart(2)} ${l}`).join('\n');
    await expect(`${legend}\n\n${table.join('\n')}\n`).toMatchFileSnapshot('./authorization-matrix.txt');
    expect(checked).toBeGreaterThan(routes.length * 10);
  }, 300_000);
});
