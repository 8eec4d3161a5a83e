import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { route } from '../route.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
export const periodQuery = z.object({ from: date.optional(), to: date.optional() });

/** Moderation reports for staff with oversight: decisions by clause, moderator and month; inconsistent treatment (V). */
export function moderationReportsRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: '/api/moderation-reports/decisions',
    action: 'moderation-reports:report.read',
    query: periodQuery,
    handler: async ({ query, actor }) => ctx.moderationReports.decisions(actor, query),
  });

  route(app, {
    method: 'GET',
    url: '/api/moderation-reports/consistency',
    action: 'moderation-reports:report.read',
    query: periodQuery.extend({ threshold: z.coerce.number().min(0.5).max(1).optional() }),
    handler: async ({ query, actor }) => ctx.moderationReports.consistency(actor, query),
  });
}
