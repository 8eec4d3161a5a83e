import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { idParam, route } from '../route.ts';

const dateTime = z.string().trim().min(10).max(40);
const cityDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const logQuery = z.object({ departmentId: z.string().min(1).max(100).optional(), from: cityDate.optional(), to: cityDate.optional() });

/** Off-duty work (IV.C.15(e)(i)(A)–(C)): pre-authorization, sessions, the time log and its payroll export. */
export function offdutyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const o = ctx.offduty;

  route(app, {
    method: 'GET',
    url: '/api/offduty/preauths',
    action: 'offduty:preauth.list',
    query: z.object({ scope: z.enum(['mine', 'decide']).optional() }),
    handler: async ({ query, actor }) => ({ preauths: await o.listPreauths(actor, query.scope ?? 'mine') }),
  });

  route(app, {
    method: 'POST',
    url: '/api/offduty/preauths',
    action: 'offduty:preauth.request',
    body: z
      .object({ windowStart: dateTime, windowEnd: dateTime, reason: z.string().trim().min(1).max(2000), platformIds: z.array(z.string().min(1).max(100)).max(50).optional() })
      .strict(),
    handler: async ({ body, actor }, _req, reply) => reply.status(201).send({ preauth: await o.requestPreauth(actor, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/offduty/preauths/:id/decision',
    action: 'offduty:preauth.decide',
    params: idParam,
    body: z.object({ decision: z.enum(['approve', 'deny']), note: z.string().trim().max(2000).nullish() }).strict(),
    handler: async ({ params, body, actor }) => ({ preauth: await o.decidePreauth(actor, params.id, body) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/offduty/me',
    action: 'offduty:log.own',
    handler: async ({ actor }) => o.myLog(actor),
  });

  route(app, {
    method: 'POST',
    url: '/api/offduty/sessions/start',
    action: 'offduty:session.start',
    body: z.object({ note: z.string().trim().max(1000).nullish() }).strict().optional(),
    handler: async ({ body, actor }, _req, reply) => reply.status(201).send({ session: await o.startSession(actor, { note: body?.note ?? null }) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/offduty/sessions/end',
    action: 'offduty:session.end',
    handler: async ({ actor }) => ({ entry: await o.endSession(actor) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/offduty/entries/:id/corrections',
    action: 'offduty:entry.correct',
    params: idParam,
    body: z.object({ startedAt: dateTime, endedAt: dateTime, reason: z.string().trim().min(1).max(2000) }).strict(),
    handler: async ({ params, body, actor }, _req, reply) => reply.status(201).send({ entry: await o.correctEntry(actor, params.id, body) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/offduty/log',
    action: 'offduty:log.department',
    query: logQuery,
    handler: async ({ query, actor }) => o.departmentLog(actor, query),
  });

  route(app, {
    method: 'GET',
    url: '/api/offduty/log.csv',
    action: 'offduty:log.export',
    query: logQuery,
    handler: async ({ query, actor }, _req, reply) => {
      const { filename, csv } = await o.exportCsv(actor, query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  });
}
