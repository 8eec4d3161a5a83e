import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { abilities } from '../../authz/index.ts';
import type { AppContext } from '../../context.ts';
import { ARCHIVE_KINDS } from '../../modules/archive/index.ts';
import { archiveSearchPolicy, QUERY_LIMITS } from '../../modules/archive-search/index.ts';
import { idParam, route } from '../route.ts';

const kinds = Object.keys(ARCHIVE_KINDS) as [string, ...string[]];
// Slack over the service's limits: the service names the field and the limit.
const text = z.string().max(1000);
const filters = z.object({
  platform: text.optional(),
  department: text.optional(),
  kind: z.enum(kinds).or(z.literal('')).optional(),
  status: text.optional(),
  dateField: z.enum(['captured', 'created']).optional(),
  from: text.optional(),
  to: text.optional(),
  author: text.optional(),
  commenter: text.optional(),
  clause: text.optional(),
});
const page = { cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).optional() };
const q = z.string().max(QUERY_LIMITS.chars + 1000).optional();

/** Archive search (SPEC §5), saved searches, and collecting into a records request (IV.A.11). */
export function archiveSearchRoutes(app: FastifyInstance, ctx: AppContext): void {
  const s = ctx.archiveSearch;

  route(app, {
    method: 'GET',
    url: '/api/archive/search',
    action: 'archive-search:archive_search.search',
    query: filters.extend({ q, ...page }),
    handler: async ({ query, actor }) => {
      const { q: text, cursor, limit, ...f } = query;
      return s.search(actor, { q: text, filters: f, cursor, limit });
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/archive/saved-searches',
    action: 'archive-search:archive_search.search',
    query: z.object({ mine: z.enum(['1', 'true']).optional() }),
    handler: async ({ query, actor }) => ({
      savedSearches: (await s.listSaved(actor, { mine: query.mine !== undefined })).map((x) => ({ ...x, abilities: abilities(archiveSearchPolicy, actor, { ownerId: x.ownerId }, ['archive_search.delete']) })),
      abilities: abilities(archiveSearchPolicy, actor, null, ['archive_search.save', 'archive_search.collect']),
    }),
  });

  route(app, {
    method: 'POST',
    url: '/api/archive/saved-searches',
    action: 'archive-search:archive_search.save',
    body: z.object({ name: z.string().max(1000), q: q.nullable(), filters: filters.optional() }),
    handler: async ({ body, actor }, _req, reply) => {
      reply.status(201);
      return { savedSearch: await s.save(actor, body) };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/archive/saved-searches/:id/results',
    action: 'archive-search:archive_search.search',
    params: idParam,
    query: z.object(page),
    handler: async ({ params, query, actor }) => s.rerun(actor, params.id, query),
  });

  route(app, {
    method: 'DELETE',
    url: '/api/archive/saved-searches/:id',
    action: 'archive-search:archive_search.delete',
    params: idParam,
    handler: async ({ params, actor }) => {
      await s.deleteSaved(actor, params.id);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/records-requests/:id/collect',
    action: 'archive-search:archive_search.collect',
    params: idParam,
    body: z.union([z.object({ savedSearchId: z.string().min(1).max(100) }).strict(), z.object({ itemIds: z.array(z.string().min(1).max(100)).min(1).max(1000) }).strict()]),
    handler: async ({ params, body, actor }) => ({ collection: await s.collect(actor, params.id, body) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/records-requests/:id/collected',
    action: 'archive-search:archive_search.collected',
    params: idParam,
    query: z.object({ after: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
    handler: async ({ params, query, actor }) => s.collected(actor, params.id, query),
  });
}
