import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { abilities } from '../../authz/index.ts';
import { notFound } from '../../kernel/errors.ts';
import { clause, hasClause } from '../../policy/index.ts';
import { exceptionsPolicy, ExceptionInput } from '../../modules/exceptions/index.ts';
import { idParam, route } from '../route.ts';

/** The policy as data: public, so residents can read the rules they are moderated by (V, §8). */
export function policyRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: '/api/policy',
    action: 'public',
    public: true,
    handler: async () => {
      const version = await ctx.policyVersions.current();
      const { pack } = ctx;
      return {
        id: pack.id,
        name: pack.name,
        version: pack.version,
        contentHash: pack.contentHash,
        versionId: version.id,
        recordedAt: version.recordedAt,
        jurisdiction: { cityName: pack.jurisdiction.cityName, websiteUrl: pack.jurisdiction.websiteUrl, timeZone: pack.jurisdiction.timeZone },
        clauses: pack.clauses.map((c) => ({ id: c.id, title: c.title, kind: c.kind, parent: c.parent ?? null })),
      };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/policy/clauses/:id',
    action: 'public',
    public: true,
    params: idParam,
    handler: async ({ params }) => {
      if (!hasClause(ctx.pack, params.id)) throw notFound('Clause', params.id);
      return clause(ctx.pack, params.id);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/policy/texts',
    action: 'public',
    public: true,
    handler: async () => ctx.pack.texts,
  });

  route(app, {
    method: 'GET',
    url: '/api/policy/versions',
    action: 'signed-in',
    handler: async () => ({ versions: await ctx.policyVersions.list() }),
  });

  route(app, {
    method: 'GET',
    url: '/api/exceptions',
    action: 'exceptions:exception.read',
    handler: async ({ actor }) => ({
      exceptions: await ctx.exceptions.list(actor),
      abilities: abilities(exceptionsPolicy, actor, null),
    }),
  });

  route(app, {
    method: 'POST',
    url: '/api/exceptions',
    action: 'exceptions:exception.record',
    body: ExceptionInput,
    handler: async ({ actor, body }, _req, reply) => reply.status(201).send(await ctx.exceptions.record(actor, body)),
  });

  route(app, {
    method: 'POST',
    url: '/api/exceptions/:id/revoke',
    action: 'exceptions:exception.revoke',
    params: idParam,
    body: z.object({ reason: z.string().trim().min(1).max(2000) }),
    handler: async ({ actor, params, body }) => ctx.exceptions.revoke(actor, params.id, body.reason),
  });
}
