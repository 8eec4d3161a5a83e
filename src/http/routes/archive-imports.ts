import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { IMPORT_FORMATS } from '../../modules/archive-import/index.ts';
import { idParam, route } from '../route.ts';

const isStream = (b: unknown): b is Readable => !!b && typeof (b as Readable).pipe === 'function' && typeof (b as Readable)[Symbol.asyncIterator] === 'function';

/**
 * Platform downloads imported into the archive from the web app (docs/archive-import.md): the
 * download is the request body (never buffered; the module counts it against its limit, scans it,
 * and queues the import), then its progress and report are read back.
 */
export async function archiveImportsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const jobs = ctx.archiveImports;

  await app.register(async (upload) => {
    upload.removeContentTypeParser('text/plain');
    upload.removeContentTypeParser('application/json');
    // Any body (a ZIP, or one JSON/JS file) arrives as a stream.
    upload.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    route(upload, {
      method: 'POST',
      url: '/api/archive/imports',
      action: 'archive-import:archive.import',
      query: z.object({ format: z.enum(IMPORT_FORMATS), filename: z.string().max(255).optional(), platformId: z.string().trim().min(1).max(100).optional(), account: z.string().trim().max(100).optional() }),
      handler: async ({ query, actor }, req, reply) => {
        const length = req.headers['content-length'];
        const contentLength = length !== undefined && /^\d+$/.test(length) ? Number(length) : null;
        try {
          const imported = await jobs.upload(actor, { format: query.format, fileName: query.filename ?? '', platformId: query.platformId ?? null, accountHandle: query.account ?? null, contentLength, body: isStream(req.body) ? req.body : null });
          return reply.status(202).send({ import: imported });
        } catch (e) {
          // A refused upload may be unread: close the connection after the answer rather than drain it.
          reply.header('connection', 'close');
          throw e;
        }
      },
    });
  });

  route(app, {
    method: 'GET',
    url: '/api/archive/imports',
    action: 'archive-import:archive.import',
    handler: async ({ actor }) => ({ imports: await jobs.list(actor) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/archive/imports/:id',
    action: 'archive-import:archive.import',
    params: idParam,
    handler: async ({ params, actor }) => ({ import: await jobs.get(actor, params.id) }),
  });
}
