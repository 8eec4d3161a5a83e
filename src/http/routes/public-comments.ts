import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { APPEAL_LIMITS } from '../../modules/appeals/index.ts';
import { childClauses, clause, hasClause } from '../../policy/index.ts';
import { idParam, route } from '../route.ts';
import { periodQuery } from './moderation-reports.ts';

/** Anyone may appeal, but not flood: per address, a handful an hour. */
const APPEAL_LIMIT = { max: 10, timeWindow: '1 hour' };
const STATUS_LIMIT = { max: 60, timeWindow: '1 minute' };

/**
 * The public side of comments (no sign-in): the Section V comment policy as published, versioned
 * with the policy (IV.C.11, V); the disclaimers (IV.A.11, IV.C.9, IV.C.10); the transparency
 * report; and the appeal form with its status by reference.
 */
export function publicCommentsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const version = async () => {
    const v = await ctx.policyVersions.current();
    return { name: ctx.pack.name, number: ctx.pack.sourceDocument.number, version: v.version, adoptedOn: v.adoptedOn, versionId: v.id, recordedAt: v.recordedAt, contentHash: v.contentHash };
  };

  route(app, {
    method: 'GET',
    url: '/api/public/comment-policy',
    action: 'public',
    public: true,
    handler: async () => {
      const v = hasClause(ctx.pack, 'V') ? clause(ctx.pack, 'V') : null;
      return {
        policy: await version(),
        cityName: ctx.pack.jurisdiction.cityName,
        text: ctx.pack.texts.commentPolicy,
        section: v ? { id: v.id, title: v.title } : null,
        grounds: v ? childClauses(ctx.pack, 'V').map((c) => ({ id: c.id, title: c.title, text: c.text })) : [],
        platforms: await ctx.moderationReports.interactivePlatforms(),
      };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/public/disclaimers',
    action: 'public',
    public: true,
    handler: async () => {
      const { texts, jurisdiction } = ctx.pack;
      return {
        policy: await version(),
        recordsDisclaimer: texts.recordsDisclaimer,
        purposeNotice: texts.purposeNotice,
        liabilityDisclaimer: texts.liabilityDisclaimer,
        websiteUrl: jurisdiction.websiteUrl,
        privacyPolicyUrl: jurisdiction.privacyPolicyUrl,
        termsOfUseUrl: jurisdiction.termsOfUseUrl,
      };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/public/transparency',
    action: 'public',
    public: true,
    query: periodQuery,
    handler: async ({ query }) => ctx.moderationReports.transparency(query),
  });

  route(app, {
    method: 'POST',
    url: '/api/public/appeals',
    action: 'public',
    public: true,
    rateLimit: APPEAL_LIMIT,
    body: z
      .object({
        commentId: z.string().trim().max(100).nullish(),
        banId: z.string().trim().max(100).nullish(),
        name: z.string().max(APPEAL_LIMITS.name + 100),
        contact: z.string().max(APPEAL_LIMITS.contact + 100),
        statement: z.string().max(APPEAL_LIMITS.statement + 1000),
      })
      .strict(),
    handler: async ({ body }, _req, reply) => reply.status(201).send({ appeal: await ctx.appeals.submit(body) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/public/appeals/:id',
    action: 'public',
    public: true,
    rateLimit: STATUS_LIMIT,
    params: idParam,
    handler: async ({ params }) => ({ appeal: await ctx.appeals.status(params.id) }),
  });
}
