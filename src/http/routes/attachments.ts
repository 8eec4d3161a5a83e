import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { idParam, route } from '../route.ts';

const describeBody = z
  .object({
    altText: z.string().max(2000).nullish(),
    captions: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('embedded'), note: z.string().max(500) }).strict(),
        z.object({ kind: z.literal('file'), fileId: z.string().min(1).max(100) }).strict(),
      ])
      .nullish(),
    cityWebsiteUrl: z.string().trim().max(2000).nullish(),
    photoAttestation: z.object({ atPublicSocialEvent: z.boolean() }).strict().nullish(),
    ownership: z.enum(['city', 'third_party']).nullish(),
    permission: z
      .object({ grantedBy: z.string().max(200), grantedOn: z.string().max(10), scope: z.string().max(500), reference: z.string().max(200).nullish() })
      .strict()
      .nullish(),
    usesCitySeal: z.boolean().nullish(),
    sealAuthorization: z.string().max(500).nullish(),
  })
  .strict();

const isStream = (b: unknown): b is Readable => !!b && typeof (b as Readable).pipe === 'function' && typeof (b as Readable)[Symbol.asyncIterator] === 'function';

/** Post attachments (SPEC §3): upload (the file is the request body), metadata, describe, preview. */
export async function attachmentsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const a = ctx.attachments;

  // The upload gets the request stream itself (never buffered, no body limit here: the service
  // counts and stops at the limit for the detected type). JSON keeps its parser so a JSON body is
  // recognized and refused; everything else, text included, arrives as a stream.
  await app.register(async (upload) => {
    upload.removeContentTypeParser('text/plain');
    upload.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    route(upload, {
      method: 'POST',
      url: '/api/attachments',
      action: 'attachments:attachment.upload',
      query: z.object({ filename: z.string().max(255).optional() }),
      handler: async ({ query, actor }, req, reply) => {
        const length = req.headers['content-length'];
        const contentLength = length !== undefined && /^\d+$/.test(length) ? Number(length) : null;
        try {
          const attachment = await a.upload(actor, { filename: query.filename ?? '', contentLength, body: isStream(req.body) ? req.body : null });
          return reply.status(201).send({ attachment });
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
    url: '/api/attachments/:id',
    action: 'attachments:attachment.read',
    params: idParam,
    handler: async ({ params, actor }) => ({ attachment: await a.get(actor, params.id) }),
  });

  route(app, {
    method: 'PATCH',
    url: '/api/attachments/:id',
    action: 'attachments:attachment.describe',
    params: idParam,
    body: describeBody,
    handler: async ({ params, body, actor }) => ({ attachment: await a.describe(actor, params.id, body) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/attachments/:id/file',
    action: 'attachments:attachment.read',
    params: idParam,
    handler: async ({ params, actor }, _req, reply) => {
      const f = await a.openFile(actor, params.id);
      const ascii = f.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return reply
        .headers({
          'content-type': f.mimeType,
          'content-length': String(f.sizeBytes),
          'content-disposition': `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
          // A preview is shown, never run: no scripts, no plugins, in a sandbox.
          'content-security-policy': "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
          'cache-control': 'private, no-store',
        })
        .send(createReadStream(f.path));
    },
  });
}
