import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ARCHIVE_KINDS } from '../../modules/archive/index.ts';
import { PRODUCTION_FORMATS, productionsAbilities } from '../../modules/productions/index.ts';
import { idParam, route } from '../route.ts';

const id = z.string().trim().min(1).max(100);
const filterBody = z
  .object({
    from: z.string().trim().min(10).max(40).nullish(),
    to: z.string().trim().min(10).max(40).nullish(),
    platforms: z.array(id).max(100).optional(),
    departments: z.array(id).max(100).optional(),
    kinds: z.array(z.enum(Object.keys(ARCHIVE_KINDS) as [string, ...string[]])).max(20).optional(),
    items: z.array(id).max(10_000).optional(),
    request: id.nullish(),
  })
  .strict();

/** Productions (IV.A.12) from the UI: start one, follow its progress, download it. */
export function productionsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const p = ctx.productions;

  route(app, {
    method: 'GET',
    url: '/api/productions',
    action: 'productions:productions.read',
    handler: async ({ actor }) => ({ productions: await p.list(actor), abilities: productionsAbilities(actor) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/productions',
    action: 'productions:productions.create',
    body: z.object({ format: z.enum(PRODUCTION_FORMATS), filter: filterBody.optional(), batesPrefix: z.string().trim().max(20).nullish() }).strict(),
    handler: async ({ body, actor }, _req, reply) => reply.status(202).send({ production: await p.start(actor, body) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/productions/:id',
    action: 'productions:productions.read',
    params: idParam,
    handler: async ({ params, actor }) => ({ production: await p.get(actor, params.id) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/productions/:id/download',
    action: 'productions:productions.read',
    params: idParam,
    handler: async ({ params, actor }, _req, reply) => {
      const f = await p.download(actor, params.id);
      return reply
        .headers({
          'content-type': f.contentType,
          'content-length': String(f.bytes),
          'content-disposition': `attachment; filename="${f.fileName.replace(/[^\w.-]/g, '_')}"`,
          'cache-control': 'private, no-store',
        })
        .send(createReadStream(f.path));
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/productions/:id/custody',
    action: 'productions:productions.read',
    params: idParam,
    handler: async ({ params, actor }, _req, reply) => {
      const text = await p.custody(actor, params.id);
      return reply.headers({ 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' }).send(text);
    },
  });
}
