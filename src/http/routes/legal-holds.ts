import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { abilities } from '../../authz/index.ts';
import { HOLD_STATUSES, LEGAL_HOLD_LIMITS as L, legalHoldsPolicy } from '../../modules/legal-holds/index.ts';
import { idParam, route } from '../route.ts';

// Slack over the service's limits: the service names the field and the limit.
const long = (n: number) => z.string().max(n + 1000);
const ids = z.array(z.string().max(200)).max(L.ids + 10);

/** Legal holds (SPEC §5): issued and released by the City Attorney, acknowledged by their custodian. */
export function legalHoldsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const holds = ctx.legalHolds;

  route(app, {
    method: 'GET',
    url: '/api/legal-holds',
    action: 'legal-holds:legal_hold.read',
    query: z.object({ status: z.enum(HOLD_STATUSES).optional() }),
    handler: async ({ query, actor }) => ({ holds: await holds.list(actor, query), abilities: abilities(legalHoldsPolicy, actor, null, ['legal_hold.issue']) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/legal-holds/mine',
    action: 'legal-holds:legal_hold.mine',
    handler: async ({ actor }) => ({ holds: await holds.mine(actor) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/legal-holds/:id',
    action: 'legal-holds:legal_hold.read',
    params: idParam,
    handler: async ({ params, actor }) => ({ hold: await holds.get(actor, params.id) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/legal-holds',
    action: 'legal-holds:legal_hold.issue',
    body: z
      .object({
        matter: long(L.matter),
        custodianId: z.string().max(200),
        platformIds: ids.nullish(),
        departmentIds: ids.nullish(),
        searchTerms: z.array(long(L.term)).max(L.terms + 10).nullish(),
        fromDate: z.string().max(40),
        toDate: z.string().max(40).nullish(),
        notes: long(L.notes).nullish(),
      })
      .strict(),
    handler: async ({ body, actor }, _req, reply) => reply.status(201).send({ hold: await holds.issue(actor, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/legal-holds/:id/acknowledge',
    action: 'legal-holds:legal_hold.acknowledge',
    params: idParam,
    handler: async ({ params, actor }) => ({ hold: await holds.acknowledge(actor, params.id) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/legal-holds/:id/release',
    action: 'legal-holds:legal_hold.release',
    params: idParam,
    body: z.object({ reason: long(L.reason) }).strict(),
    handler: async ({ params, body, actor }) => ({ hold: await holds.release(actor, params.id, body) }),
  });
}
