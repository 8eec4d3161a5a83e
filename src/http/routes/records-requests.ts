import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { abilities } from '../../authz/index.ts';
import { EXEMPTION_IDS, EXTENSION_GROUNDS, MESSAGE_CHANNELS, MESSAGE_DIRECTIONS, OUTCOME_IDS, RECORDS_LIMITS as L, recordsRequestsPolicy } from '../../modules/records-requests/index.ts';
import { idParam, route } from '../route.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const personId = z.string().min(1).max(100);
// Slack over the service's limits: the service names the field and the limit.
const long = (n: number) => z.string().max(n + 1000);

/** The City Clerk's public records desk (IV.A.11), staff side. The public side is public-records-requests.ts. */
export function recordsRequestsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const rr = ctx.recordsRequests;

  route(app, {
    method: 'GET',
    url: '/api/records-requests',
    action: 'records-requests:records.list',
    query: z.object({ status: z.enum(['open', 'determined', 'closed']).optional(), overdue: z.enum(['1', 'true']).optional() }),
    handler: async ({ query, actor }) => ({
      requests: await rr.list(actor, { status: query.status, overdue: query.overdue !== undefined }),
      abilities: abilities(recordsRequestsPolicy, actor, null, ['records.create']),
    }),
  });

  route(app, {
    method: 'GET',
    url: '/api/records-requests/statutes',
    action: 'records-requests:records.list',
    handler: async ({ actor }) => rr.statutes(actor),
  });

  route(app, {
    method: 'GET',
    url: '/api/records-requests/:id',
    action: 'records-requests:records.list',
    params: idParam,
    handler: async ({ params, actor }) => ({ request: await rr.get(actor, params.id) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/records-requests',
    action: 'records-requests:records.create',
    body: z
      .object({
        description: long(L.description),
        name: long(L.name).nullish(),
        email: long(L.email).nullish(),
        phone: long(L.phone).nullish(),
        postalAddress: long(L.postalAddress).nullish(),
        preferredFormat: long(L.preferredFormat).nullish(),
        channel: z.enum(MESSAGE_CHANNELS).optional(),
        receivedOn: date.nullish(),
      })
      .strict(),
    handler: async ({ body, actor }, _req, reply) => reply.status(201).send({ request: await rr.create(actor, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/records-requests/:id/assign',
    action: 'records-requests:records.assign',
    params: idParam,
    body: z.object({ ownerId: personId.nullish(), reviewerId: personId.nullish() }).strict(),
    handler: async ({ params, body, actor }) => ({ request: await rr.assign(actor, params.id, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/records-requests/:id/messages',
    action: 'records-requests:records.message',
    params: idParam,
    body: z.object({ direction: z.enum(MESSAGE_DIRECTIONS), channel: z.enum(MESSAGE_CHANNELS), body: long(L.message) }).strict(),
    handler: async ({ params, body, actor }, _req, reply) => reply.status(201).send({ request: await rr.addMessage(actor, params.id, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/records-requests/:id/extend',
    action: 'records-requests:records.extend',
    params: idParam,
    body: z
      .object({
        // Optional here so that an extension without a ground is the service's refusal citing IV.A.11.
        ground: z.enum(Object.keys(EXTENSION_GROUNDS) as [keyof typeof EXTENSION_GROUNDS, ...(keyof typeof EXTENSION_GROUNDS)[]]).nullish(),
        days: z.number().int().min(1).max(365),
        noticeText: long(L.notice),
        channel: z.enum(MESSAGE_CHANNELS).optional(),
        declaration: long(L.note).nullish(),
        attackStartedAt: z.string().max(40).nullish(),
        attackEndedAt: z.string().max(40).nullish(),
      })
      .strict(),
    handler: async ({ params, body, actor }) => ({ request: await rr.extend(actor, params.id, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/records-requests/:id/review',
    action: 'records-requests:records.review',
    params: idParam,
    body: z.object({ outcome: z.enum(['concur', 'changes_requested']), note: long(L.note) }).strict(),
    handler: async ({ params, body, actor }) => ({ request: await rr.review(actor, params.id, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/records-requests/:id/determine',
    action: 'records-requests:records.determine',
    params: idParam,
    body: z
      .object({
        outcome: z.enum(OUTCOME_IDS),
        reasons: long(L.note),
        estimatedProductionOn: date.nullish(),
        withheld: z.array(z.object({ item: long(L.item), exemption: z.enum(EXEMPTION_IDS), explanation: long(L.note).nullish() }).strict()).max(200).optional(),
      })
      .strict(),
    handler: async ({ params, body, actor }) => ({ request: await rr.determine(actor, params.id, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/records-requests/:id/close',
    action: 'records-requests:records.close',
    params: idParam,
    body: z.object({ note: long(L.note) }).strict(),
    handler: async ({ params, body, actor }) => ({ request: await rr.close(actor, params.id, body) }),
  });
}
