import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError, invalidInput } from '../../kernel/errors.ts';
import { createCommentIntake } from '../../modules/comment-intake/index.ts';
import { route } from '../route.ts';

/** A delivery larger than this is refused before its body is read (Facebook batches at most 1,000 changes). */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

const notConfigured = () => new AppError('not_found', 'Facebook webhooks are not configured on this server (set CRIER_FACEBOOK_APP_SECRET and CRIER_FACEBOOK_VERIFY_TOKEN)');

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Whether `header` is `sha256=<hex HMAC-SHA256 of the raw body under the app secret>`, compared in constant time. */
export function validHubSignature(header: string | string[] | undefined, raw: Buffer, appSecret: string): boolean {
  if (typeof header !== 'string') return false;
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!m) return false;
  const expected = createHmac('sha256', appSecret).update(raw).digest();
  return timingSafeEqual(Buffer.from(m[1]!, 'hex'), expected);
}

/**
 * Facebook Page webhooks (Graph API webhooks): the subscription handshake, and signed deliveries
 * of comment changes, ingested as they happen. Public (Facebook has no session), so the signature
 * is the only gate: it is checked on the raw bytes before anything is parsed or written.
 */
export async function webhooksRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const intake = createCommentIntake({ db: ctx.db.db, clock: ctx.clock, audit: ctx.audit, comments: ctx.comments });

  // Its own context, so only these routes keep JSON as raw bytes (the signature covers the bytes as sent).
  await app.register(async (hooks) => {
    hooks.removeContentTypeParser('application/json');
    hooks.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: MAX_WEBHOOK_BYTES }, (_request, body, done) => done(null, body));

    route(hooks, {
      method: 'GET',
      url: '/api/webhooks/facebook',
      action: 'public',
      public: true,
      rateLimit: { max: 60, timeWindow: '1 minute' },
      query: z.object({ 'hub.mode': z.string().max(40).optional(), 'hub.verify_token': z.string().max(400).optional(), 'hub.challenge': z.string().max(400).optional() }),
      handler: async ({ query }, _request, reply) => {
        const conf = ctx.config.facebookWebhooks;
        if (!conf) throw notConfigured();
        if (query['hub.mode'] !== 'subscribe') throw invalidInput('query.hub.mode', 'must be "subscribe"');
        if (!query['hub.verify_token'] || !sameSecret(query['hub.verify_token'], conf.verifyToken)) throw new AppError('forbidden', 'The verify token does not match this server’s');
        const challenge = query['hub.challenge'] ?? '';
        if (!/^[\x21-\x7e]{1,400}$/.test(challenge)) throw invalidInput('query.hub.challenge', 'missing or not printable');
        return reply.type('text/plain; charset=utf-8').send(challenge);
      },
    });

    route(hooks, {
      method: 'POST',
      url: '/api/webhooks/facebook',
      action: 'public',
      public: true,
      handler: async (_input, request) => {
        const conf = ctx.config.facebookWebhooks;
        if (!conf) throw notConfigured();
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const header = request.headers['x-hub-signature-256'];
        if (!header) throw new AppError('unauthenticated', 'Unsigned delivery refused: X-Hub-Signature-256 is missing');
        if (!validHubSignature(header, raw, conf.appSecret)) throw new AppError('forbidden', 'The X-Hub-Signature-256 signature does not match this delivery');
        let payload: unknown;
        try {
          payload = JSON.parse(raw.toString('utf8'));
        } catch {
          throw invalidInput('body', 'not JSON');
        }
        return intake.receiveFacebook(payload);
      },
    });
  });
}
