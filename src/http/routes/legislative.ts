import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { idParam, route } from '../route.ts';

/** The Brown Act guard's register of legislative body members' accounts (IV.B). */
export function legislativeRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: '/api/legislative-accounts',
    action: 'legislative:legislative_account.list',
    query: z.object({ removed: z.enum(['1', 'true']).optional() }),
    handler: async ({ query, actor }) => ctx.legislativeAccounts.list(actor, { includeRemoved: query.removed !== undefined }),
  });

  route(app, {
    method: 'GET',
    url: '/api/legislative-accounts/members',
    action: 'legislative:legislative_account.list',
    handler: async ({ actor }) => ({ members: await ctx.legislativeAccounts.members(actor) }),
  });

  // The guard's log: members' reactions to City posts and members answering each other (IV.B).
  route(app, {
    method: 'GET',
    url: '/api/legislative-accounts/activity',
    action: 'legislative:legislative_account.list',
    query: z.object({ kind: z.enum(['reaction', 'response']).optional(), personId: z.string().min(1).max(100).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
    handler: async ({ query, actor }) => ctx.legislativeAccounts.activity(actor, query),
  });

  route(app, {
    method: 'POST',
    url: '/api/legislative-accounts',
    action: 'legislative:legislative_account.register',
    body: z.object({ personId: z.string().min(1).max(100), platformId: z.string().min(1).max(100), handle: z.string().trim().min(1).max(200) }).strict(),
    handler: async ({ body, actor }, _req, reply) => reply.status(201).send({ account: await ctx.legislativeAccounts.register(actor, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/legislative-accounts/:id/remove',
    action: 'legislative:legislative_account.remove',
    params: idParam,
    body: z.object({ reason: z.string().trim().min(1).max(2000) }).strict(),
    handler: async ({ params, body, actor }) => ({ account: await ctx.legislativeAccounts.remove(actor, params.id, body.reason) }),
  });
}
