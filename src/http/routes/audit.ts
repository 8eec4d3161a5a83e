import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { route } from '../route.ts';

export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: '/api/audit',
    action: 'audit:audit.read',
    query: z.object({
      targetType: z.string().max(50).optional(),
      targetId: z.string().max(100).optional(),
      actorId: z.string().max(100).optional(),
      action: z.string().max(100).optional(),
      beforeSeq: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }),
    handler: async ({ query, actor }) => ({ events: await ctx.audit.list(actor, query) }),
  });
}
