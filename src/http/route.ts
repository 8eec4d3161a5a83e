import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../kernel/actor.ts';
import { AppError } from '../kernel/errors.ts';
import { isStorableText } from '../kernel/text.ts';

/**
 * Declares an API route: its input schemas (zod), the authorization action it is governed by
 * (for the authorization matrix test), and its handler. Input that does not parse is a 400
 * naming the field; the handler only ever sees parsed input.
 */
export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** The rule this route is governed by, as `module:action` (e.g. `platforms:platform.activate`), or 'public' / 'signed-in'. */
  action: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Allowed without a session (public pages, sign-in). */
  public?: boolean;
  /** Allowed without CSRF token (only for flows that cannot carry one, e.g. OIDC callback GET). */
  rateLimit?: { max: number; timeWindow: string };
  handler: (
    input: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B>; actor: Actor },
    request: FastifyRequest,
    reply: FastifyReply,
  ) => Promise<unknown>;
}

export interface DeclaredRoute {
  method: string;
  url: string;
  action: string;
  public: boolean;
  body: z.ZodType | undefined;
  params: z.ZodType | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Declared on the root instance (buildApp) and shared by every child context. */
    crierRoutes: DeclaredRoute[];
  }
}

/** Every route declared on this app (used by the authorization-matrix and fuzz tests). */
export function declaredRoutes(app: FastifyInstance): DeclaredRoute[] {
  return app.crierRoutes ?? [];
}

/**
 * NUL and unpaired surrogates are not text: PostgreSQL cannot store them and no person types
 * them. Refused here, naming the field, so both databases behave alike (raw-body routes such as
 * webhooks keep the original bytes their own way).
 */
function findUnstorable(value: unknown, path: string[], depth = 0): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path.join('.');
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const found = findUnstorable(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.infer<T> {
  if (!schema) return undefined as z.infer<T>;
  const bad = findUnstorable(value, [where]);
  if (bad) throw new AppError('invalid_input', `${bad}: contains a NUL character or an unpaired surrogate, which is not text`, { fields: [{ path: bad, message: 'not text (NUL or unpaired surrogate)' }] });
  const r = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  throw new AppError('invalid_input', fields.map((f) => `${f.path}: ${f.message}`).join('; '), { fields });
}

export function route<P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(
  app: FastifyInstance,
  spec: RouteSpec<P, Q, B>,
): void {
  app.crierRoutes.push({ method: spec.method, url: spec.url, action: spec.action, public: spec.public ?? false, body: spec.body, params: spec.params });
  app.route({
    method: spec.method,
    url: spec.url,
    config: { crier: { public: spec.public ?? false, action: spec.action }, ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}) },
    handler: async (request, reply) => {
      const params = parse(spec.params, request.params, 'params');
      const query = parse(spec.query, request.query, 'query');
      const body = parse(spec.body, request.body, 'body');
      const result = await spec.handler({ params, query, body, actor: request.actor }, request, reply);
      if (reply.sent) return reply;
      if (result === undefined) return reply.status(204).send();
      return result;
    },
  });
}

/** Common param schemas. */
export const idParam = z.object({ id: z.string().min(1).max(100) });
