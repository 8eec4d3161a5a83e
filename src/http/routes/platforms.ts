import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { APP_REMOVAL_GROUNDS, APP_STATUSES, PLATFORM_STATUSES, registryAbilities } from '../../modules/platforms/index.ts';
import { idParam, route } from '../route.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
const notice = z.object({ how: z.enum(['text', 'link']), url: z.string().trim().max(2000).nullish() }).strict().nullable();

const profileSchema = z
  .object({
    displayName: optText(200),
    sealOrLogo: optText(2000),
    brandingText: optText(500),
    websiteUrl: optText(2000),
    privacyPolicyUrl: optText(2000),
    termsOfUseUrl: optText(2000),
    recordsDisclaimer: notice,
    publicForumNotice: notice,
    liabilityDisclaimer: notice,
    commentPolicy: notice,
  })
  .strict()
  .partial();

const adminParams = z.object({ id: z.string().min(1).max(100), adminId: z.string().min(1).max(100) });

/** The platform registry (SPEC §2) and the third-party application register (IV.C.15(i)(iv)). */
export function platformsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const p = ctx.platforms;

  route(app, {
    method: 'GET',
    url: '/api/platforms',
    action: 'platforms:platform.read',
    query: z.object({
      status: z.enum(PLATFORM_STATUSES).optional(),
      /** A department id, or 'city' for City platforms. */
      department: z.string().min(1).max(100).optional(),
    }),
    handler: async ({ query, actor }) => ({ platforms: await p.list(actor, query), abilities: registryAbilities(actor) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/platforms',
    action: 'platforms:platform.request',
    body: z
      .object({
        name: text(200),
        type: text(50),
        purpose: text(2000),
        departmentId: z.string().min(1).max(100).nullable(),
        handle: optText(200),
        url: optText(2000),
        domain: optText(253),
        contactEmail: optText(320),
        contactPhone: optText(40),
      })
      .strict(),
    handler: async ({ body, actor }, _req, reply) => {
      const platform = await p.request(actor, body);
      return reply.status(201).send({ platform: await p.get(actor, platform.id) });
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/platforms/:id',
    action: 'platforms:platform.read',
    params: idParam,
    handler: async ({ params, actor }) => ({ platform: await p.get(actor, params.id) }),
  });

  route(app, {
    method: 'PATCH',
    url: '/api/platforms/:id/profile',
    action: 'platforms:platform.edit_profile',
    params: idParam,
    body: z
      .object({
        profile: profileSchema.optional(),
        contactEmail: optText(320).optional(),
        contactPhone: optText(40).optional(),
        template: optText(200).optional(),
        name: text(200).optional(),
        handle: optText(200).optional(),
        url: optText(2000).optional(),
        domain: optText(253).optional(),
      })
      .strict(),
    handler: async ({ params, body, actor }) => {
      await p.updateProfile(actor, params.id, body);
      return { platform: await p.get(actor, params.id) };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/platforms/:id/it-review',
    action: 'platforms:platform.it_review',
    params: idParam,
    body: z.object({ decision: z.enum(['approve', 'reject']), notes: optText(4000), template: optText(200) }).strict(),
    handler: async ({ params, body, actor }) => {
      await p.itReview(actor, params.id, body);
      return { platform: await p.get(actor, params.id) };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/platforms/:id/council-approval',
    action: 'platforms:platform.council_approval',
    params: idParam,
    body: z.object({ approvedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'), agendaItem: text(50) }).strict(),
    handler: async ({ params, body, actor }) => {
      await p.recordCouncilApproval(actor, params.id, body);
      return { platform: await p.get(actor, params.id) };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/platforms/:id/activate',
    action: 'platforms:platform.activate',
    params: idParam,
    body: z.object({}).strict().optional(),
    handler: async ({ params, actor }) => {
      await p.activate(actor, params.id);
      return { platform: await p.get(actor, params.id) };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/platforms/:id/terminate',
    action: 'platforms:platform.terminate',
    params: idParam,
    body: z.object({ reason: text(4000) }).strict(),
    handler: async ({ params, body, actor }) => {
      await p.terminate(actor, params.id, body);
      return { platform: await p.get(actor, params.id) };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/platforms/:id/comments',
    action: 'platforms:platform.enable_comments',
    params: idParam,
    body: z.object({ enabled: z.boolean(), note: optText(2000) }).strict(),
    handler: async ({ params, body, actor }) => {
      await p.setComments(actor, params.id, body);
      return { platform: await p.get(actor, params.id) };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/platforms/:id/admins',
    action: 'platforms:platform.request_admin',
    params: idParam,
    body: z.object({ personId: z.string().min(1).max(100), platformUserId: optText(200) }).strict(),
    handler: async ({ params, body, actor }, _req, reply) => reply.status(201).send({ admin: await p.requestAdmin(actor, params.id, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/platforms/:id/admins/:adminId/approve',
    action: 'platforms:platform.approve_admin',
    params: adminParams,
    body: z.object({}).strict().optional(),
    handler: async ({ params, actor }) => ({ admin: await p.approveAdmin(actor, params.id, params.adminId) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/platforms/:id/admins/:adminId/remove',
    action: 'platforms:platform.remove_admin',
    params: adminParams,
    body: z.object({ reason: optText(2000) }).strict().optional(),
    handler: async ({ params, body, actor }) => ({ admin: await p.removeAdmin(actor, params.id, params.adminId, { reason: body?.reason ?? null }) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/apps',
    action: 'platforms:app.read',
    query: z.object({ status: z.enum(APP_STATUSES).optional(), platformId: z.string().min(1).max(100).optional() }),
    handler: async ({ query, actor }) => ({ apps: await p.listApps(actor, query), abilities: registryAbilities(actor) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/apps',
    action: 'platforms:app.propose',
    body: z.object({ name: text(200), vendor: text(200), purpose: text(2000), platformId: z.string().min(1).max(100).nullish() }).strict(),
    handler: async ({ body, actor }, _req, reply) => reply.status(201).send({ app: await p.proposeApp(actor, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/apps/:id/decision',
    action: 'platforms:app.decide',
    params: idParam,
    body: z.object({ decision: z.enum(['approve', 'reject']), note: optText(2000) }).strict(),
    handler: async ({ params, body, actor }) => ({ app: await p.decideApp(actor, params.id, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/apps/:id/remove',
    action: 'platforms:app.remove',
    params: idParam,
    body: z.object({ reason: z.enum(APP_REMOVAL_GROUNDS), detail: optText(2000) }).strict(),
    handler: async ({ params, body, actor }) => ({ app: await p.removeApp(actor, params.id, body) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/connectors',
    action: 'platforms:platform.read',
    handler: async () => ({ connectors: p.listConnectors() }),
  });
}
