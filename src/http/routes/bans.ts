import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { abilities } from '../../authz/index.ts';
import { bansPolicy, MAX_BAN_DAYS } from '../../modules/bans/index.ts';
import { idParam, route } from '../route.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const clauseId = z.string().trim().min(1).max(20);

/** Denying access (V) and the appeals of moderation decisions and bans (staff side). */
export function bansRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: '/api/bans',
    action: 'bans:ban.list',
    query: z.object({ status: z.enum(['active', 'lifted', 'expired']).optional(), platformId: z.string().min(1).max(100).optional(), handle: z.string().min(1).max(200).optional(), due: z.enum(['1', 'true']).optional() }),
    handler: async ({ query, actor }) => ({
      bans: await ctx.bans.listBans(actor, { status: query.status, platformId: query.platformId, handle: query.handle, dueForReview: query.due !== undefined }),
      abilities: abilities(bansPolicy, actor, null, ['ban.create', 'ban.create_indefinite']),
    }),
  });

  route(app, {
    method: 'GET',
    url: '/api/bans/reviewers',
    action: 'bans:ban.list',
    handler: async ({ actor }) => ({ reviewers: await ctx.bans.reviewers(actor) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/bans/:id',
    action: 'bans:ban.list',
    params: idParam,
    handler: async ({ params, actor }) => ({ ban: await ctx.bans.getBan(actor, params.id) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/bans',
    action: 'bans:ban.create',
    body: z
      .object({
        platformId: z.string().min(1).max(100),
        handle: z.string().trim().min(1).max(200),
        clauses: z.array(clauseId).min(1).max(15),
        reason: z.string().trim().min(1).max(2000),
        durationDays: z.number().int().min(1).max(MAX_BAN_DAYS).nullish(),
        indefinite: z.boolean().optional(),
        reviewerId: z.string().min(1).max(100),
        reviewOn: date.nullish(),
      })
      .strict(),
    handler: async ({ body, actor }, _req, reply) => reply.status(201).send({ ban: await ctx.bans.createBan(actor, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/bans/:id/review',
    action: 'bans:ban.review',
    params: idParam,
    body: z.object({ outcome: z.enum(['keep', 'lift', 'shorten']), note: z.string().trim().min(1).max(2000), endsOn: date.nullish(), nextReviewOn: date.nullish() }).strict(),
    handler: async ({ params, body, actor }) => ({ ban: await ctx.bans.reviewBan(actor, params.id, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/bans/:id/lift',
    action: 'bans:ban.lift',
    params: idParam,
    body: z.object({ reason: z.string().trim().min(1).max(2000) }).strict(),
    handler: async ({ params, body, actor }) => ({ ban: await ctx.bans.liftBan(actor, params.id, body.reason) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/appeals',
    action: 'appeals:appeal.list',
    query: z.object({ status: z.enum(['open', 'granted', 'denied']).optional() }),
    handler: async ({ query, actor }) => ({ appeals: await ctx.appeals.list(actor, { status: query.status }) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/appeals/:id',
    action: 'appeals:appeal.list',
    params: idParam,
    handler: async ({ params, actor }) => ({ appeal: await ctx.appeals.get(actor, params.id) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/appeals/:id/decide',
    action: 'appeals:appeal.decide',
    params: idParam,
    body: z.object({ outcome: z.enum(['grant', 'deny']), note: z.string().trim().min(1).max(5000) }).strict(),
    handler: async ({ params, body, actor }) => ({ appeal: await ctx.appeals.decide(actor, params.id, body) }),
  });
}
