import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { publicActor, type Actor } from '../../kernel/actor.ts';
import { AppError } from '../../kernel/errors.ts';

export const SESSION_COOKIE = 'crier_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface ResolvedSession {
  id: string;
  personId: string;
  csrfToken: string;
  /** A second factor is required for this person and not yet given: the session may only finish sign-in. */
  pendingMfa: boolean;
  actor: Extract<Actor, { kind: 'person' }>;
}

/** Implemented by the identity module; the HTTP tier only asks "who is this token?". */
export interface SessionResolver {
  resolve(token: string, meta: { ip: string; userAgent: string | undefined }): Promise<ResolvedSession | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    session: ResolvedSession | null;
  }
  interface FastifyContextConfig {
    crier?: { public: boolean; action: string };
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Turns the session cookie into request.actor, then enforces: a session on unsafe methods must
 * carry its CSRF token; a browser Origin must be our own; routes that are not public need a
 * signed-in person who has finished the second factor.
 */
export const sessionPlugin = fp(async (app: FastifyInstance, opts: { resolver: SessionResolver | undefined }) => {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.actor = publicActor;
    request.session = null;
    const token = request.cookies?.[SESSION_COOKIE];
    if (token && opts.resolver) {
      const s = await opts.resolver.resolve(token, { ip: request.ip, userAgent: request.headers['user-agent'] });
      if (s) {
        request.session = s;
        if (!s.pendingMfa) request.actor = s.actor;
      }
    }
  });

  app.addHook('preHandler', async (request: FastifyRequest) => {
    const crier = request.routeOptions.config?.crier;
    if (!crier) return;
    if (UNSAFE.has(request.method)) {
      const origin = request.headers.origin;
      if (origin && origin !== 'null') {
        const host = request.headers.host;
        let sameHost = false;
        try {
          sameHost = new URL(origin).host === host;
        } catch {
          sameHost = false;
        }
        if (!sameHost) throw new AppError('forbidden', 'Cross-site request refused');
      }
      if (request.session && request.headers[CSRF_HEADER] !== request.session.csrfToken) {
        throw new AppError('forbidden', 'Missing or wrong CSRF token: reload the page and try again');
      }
    }
    if (crier.public) return;
    if (request.session?.pendingMfa) throw new AppError('mfa_required', 'Enter the code from your authenticator app to finish signing in');
    if (request.actor.kind !== 'person') throw new AppError('unauthenticated', 'Sign in to continue');
  });
});
