import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { DECISIONS } from '../../modules/comments/index.ts';
import { idParam, route } from '../route.ts';

const clauseId = z.string().trim().min(1).max(20);
const decisionBody = z.object({ decision: z.enum(DECISIONS), clauses: z.array(clauseId).max(15).optional(), note: z.string().trim().max(4000).nullish() }).strict();
const noteBody = z.object({ note: z.string().trim().max(4000).nullish() }).strict();

/** Public comments (SPEC §4): the moderation queue, decisions by clause, settings. */
export function commentsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const c = ctx.comments;

  route(app, {
    method: 'GET',
    url: '/api/comments/queue',
    action: 'comments:comment.read',
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).optional(), after: z.string().max(400).optional(), platform: z.string().max(100).optional() }),
    handler: async ({ query, actor }) => c.queue(actor, { limit: query.limit, after: query.after, platformId: query.platform }),
  });

  route(app, { method: 'GET', url: '/api/comments/:id', action: 'comments:comment.read', params: idParam, handler: async ({ params, actor }) => c.get(actor, params.id) });

  route(app, {
    method: 'POST',
    url: '/api/comments/:id/decisions',
    action: 'comments:comment.decide',
    params: idParam,
    body: decisionBody,
    handler: async ({ params, body, actor }) => c.decide(actor, params.id, body),
  });

  route(app, {
    method: 'POST',
    url: '/api/comments/bulk-decisions',
    action: 'comments:comment.decide',
    body: z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(200), decision: z.enum(DECISIONS), clauses: z.array(clauseId).max(15).optional(), note: z.string().trim().max(4000).nullish() }).strict(),
    handler: async ({ body, actor }) => {
      const decided: string[] = [];
      const failed: { id: string; error: string }[] = [];
      for (const id of body.ids) {
        try {
          await c.decide(actor, id, { decision: body.decision, clauses: body.clauses, note: body.note });
          decided.push(id);
        } catch (e) {
          // The first refusal that is about the request itself (who, which clauses) applies to all: stop there.
          if (decided.length === 0 && failed.length === 0) throw e;
          failed.push({ id, error: e instanceof Error ? e.message : String(e) });
        }
      }
      return { decided, failed };
    },
  });

  route(app, { method: 'POST', url: '/api/comments/:id/second', action: 'comments:comment.decide', params: idParam, body: noteBody, handler: async ({ params, body, actor }) => c.second(actor, params.id, body) });
  route(app, { method: 'POST', url: '/api/comments/:id/confirm-platform', action: 'comments:comment.confirm_platform', params: idParam, body: noteBody, handler: async ({ params, body, actor }) => c.confirmPlatform(actor, params.id, body) });

  route(app, { method: 'GET', url: '/api/moderation/settings', action: 'comments:comment.read', handler: async ({ actor }) => c.settings(actor) });
  route(app, {
    method: 'PUT',
    url: '/api/moderation/settings',
    action: 'comments:moderation.settings',
    body: z.object({ autoHideClauses: z.array(clauseId).max(15), twoPersonRule: z.boolean() }).strict(),
    handler: async ({ body, actor }) => c.setSettings(actor, body),
  });
}
