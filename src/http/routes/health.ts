import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { route } from '../route.ts';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: '/api/health',
    action: 'public',
    public: true,
    handler: async (_input, _req, reply) => {
      try {
        await sql`select 1`.execute(ctx.db.db);
      } catch {
        return reply.status(503).send({ status: 'unavailable', db: ctx.db.dialect });
      }
      return { status: 'ok', db: ctx.db.dialect, policy: { id: ctx.pack.id, name: ctx.pack.name, version: ctx.pack.version, contentHash: ctx.pack.contentHash } };
    },
  });
}
