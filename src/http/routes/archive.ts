import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ARCHIVE_KINDS } from '../../modules/archive/index.ts';
import { idParam, route } from '../route.ts';

const kinds = Object.keys(ARCHIVE_KINDS) as [string, ...string[]];
const when = z.string().trim().min(10).max(40);

/** The records archive (SPEC §5) for staff with records duties: list, read one, verify. */
export function archiveRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: '/api/archive/items',
    action: 'archive:archive.read',
    query: z.object({
      kind: z.enum(kinds).optional(),
      department: z.string().trim().min(1).max(100).optional(),
      from: when.optional(),
      to: when.optional(),
      after: z.coerce.number().int().min(0).optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }),
    handler: async ({ query, actor }) => ctx.archive.list(actor, query),
  });

  route(app, {
    method: 'GET',
    url: '/api/archive/items/:id',
    action: 'archive:archive.read',
    params: idParam,
    handler: async ({ params, actor }) => ({ item: await ctx.archive.get(actor, params.id) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/archive/verify',
    action: 'archive:archive.verify',
    handler: async ({ actor }) => ctx.archive.verifyAs(actor),
  });
}
