import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { route } from '../route.ts';

const MAX_TEXT = 100_000;

const draftBody = z
  .object({
    text: z.string().max(MAX_TEXT),
    platformTypes: z.array(z.string().trim().min(1).max(40).regex(/^[a-z0-9_-]+$/i, 'a platform type such as x, bluesky or facebook')).max(20).optional(),
    emergency: z.boolean().optional(),
    images: z.array(z.object({ altText: z.string().max(2000).optional(), name: z.string().max(300).optional() }).strict()).max(20).optional(),
    videos: z.array(z.object({ captions: z.boolean().optional() }).strict()).max(10).optional(),
    hashtags: z.array(z.string().max(140)).max(60).optional(),
    // City wall time or an ISO instant, as the compose form holds it; read leniently (see publicationDate)
    scheduledFor: z.string().max(40).nullable().optional(),
  })
  .strict();

/** Live findings for the post editor (issue 3): called as the user types. */
export function screeningRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'POST',
    url: '/api/screening/post',
    action: 'screening:screening.post',
    body: draftBody,
    handler: async ({ body, actor }) => ctx.screening.screenDraft(actor, body),
  });
}
