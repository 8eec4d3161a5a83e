import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { EXEMPTION_IDS } from '../../modules/records-requests/index.ts';
import { GROUND_MAX, REASON_MAX } from '../../modules/redactions/index.ts';
import { route } from '../route.ts';

const id = z.string().min(1).max(100);
const requestParam = z.object({ id });
const itemParams = z.object({ id, itemId: id });
const redactionParams = z.object({ id, redactionId: id });
const offset = z.number().int().min(0).max(100_000_000);
const pixels = z.number().int().min(0).max(1_000_000);
// Redacted copies are documents to read, never to run: no scripts, no plugins, in a sandbox.
const SAFE = { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; sandbox", 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' };

/** Redactions on a records request's archive items (IV.A.11): the log, marking, withdrawal, approval, redacted copies. */
export function redactionsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const rd = ctx.redactions;

  route(app, {
    method: 'GET',
    url: '/api/records-requests/:id/redactions',
    action: 'redactions:redaction.read',
    params: requestParam,
    handler: async ({ params, actor }) => rd.log(actor, params.id),
  });

  route(app, {
    method: 'GET',
    url: '/api/records-requests/:id/redactions/log.csv',
    action: 'redactions:redaction.read',
    params: requestParam,
    handler: async ({ params, actor }, _req, reply) => {
      const { filename, csv } = await rd.exportCsv(actor, params.id);
      return reply.headers({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`, ...SAFE }).send(csv);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/records-requests/:id/redactions/items/:itemId',
    action: 'redactions:redaction.read',
    params: itemParams,
    handler: async ({ params, actor }) => rd.itemView(actor, params.id, params.itemId),
  });

  route(app, {
    method: 'GET',
    url: '/api/records-requests/:id/redactions/items/:itemId/redacted.html',
    action: 'redactions:redaction.read',
    params: itemParams,
    handler: async ({ params, actor }, _req, reply) => {
      const { html, sha256 } = await rd.renderHtml(actor, params.id, params.itemId);
      return reply.headers({ 'content-type': 'text/html; charset=utf-8', 'x-content-sha256': sha256, ...SAFE }).send(html);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/records-requests/:id/redactions/items/:itemId/redacted.png',
    action: 'redactions:redaction.read',
    params: itemParams,
    handler: async ({ params, actor }, _req, reply) => {
      const { png, sha256, filename } = await rd.renderImage(actor, params.id, params.itemId);
      return reply.headers({ 'content-type': 'image/png', 'content-length': String(png.length), 'content-disposition': `inline; filename="${filename.replace(/[^\w.-]/g, '_')}"`, 'x-content-sha256': sha256, ...SAFE }).send(png);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/records-requests/:id/redactions',
    action: 'redactions:redaction.mark',
    params: requestParam,
    body: z
      .object({
        itemId: id,
        span: z.object({ start: offset, end: offset }).strict().nullish(),
        region: z.object({ x: pixels, y: pixels, w: pixels, h: pixels }).strict().nullish(),
        // Optional here so that a redaction without an exemption is the service's refusal naming the field and the choices.
        exemption: z.enum(EXEMPTION_IDS).nullish(),
        ground: z.string().max(GROUND_MAX + 1000).nullish(),
      })
      .strict(),
    handler: async ({ params, body, actor }, _req, reply) => reply.status(201).send({ redaction: await rd.mark(actor, params.id, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/records-requests/:id/redactions/:redactionId/withdraw',
    action: 'redactions:redaction.withdraw',
    params: redactionParams,
    body: z.object({ reason: z.string().max(REASON_MAX + 1000) }).strict(),
    handler: async ({ params, body, actor }) => ({ redaction: await rd.withdraw(actor, params.id, params.redactionId, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/records-requests/:id/redactions/:redactionId/approve',
    action: 'redactions:redaction.approve',
    params: redactionParams,
    body: z.object({ note: z.string().max(REASON_MAX + 1000).nullish() }).strict(),
    handler: async ({ params, body, actor }) => ({ redaction: await rd.approve(actor, params.id, params.redactionId, body) }),
  });
}
