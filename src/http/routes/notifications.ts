import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { idParam, route } from '../route.ts';

export function notificationsRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: '/api/notifications',
    action: 'notifications:notification.list',
    query: z.object({
      unread: z.enum(['true', 'false']).optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }),
    handler: async ({ query, actor }) => {
      const list = await ctx.notifications.listFor(actor, { unreadOnly: query.unread === 'true', limit: query.limit });
      return { notifications: list.map((n) => ({ ...n, read: n.readAt !== null })), unread: await ctx.notifications.unreadCount(actor) };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/notifications/:id/read',
    action: 'notifications:notification.read',
    params: idParam,
    body: z.object({}).strict().optional(),
    handler: async ({ params, actor }) => {
      const n = await ctx.notifications.markRead(actor, params.id);
      return { notification: { ...n, read: n.readAt !== null } };
    },
  });
}
