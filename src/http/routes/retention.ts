import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { abilities } from '../../authz/index.ts';
import { BATCH_STATUSES, MAX_BATCH_ITEMS, RETENTION_LIMITS as L, retentionPolicy } from '../../modules/retention/index.ts';
import { idParam, route } from '../route.ts';

const long = (n: number) => z.string().max(n + 1000);

/** Retention schedules and the disposition workflow (SPEC §5; Gov. Code 34090). */
export function retentionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = ctx.retention;

  route(app, {
    method: 'GET',
    url: '/api/retention/schedules',
    action: 'retention:retention.read',
    handler: async ({ actor }) => r.schedules(actor),
  });

  route(app, {
    method: 'GET',
    url: '/api/retention/eligible',
    action: 'retention:retention.read',
    query: z.object({
      category: z.string().max(100).optional(),
      after: z.coerce.number().int().min(0).optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
    handler: async ({ query, actor }) => r.eligible(actor, query),
  });

  route(app, {
    method: 'GET',
    url: '/api/dispositions',
    action: 'retention:retention.read',
    query: z.object({ status: z.enum(BATCH_STATUSES).optional() }),
    handler: async ({ query, actor }) => ({ batches: await r.list(actor, query), abilities: abilities(retentionPolicy, actor, null, ['disposition.propose']) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/dispositions/:id',
    action: 'retention:retention.read',
    params: idParam,
    handler: async ({ params, actor }) => r.get(actor, params.id),
  });

  route(app, {
    method: 'GET',
    url: '/api/dispositions/:id/certificate',
    action: 'retention:retention.read',
    params: idParam,
    handler: async ({ params, actor }) => ({ certificate: await r.certificate(actor, params.id) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/dispositions',
    action: 'retention:disposition.propose',
    body: z.object({ itemIds: z.array(z.string().max(200)).max(MAX_BATCH_ITEMS + 10), note: long(L.note) }).strict(),
    handler: async ({ body, actor }, _req, reply) => reply.status(201).send({ batch: await r.propose(actor, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/dispositions/:id/consent',
    action: 'retention:disposition.consent',
    params: idParam,
    body: z.object({ text: long(L.consent) }).strict(),
    handler: async ({ params, body, actor }) => ({ batch: await r.consent(actor, params.id, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/dispositions/:id/authority',
    action: 'retention:disposition.record_authority',
    params: idParam,
    body: z.object({ resolutionNumber: z.string().max(200), formNumber: z.string().max(200) }).strict(),
    handler: async ({ params, body, actor }) => ({ batch: await r.recordAuthority(actor, params.id, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/dispositions/:id/destroy',
    action: 'retention:disposition.destroy',
    params: idParam,
    handler: async ({ params, actor }) => r.destroy(actor, params.id),
  });

  route(app, {
    method: 'POST',
    url: '/api/dispositions/:id/withdraw',
    action: 'retention:disposition.withdraw',
    params: idParam,
    body: z.object({ reason: long(L.reason) }).strict(),
    handler: async ({ params, body, actor }) => ({ batch: await r.withdraw(actor, params.id, body) }),
  });
}
