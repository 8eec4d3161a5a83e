import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Actor, PersonActor } from '../../kernel/actor.ts';
import { AppError } from '../../kernel/errors.ts';
import { POST_STATUSES } from '../../modules/posts/index.ts';
import { idParam, route } from '../route.ts';

const id = z.string().trim().min(1).max(64);
const instantOrWall = z.string().trim().min(10).max(40);

const composeBody = z
  .object({
    title: z.string().max(200),
    body: z.string().max(70_000),
    link: z.string().trim().url().max(2000).nullish(),
    targets: z
      .array(z.object({ platformId: id, text: z.string().max(70_000).nullish() }).strict())
      .min(1)
      .max(20),
    attachmentIds: z.array(id).max(20).optional(),
    emergency: z.object({ releaseUrl: z.string().trim().url().max(2000), releasedAt: instantOrWall }).strict().nullish(),
    scheduledFor: instantOrWall.nullish(),
    correctionOf: id.nullish(),
  })
  .strict();

const commentBody = z.object({ comment: z.string().trim().max(4000).nullish() }).strict();
const requiredComment = z.object({ comment: z.string().trim().min(1, 'say why').max(4000) }).strict();
const reasonBody = z.object({ reason: z.string().trim().min(1, 'a reason is required').max(4000) }).strict();

/** Posting is done by people; the system and the public never compose or approve. */
function person(actor: Actor): PersonActor {
  if (actor.kind === 'person') return actor;
  if (actor.kind === 'public') throw new AppError('unauthenticated', 'Sign in to do this');
  throw new AppError('forbidden', 'Only a person can do this');
}

/** Posts (SPEC §3): compose, approve, review, schedule, remove. */
export function postsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const p = ctx.posts;

  route(app, {
    method: 'GET',
    url: '/api/posts',
    action: 'posts:post.read',
    query: z.object({ status: z.enum(POST_STATUSES).optional(), department: z.string().max(64).optional(), mine: z.enum(['true', 'false']).optional() }),
    handler: async ({ query, actor }) => ({
      posts: await p.list(actor, {
        status: query.status,
        departmentId: query.department === 'city' ? null : query.department,
        authorId: query.mine === 'true' && actor.kind === 'person' ? actor.personId : undefined,
      }),
    }),
  });

  route(app, {
    method: 'POST',
    url: '/api/posts',
    action: 'posts:post.create',
    body: composeBody,
    handler: async ({ body, actor }, _req, reply) => reply.status(201).send(await p.create(person(actor), body)),
  });

  route(app, { method: 'GET', url: '/api/posts/:id', action: 'posts:post.read', params: idParam, handler: async ({ params, actor }) => p.get(actor, params.id) });

  // IV.D.1: the IT Office's templates, and the one a platform uses (the editor starts from it).
  const templateBody = z
    .object({ name: z.string().trim().min(1).max(100), opening: z.string().max(1000).optional(), closing: z.string().max(1000).optional(), guidance: z.string().max(4000).optional(), status: z.enum(['active', 'retired']).optional() })
    .strict();
  route(app, { method: 'GET', url: '/api/post-templates', action: 'posts:post.read', handler: async ({ actor }) => ({ templates: await p.listTemplates(actor) }) });
  route(app, {
    method: 'GET',
    url: '/api/platforms/:id/post-template',
    action: 'posts:post.read',
    params: idParam,
    handler: async ({ params, actor }) => ({ template: await p.templateFor(actor, params.id) }),
  });
  route(app, { method: 'POST', url: '/api/post-templates', action: 'posts:template.manage', body: templateBody, handler: async ({ body, actor }, _req, reply) => reply.status(201).send(await p.saveTemplate(actor, null, body)) });
  route(app, { method: 'PUT', url: '/api/post-templates/:id', action: 'posts:template.manage', params: idParam, body: templateBody, handler: async ({ params, body, actor }) => p.saveTemplate(actor, params.id, body) });

  route(app, {
    method: 'PUT',
    url: '/api/posts/:id',
    action: 'posts:post.update',
    params: idParam,
    body: composeBody,
    handler: async ({ params, body, actor }) => p.update(person(actor), params.id, body),
  });

  route(app, { method: 'POST', url: '/api/posts/:id/submit', action: 'posts:post.submit', params: idParam, handler: async ({ params, actor }) => p.submit(person(actor), params.id) });
  route(app, { method: 'POST', url: '/api/posts/:id/approve', action: 'posts:post.approve', params: idParam, body: commentBody, handler: async ({ params, body, actor }) => p.approve(person(actor), params.id, body) });
  route(app, { method: 'POST', url: '/api/posts/:id/it-review', action: 'posts:post.it_review', params: idParam, body: commentBody, handler: async ({ params, body, actor }) => p.itReview(person(actor), params.id, body) });
  route(app, { method: 'POST', url: '/api/posts/:id/reject', action: 'posts:post.reject', params: idParam, body: requiredComment, handler: async ({ params, body, actor }) => p.reject(person(actor), params.id, body) });
  route(app, { method: 'POST', url: '/api/posts/:id/override', action: 'posts:post.override', params: idParam, body: reasonBody, handler: async ({ params, body, actor }) => p.override(person(actor), params.id, body) });
  route(app, { method: 'POST', url: '/api/posts/:id/direct', action: 'posts:post.direct', params: idParam, body: reasonBody, handler: async ({ params, body, actor }) => p.direct(person(actor), params.id, body) });
  route(app, { method: 'POST', url: '/api/posts/:id/remove', action: 'posts:post.remove', params: idParam, body: reasonBody, handler: async ({ params, body, actor }) => p.remove(person(actor), params.id, body) });
}
