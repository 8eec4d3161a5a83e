import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { createCommentIntake, MAX_IMPORT_BYTES } from '../../modules/comment-intake/index.ts';
import { route } from '../route.ts';

/**
 * A platform's comment export taken by staff (docs/comment-import.md): the file's text in a JSON
 * body. Files up to MAX_IMPORT_BYTES are taken, so this route has its own (larger) body limit;
 * anything bigger is refused before it is read.
 */
export async function commentsImportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const intake = createCommentIntake({ db: ctx.db.db, clock: ctx.clock, audit: ctx.audit, comments: ctx.comments });

  await app.register(async (files) => {
    files.removeContentTypeParser('application/json');
    // JSON escaping can grow a file's text; the service then holds the file itself to MAX_IMPORT_BYTES.
    files.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 2 * MAX_IMPORT_BYTES }, files.getDefaultJsonParser('error', 'error'));

    route(files, {
      method: 'POST',
      url: '/api/comments/import',
      action: 'comments:comment.ingest',
      body: z
        .object({
          platformId: z.string().trim().min(1).max(100),
          format: z.enum(['csv', 'jsonl']),
          content: z.string(),
          fileName: z.string().trim().max(255).optional(),
        })
        .strict(),
      handler: async ({ body, actor }) => intake.importFile(actor, body),
    });
  });
}
