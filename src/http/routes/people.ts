import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ROLES, systemActor, type Actor } from '../../kernel/actor.ts';
import { isCalendarDate } from '../../kernel/codec.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { can } from '../../authz/index.ts';
import { peoplePolicy, type GatePlatform } from '../../modules/people/index.ts';
import { idParam, route } from '../route.ts';

const id = z.string().min(1).max(100);
const text = (max: number) => z.string().trim().min(1).max(max);
const date = z.string().refine(isCalendarDate, 'expected a date as YYYY-MM-DD');
const optReason = z.object({ reason: z.string().trim().max(2000).nullish() }).strict().optional();
const personAndRole = z.object({ id, roleId: id });
const personAndDesignation = z.object({ id, designationId: id });
const STATUSES = ['active', 'suspended', 'revoked', 'departed'] as const;

/** People, roles and authorization (SPEC §1). Each route names the people policy rule that governs it. */
export function peopleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const people = ctx.people;
  const gateReader = systemActor('people-gate');

  async function platformFacts(platformId?: string): Promise<(GatePlatform & { name: string })[]> {
    const pick = (p: { id: string; name: string; type: string; departmentId: string | null; status: string }) => ({
      id: p.id,
      name: p.name,
      type: p.type,
      departmentId: p.departmentId,
      status: p.status,
    });
    if (platformId) {
      try {
        return [pick(await ctx.platforms.get(gateReader, platformId))];
      } catch (e) {
        if (e instanceof AppError && e.code === 'not_found') throw notFound('Platform', platformId);
        throw e;
      }
    }
    return (await ctx.platforms.list(gateReader)).filter((p) => p.status !== 'terminated').map(pick);
  }

  const listAbilities = (actor: Actor) => ({
    'department.create': can(peoplePolicy, actor, 'department.create', null).allow,
    'department.archive': can(peoplePolicy, actor, 'department.archive', null).allow,
    'legislative.list': can(peoplePolicy, actor, 'legislative.list', null).allow,
  });

  route(app, {
    method: 'GET',
    url: '/api/departments',
    action: 'people:department.list',
    query: z.object({ includeArchived: z.enum(['true', 'false']).optional() }),
    handler: async ({ query, actor }) => ({
      departments: await people.listDepartments(actor, { includeArchived: query.includeArchived === 'true' }),
      abilities: listAbilities(actor),
    }),
  });

  route(app, {
    method: 'POST',
    url: '/api/departments',
    action: 'people:department.create',
    body: z.object({ name: text(200), code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,20}$/, 'letters, digits, - or _, up to 20'), kind: z.enum(['department', 'division']).default('department') }).strict(),
    handler: async ({ body, actor }, _req, reply) => reply.status(201).send({ department: await people.createDepartment(actor, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/departments/:id/archive',
    action: 'people:department.archive',
    params: idParam,
    handler: async ({ params, actor }) => ({ department: await people.archiveDepartment(actor, params.id) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/people',
    action: 'people:person.list',
    query: z.object({
      departmentId: id.optional(),
      status: z.enum(STATUSES).optional(),
      role: z.enum(ROLES).optional(),
      q: z.string().trim().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
      offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
    }),
    handler: async ({ query, actor }) => {
      const list = await people.listPersons(actor, query);
      return {
        people: list,
        abilities: { 'person.create': actor.kind === 'person' && (can(peoplePolicy, actor, 'person.create', { id: '', departmentId: null }).allow || actor.roles.some((g) => g.role === 'department_head')) },
      };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/people',
    action: 'people:person.create',
    body: z
      .object({ name: text(200), email: z.email().max(320), title: z.string().trim().max(200).nullish(), departmentId: id.nullish() })
      .strict(),
    handler: async ({ body, actor }, _req, reply) => {
      const created = await people.createPerson(actor, body);
      return reply.status(201).send({ person: await people.getPerson(actor, created.id).catch(() => created) });
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/me',
    action: 'people:person.read',
    handler: async ({ actor }) => {
      if (actor.kind !== 'person') throw new AppError('unauthenticated', 'Sign in to continue');
      return { person: await people.getPerson(actor, actor.personId) };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/legislative-members/unnotified',
    action: 'people:legislative.list',
    handler: async ({ actor }) => ({ people: await people.membersLackingNotification(actor) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/people/:id',
    action: 'people:person.read',
    params: idParam,
    handler: async ({ params, actor }) => ({ person: await people.getPerson(actor, params.id) }),
  });

  route(app, {
    method: 'PATCH',
    url: '/api/people/:id',
    action: 'people:person.update',
    params: idParam,
    body: z
      .object({ name: text(200).optional(), email: z.email().max(320).optional(), title: z.string().trim().max(200).nullish(), departmentId: id.nullish() })
      .strict()
      .refine((b) => Object.keys(b).length > 0, 'nothing to change'),
    handler: async ({ params, body, actor }) => {
      await people.updatePerson(actor, params.id, body);
      return { person: await people.getPerson(actor, params.id) };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/people/:id/roles',
    action: 'people:role.grant',
    params: idParam,
    body: z
      .object({ role: z.enum(ROLES), departmentId: id.nullish(), designeeOf: id.nullish(), startsOn: date.nullish(), endsOn: date.nullish() })
      .strict(),
    handler: async ({ params, body, actor }, _req, reply) => reply.status(201).send({ role: await people.grantRole(actor, params.id, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/people/:id/roles/:roleId/revoke',
    action: 'people:role.revoke',
    params: personAndRole,
    body: optReason,
    handler: async ({ params, body, actor }) => ({ role: await people.revokeRole(actor, params.id, params.roleId, body?.reason) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/people/:id/designations',
    action: 'people:designation.create',
    params: idParam,
    body: z.object({ departmentId: id.nullish(), platformIds: z.array(id).min(1).max(100) }).strict(),
    handler: async ({ params, body, actor }, _req, reply) => reply.status(201).send({ designation: await people.designate(actor, params.id, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/people/:id/designations/:designationId/revoke',
    action: 'people:designation.revoke',
    params: personAndDesignation,
    body: optReason,
    handler: async ({ params, body, actor }) => ({ designation: await people.revokeDesignation(actor, params.id, params.designationId, body?.reason) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/people/:id/acknowledgement-form',
    action: 'people:person.read',
    params: idParam,
    handler: async ({ params, actor }) => people.acknowledgementForm(actor, params.id),
  });

  route(app, {
    method: 'POST',
    url: '/api/people/:id/acknowledgements',
    action: 'people:acknowledgement.record',
    params: idParam,
    body: z
      .object({
        printedName: text(200),
        signature: text(200),
        signedOn: date,
        departmentAndTitle: text(400),
        policyVersionId: id.optional(),
        textSha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'expected a SHA-256 in hex').optional(),
      })
      .strict(),
    handler: async ({ params, body, actor }, _req, reply) => reply.status(201).send({ acknowledgement: await people.acknowledge(actor, params.id, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/people/:id/trainings',
    action: 'people:training.record',
    params: idParam,
    body: z
      .object({
        kind: z.enum(['training', 'provider_terms']),
        platformType: z.string().trim().regex(/^[A-Za-z0-9_.-]{1,50}$/, 'a platform type such as bluesky'),
        completedOn: date,
        notes: z.string().trim().max(2000).nullish(),
      })
      .strict(),
    handler: async ({ params, body, actor }, _req, reply) => reply.status(201).send({ training: await people.recordTraining(actor, params.id, body) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/people/:id/authorization',
    action: 'people:authorization.read',
    params: idParam,
    query: z.object({ platformId: id.optional() }),
    handler: async ({ params, query, actor }) => {
      // Who may read is checked before the registry is consulted.
      await people.authorizationFor(actor, params.id, []);
      const platforms = await platformFacts(query.platformId);
      const results = await people.authorizationFor(actor, params.id, platforms);
      const title = (c: string) => ctx.pack.clauses.find((x) => x.id === c)?.title ?? null;
      return {
        results: results.map((r, i) => ({
          ...r,
          platformName: platforms[i]?.name,
          unmet: r.unmet.map((u) => ({ ...u, title: title(u.clause) })),
        })),
      };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/people/:id/legislative-notifications',
    action: 'people:legislative.notify',
    params: idParam,
    body: z.object({ body: text(200), notifiedOn: date, method: text(200) }).strict(),
    handler: async ({ params, body, actor }, _req, reply) => reply.status(201).send({ notification: await people.recordLegislativeNotification(actor, params.id, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/people/:id/incidents',
    action: 'people:incident.record',
    params: idParam,
    body: z.object({ occurredOn: date, description: text(4000), clauses: z.array(text(60)).min(1).max(20) }).strict(),
    handler: async ({ params, body, actor }, _req, reply) => reply.status(201).send({ incident: await people.recordIncident(actor, params.id, body) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/people/:id/access',
    action: 'people:access.change',
    params: idParam,
    body: z.object({ action: z.enum(['suspend', 'revoke', 'reinstate']), reason: text(2000), incidentId: id.nullish() }).strict(),
    handler: async ({ params, body, actor }) => people.changeAccess(actor, params.id, body),
  });
}
