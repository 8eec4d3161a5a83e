import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { idParam, route } from '../route.ts';

/** Recurring reviews: content currency (IV.C.15(f)(iii)) and ads/links the City does not control (IV.D.2). */
export function reviewsRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: '/api/reviews',
    action: 'reviews:review.list',
    query: z.object({
      mine: z.enum(['1', '0', 'true', 'false']).optional(),
      status: z.enum(['open', 'done', 'cancelled', 'overdue']).optional(),
      platformId: z.string().min(1).max(100).optional(),
    }),
    handler: async ({ query, actor }) => ({ tasks: await ctx.reviews.listReviews(actor, { mine: query.mine === '1' || query.mine === 'true', status: query.status, platformId: query.platformId }) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/reviews/:id/complete',
    action: 'reviews:review.complete',
    params: idParam,
    body: z.object({ outcome: z.enum(['ok', 'action_needed']), findings: z.string().trim().min(1).max(5000), notes: z.string().trim().max(5000).nullish() }).strict(),
    handler: async ({ params, body, actor }) => ({ task: await ctx.reviews.completeReview(actor, params.id, body) }),
  });
}
