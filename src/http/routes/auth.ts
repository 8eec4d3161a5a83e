import { escapeHtml } from '../../kernel/html.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError, isAppError } from '../../kernel/errors.ts';
import type { SignInResult } from '../../modules/identity/index.ts';
import { errorBody, STATUS } from '../errors.ts';
import { SESSION_COOKIE } from '../plugins/session.ts';
import { route } from '../route.ts';

/** Binds an OIDC sign-in to the browser that started it (SameSite=Lax: it must survive the IdP's redirect back). */
export const OIDC_STATE_COOKIE = 'crier_oidc_state';

const LOGIN_LIMIT = { max: 10, timeWindow: '1 minute' };
const CODE_LIMIT = { max: 10, timeWindow: '1 minute' };

const code = z.string().trim().regex(/^\d{6}$/, 'expected the 6-digit code from your authenticator app');

function secure(ctx: AppContext, request: FastifyRequest): boolean {
  return ctx.config.cookieSecure === true || (ctx.config.cookieSecure === 'auto' && request.protocol === 'https');
}

function setSessionCookie(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, result: { token: string; expiresAt: string }): void {
  reply.setCookie(SESSION_COOKIE, result.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: secure(ctx, request),
    path: '/',
    expires: new Date(result.expiresAt),
  });
}

function clearSessionCookie(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: secure(ctx, request), path: '/' });
}

/** After the second factor the session lives longer: the same token, a later expiry. */
function extendCookie(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, expiresAt: string): void {
  const token = request.cookies?.[SESSION_COOKIE];
  if (token) setSessionCookie(ctx, request, reply, { token, expiresAt });
}

const meta = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });

/** What a sign-in step answers: no token (it is in the cookie), the CSRF token, and what comes next. */
const signInBody = (r: SignInResult) => ({ next: r.next, csrfToken: r.csrfToken, mfa: r.mfa, expiresAt: r.expiresAt });


export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: '/api/session',
    action: 'public',
    public: true,
    handler: async (_input, request) => ctx.identity.describe(request.session),
  });

  route(app, {
    method: 'POST',
    url: '/api/auth/login',
    action: 'public',
    public: true,
    rateLimit: LOGIN_LIMIT,
    body: z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(1024) }),
    handler: async ({ body }, request, reply) => {
      const result = await ctx.identity.loginWithPassword(body, meta(request));
      // A new sign-in replaces the session this browser had.
      if (request.session) await ctx.identity.logout(request.session);
      setSessionCookie(ctx, request, reply, result);
      return signInBody(result);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/auth/logout',
    action: 'public',
    public: true,
    handler: async (_input, request, reply) => {
      await ctx.identity.logout(request.session);
      clearSessionCookie(ctx, request, reply);
      return { signedOut: true };
    },
  });

  // The TOTP routes are public to the plugin so a pending session (second factor not yet given)
  // can reach them; the service requires a session itself.
  route(app, {
    method: 'POST',
    url: '/api/auth/totp/enroll',
    action: 'signed-in',
    public: true,
    rateLimit: CODE_LIMIT,
    handler: async (_input, request) => ctx.identity.startTotpEnrollment(request.session),
  });

  route(app, {
    method: 'POST',
    url: '/api/auth/totp/activate',
    action: 'signed-in',
    public: true,
    rateLimit: CODE_LIMIT,
    body: z.object({ code }),
    handler: async ({ body }, request, reply) => {
      const { expiresAt } = await ctx.identity.activateTotp(request.session, body.code);
      extendCookie(ctx, request, reply, expiresAt);
      return { enrolled: true, next: 'signed_in', expiresAt };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/auth/totp/verify',
    action: 'signed-in',
    public: true,
    rateLimit: CODE_LIMIT,
    body: z.object({ code }),
    handler: async ({ body }, request, reply) => {
      const { expiresAt } = await ctx.identity.verifyTotp(request.session, body.code);
      extendCookie(ctx, request, reply, expiresAt);
      return { next: 'signed_in', expiresAt };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/auth/password',
    action: 'identity:identity.set_password',
    rateLimit: LOGIN_LIMIT,
    body: z.object({
      personId: z.string().min(1).max(100).optional(),
      currentPassword: z.string().max(1024).optional(),
      newPassword: z.string().min(1).max(1024),
    }),
    handler: async ({ body, actor }, request) => {
      const personId = body.personId ?? (actor.kind === 'person' ? actor.personId : '');
      await ctx.identity.setPassword(actor, personId, body.newPassword, {
        ...(body.currentPassword !== undefined ? { currentPassword: body.currentPassword } : {}),
        ...(request.session ? { keepSessionId: request.session.id } : {}),
      });
      return { changed: true };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/auth/oidc/start',
    action: 'public',
    public: true,
    rateLimit: { max: 30, timeWindow: '1 minute' },
    query: z.object({ returnTo: z.string().max(500).optional() }),
    handler: async ({ query }, request, reply) => {
      const { url, state } = await ctx.identity.oidcStart(meta(request), query.returnTo);
      reply.setCookie(OIDC_STATE_COOKIE, state, { httpOnly: true, sameSite: 'lax', secure: secure(ctx, request), path: '/api/auth/oidc', maxAge: 600 });
      return reply.redirect(url, 302);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/auth/oidc/callback',
    action: 'public',
    public: true,
    rateLimit: { max: 30, timeWindow: '1 minute' },
    query: z.object({ state: z.string().max(500).optional(), code: z.string().max(4000).optional() }).loose(),
    handler: async (_input, request, reply) => {
      const browserState = request.cookies?.[OIDC_STATE_COOKIE];
      reply.clearCookie(OIDC_STATE_COOKIE, { path: '/api/auth/oidc' });
      try {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
        const result = await ctx.identity.oidcFinish(query, browserState, meta(request));
        setSessionCookie(ctx, request, reply, result);
        return reply.redirect(result.returnTo, 302);
      } catch (e) {
        if (!isAppError(e) || !(request.headers.accept ?? '').includes('text/html')) throw e;
        return reply.status(STATUS[e.code]).type('text/html').send(errorPage(e));
      }
    },
  });
}

/** The browser arrives at the callback by redirect: a refusal is a readable page, not JSON. */
function errorPage(e: AppError): string {
  const body = errorBody(e, () => null).error;
  const clauses = body.clauses?.length ? `<p>Policy: ${body.clauses.map((c) => escapeHtml(c.id)).join(', ')}</p>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in refused — Crier</title></head><body><main><h1>Sign-in refused</h1><p>${escapeHtml(body.message)}</p>${clauses}<p><a href="/">Back to the sign-in page</a></p></main></body></html>`;
}
