import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { idParam, route } from '../route.ts';

const tokenName = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9 ._-]+$/, 'letters, digits, spaces and . _ - only');

const credentialBody = z
  .object({
    username: z.string().trim().min(1).max(320).nullish(),
    // Not trimmed: spaces may be part of a passphrase.
    password: z.string().min(1).max(256).nullish(),
    recoveryCodes: z.array(z.string().trim().min(1).max(200)).min(1).max(50).nullish(),
    apiTokens: z
      .array(z.object({ name: tokenName, token: z.string().min(1).max(8192), expiresAt: z.string().trim().max(40).nullish() }).strict())
      .min(1)
      .max(20)
      .nullish(),
  })
  .strict();

/** Secrets in a response are never cached by the browser or anything between. */
const NO_STORE = { 'cache-control': 'no-store, max-age=0', pragma: 'no-cache' };

/** Credential custody (SPEC §6): metadata, submission, reveal with a reason, rotation tasks. */
export function vaultRoutes(app: FastifyInstance, ctx: AppContext): void {
  const v = ctx.vault;

  route(app, {
    method: 'GET',
    url: '/api/vault/credentials',
    action: 'vault:credential.list',
    handler: async ({ actor }) => ({ platforms: await v.list(actor) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/vault/platforms/:id/credentials',
    action: 'vault:credential.read',
    params: idParam,
    query: z.object({ includeSuperseded: z.enum(['true', 'false']).optional() }),
    handler: async ({ params, query, actor }) => v.listForPlatform(actor, params.id, { includeSuperseded: query.includeSuperseded === 'true' }),
  });

  route(app, {
    method: 'POST',
    url: '/api/vault/platforms/:id/credentials',
    action: 'vault:credential.submit',
    params: idParam,
    body: credentialBody,
    handler: async ({ params, body, actor }, _req, reply) => {
      const r = await v.submit(actor, params.id, body);
      return reply.status(201).send({
        submitted: { secretIds: r.secretIds, replaced: r.replaced, rotationsCompleted: r.rotationsCompleted },
        mail: r.mail ? { status: r.mail.status, recipients: r.mail.recipients } : null,
      });
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/vault/secrets/:id/reveal',
    action: 'vault:credential.reveal',
    params: idParam,
    body: z.object({ reason: z.string().trim().min(5, 'say why you need to see it (at least 5 characters)').max(1000) }).strict(),
    handler: async ({ params, body, actor }, _req, reply) => {
      const revealed = await v.reveal(actor, params.id, body);
      return reply.headers(NO_STORE).send(revealed);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/vault/rotation-tasks',
    action: 'vault:rotation.list',
    query: z.object({ status: z.enum(['open', 'done']).optional(), platformId: z.string().min(1).max(100).optional() }),
    handler: async ({ query, actor }) => ({ tasks: await v.listRotationTasks(actor, query) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/vault/rotation-tasks/:id/complete',
    action: 'vault:rotation.complete',
    params: idParam,
    body: z.object({ note: z.string().trim().max(1000).nullish() }).strict().optional(),
    handler: async ({ params, body, actor }) => ({ task: await v.completeRotationTask(actor, params.id, { note: body?.note ?? null }) }),
  });
}
