import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithContext, type TestContext } from '../context.ts';
import { createHttpApp } from '../../src/main.ts';
import { systemActor } from '../../src/kernel/actor.ts';
import { createIdentityService } from '../../src/modules/identity/index.ts';
import { codeAt } from '../../src/modules/identity/totp.ts';
import { SESSION_COOKIE } from '../../src/http/plugins/session.ts';
import type { Config } from '../../src/config/index.ts';
import { GOOD_PASSWORD, insertPerson, testActorFor } from './helpers.ts';

let ipCounter = 0;
/** A fresh client address per test, so the per-IP login limit does not leak between tests. */
const nextIp = () => `10.20.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

async function appFor(ctx: TestContext, config: Partial<Config> = {}): Promise<FastifyInstance> {
  const identity = createIdentityService({
    db: ctx.db.db,
    dialect: ctx.db.dialect,
    clock: ctx.clock,
    pack: ctx.pack,
    audit: ctx.audit,
    config: { ...ctx.config, ...config },
    actorFor: testActorFor(ctx.db.db),
  });
  return createHttpApp({ ...ctx, identity, config: { ...ctx.config, ...config } }, { webRoot: null, sessions: identity });
}

interface Client {
  cookie: string;
  csrf: string;
  ip: string;
}

async function login(app: FastifyInstance, email: string, password = GOOD_PASSWORD, ip = nextIp()) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  const client: Client | null = c ? { cookie: `${SESSION_COOKIE}=${c.value}`, csrf: res.json().csrfToken, ip } : null;
  return { res, client, setCookie: c };
}

const get = (app: FastifyInstance, url: string, c: Client) => app.inject({ method: 'GET', url, headers: { cookie: c.cookie }, remoteAddress: c.ip });
const post = (app: FastifyInstance, url: string, c: Client, payload: object = {}, csrf: string | null = c.csrf) =>
  app.inject({ method: 'POST', url, payload, headers: { cookie: c.cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) }, remoteAddress: c.ip });

describeWithContext('auth routes', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appFor(ctx());
  });
  afterAll(async () => {
    await app?.close();
  });

  async function person(options: Parameters<typeof insertPerson>[1] = {}) {
    const p = await insertPerson(ctx().db.db, options);
    await ctx().identity.createLocalAccount(systemActor('seed'), { personId: p.id, password: GOOD_PASSWORD });
    return p;
  }

  it('signs in: an HttpOnly, SameSite=Strict cookie (not Secure over plain http), and GET /api/session describes the person', async () => {
    const p = await person({ roles: ['employee'] });
    const { res, client, setCookie } = await login(app, p.email);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ next: 'signed_in', mfa: { required: false, pending: false } });
    expect(res.json()).not.toHaveProperty('token');
    expect(setCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(setCookie!.secure).toBeFalsy();
    expect(setCookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const s = await get(app, '/api/session', client!);
    expect(s.json()).toMatchObject({ authenticated: true, person: { id: p.id, email: p.email }, csrfToken: client!.csrf, roles: [{ role: 'employee' }], oidc: { enabled: false } });
  });

  it('the cookie is Secure when configured so', async () => {
    const secureApp = await appFor(ctx(), { cookieSecure: true });
    const p = await person();
    const { setCookie } = await login(secureApp, p.email);
    expect(setCookie!.secure).toBe(true);
    await secureApp.close();
  });

  it('GET /api/session without a session: not authenticated, no CSRF token', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/session' });
    expect(res.json()).toMatchObject({ authenticated: false, roles: [], csrfToken: null, mfa: { pending: false } });
  });

  it('a wrong password and an unknown email get the same 401', async () => {
    const p = await person();
    const a = await login(app, p.email, 'wrong-password-123');
    const b = await login(app, 'nobody-here@carsonca.gov', 'wrong-password-123');
    expect(a.res.statusCode).toBe(401);
    expect(b.res.statusCode).toBe(401);
    expect(a.res.json()).toEqual(b.res.json());
    expect(a.setCookie).toBeUndefined();
  });

  it('refuses an unsafe request without the CSRF token; logout with it ends the session', async () => {
    const p = await person();
    const { client } = await login(app, p.email);
    const refused = await post(app, '/api/auth/logout', client!, {}, null);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/CSRF/);
    expect((await post(app, '/api/auth/logout', client!, {}, 'wrong')).statusCode).toBe(403);
    const out = await post(app, '/api/auth/logout', client!);
    expect(out.statusCode).toBe(200);
    expect((await get(app, '/api/session', client!)).json().authenticated).toBe(false);
    expect((await get(app, '/api/audit', client!)).statusCode).toBe(401);
  });

  it('refuses a cross-site Origin on sign-in', async () => {
    const p = await person();
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: p.email, password: GOOD_PASSWORD }, headers: { origin: 'https://evil.example' }, remoteAddress: nextIp() });
    expect(res.statusCode).toBe(403);
  });

  it('locks after 5 failures; the per-IP limit answers 429 past 10 attempts a minute', async () => {
    const p = await person();
    const ip = nextIp();
    for (let i = 0; i < 5; i++) expect((await login(app, p.email, `wrong-password-${i}`, ip)).res.statusCode).toBe(401);
    expect((await login(app, p.email, GOOD_PASSWORD, ip)).res.statusCode).toBe(401);
    for (let i = 0; i < 4; i++) await login(app, 'x@carsonca.gov', 'whatever-password', ip);
    const limited = await login(app, p.email, GOOD_PASSWORD, ip);
    expect(limited.res.statusCode).toBe(429);
    expect(limited.res.json().error.code).toBe('rate_limited');
  });

  it('bad input is a 400 naming the field', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.c' }, remoteAddress: nextIp() });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('body.password');
  });

  it('TOTP is required for the City Manager: the pending session reaches nothing else (401 mfa_required) until enrolled; a replayed code is refused', async () => {
    const p = await person({ roles: ['city_manager'] });
    const { res, client } = await login(app, p.email);
    expect(res.json()).toMatchObject({ next: 'totp_enrollment_required', mfa: { required: true, enrolled: false, pending: true } });
    const blocked = await get(app, '/api/audit', client!);
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.code).toBe('mfa_required');
    expect((await get(app, '/api/session', client!)).json()).toMatchObject({ authenticated: false, roles: [], mfa: { pending: true } });

    const enroll = await post(app, '/api/auth/totp/enroll', client!);
    expect(enroll.statusCode).toBe(200);
    const { secret, otpauthUrl, qrDataUrl } = enroll.json();
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await post(app, '/api/auth/totp/activate', client!, { code: 'abc' })).statusCode).toBe(400);
    const code = await codeAt(secret, ctx().clock.now());
    expect((await post(app, '/api/auth/totp/activate', client!, { code })).statusCode).toBe(200);
    expect((await get(app, '/api/audit', client!)).statusCode).toBe(200);
    // Never shown again.
    expect((await post(app, '/api/auth/totp/enroll', client!)).statusCode).toBe(409);

    const second = await login(app, p.email);
    expect(second.res.json().next).toBe('totp_required');
    expect((await get(app, '/api/audit', second.client!)).json().error.code).toBe('mfa_required');
    expect((await post(app, '/api/auth/totp/verify', second.client!, { code })).statusCode).toBe(401);
    ctx().clock.advance(30_000);
    const fresh = await codeAt(secret, ctx().clock.now());
    const verified = await post(app, '/api/auth/totp/verify', second.client!, { code: fresh });
    expect(verified.statusCode).toBe(200);
    // The same cookie, now lasting the full session.
    const renewed = verified.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(`${SESSION_COOKIE}=${renewed.value}`).toBe(second.client!.cookie);
    expect(renewed).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(renewed.expires!.getTime()).toBeGreaterThan(second.setCookie!.expires!.getTime());
    expect((await get(app, '/api/audit', second.client!)).statusCode).toBe(200);
    // Audit: sign-in, enrollment and verification are recorded; the secret never is.
    const events = await ctx().db.db.selectFrom('audit_events').select(['action', 'after_json']).where('target_id', '=', p.id).execute();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['identity.signed_in', 'identity.totp_enrollment_started', 'identity.totp_enrolled', 'identity.mfa_verified']));
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it('a pending session cannot change the password', async () => {
    const p = await person({ roles: ['it_manager'] });
    const { client } = await login(app, p.email);
    const res = await post(app, '/api/auth/password', client!, { currentPassword: GOOD_PASSWORD, newPassword: 'a-brand-new-passphrase' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('mfa_required');
  });

  it('POST /api/auth/password changes one’s own password and keeps this session', async () => {
    const p = await person({ roles: ['employee'] });
    const { client } = await login(app, p.email);
    const weak = await post(app, '/api/auth/password', client!, { currentPassword: GOOD_PASSWORD, newPassword: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/commonly used/);
    const ok = await post(app, '/api/auth/password', client!, { currentPassword: GOOD_PASSWORD, newPassword: 'a-brand-new-passphrase' });
    expect(ok.statusCode).toBe(200);
    expect((await get(app, '/api/session', client!)).json().authenticated).toBe(true);
    expect((await login(app, p.email, 'a-brand-new-passphrase')).res.statusCode).toBe(200);
  });

  it('[IV.E] a suspended person cannot sign in, and their open session stops working', async () => {
    const p = await person({ roles: ['employee'] });
    const { client } = await login(app, p.email);
    await ctx().db.db.updateTable('persons').set({ status: 'suspended' }).where('id', '=', p.id).execute();
    const res = (await login(app, p.email)).res;
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'policy_refusal', clauses: [{ id: 'IV.E' }] });
    expect((await get(app, '/api/audit', client!)).statusCode).toBe(401);
  });

  it('[IV.C.15(c)] [IV.C.15(d)] with City network ranges set, sign-in and sessions from outside are refused citing the clauses', async () => {
    const fenced = await appFor(ctx(), { staffNetworks: ['10.20.0.0/16', 'fd00:c17::/32'] });
    const p = await person({ roles: ['employee'] });
    const inside = await login(fenced, p.email);
    expect(inside.res.statusCode).toBe(200);
    const outside = await login(fenced, p.email, GOOD_PASSWORD, '203.0.113.7');
    expect(outside.res.statusCode).toBe(403);
    expect(outside.res.json().error).toMatchObject({ code: 'policy_refusal', clauses: [{ id: 'IV.C.15(c)' }, { id: 'IV.C.15(d)' }] });
    expect(outside.res.json().error.clauses[0].title).toBeTruthy();
    const moved = await get(fenced, '/api/session', { ...inside.client!, ip: '198.51.100.4' });
    expect(moved.statusCode).toBe(403);
    expect(moved.json().error.clauses.map((c: { id: string }) => c.id)).toEqual(['IV.C.15(c)', 'IV.C.15(d)']);
    expect((await get(fenced, '/api/session', { ...inside.client!, ip: 'fd00:c17::9' })).json().authenticated).toBe(true);
    await fenced.close();
  });

  it('OIDC routes answer 404 when single sign-on is not configured', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/auth/oidc/start', remoteAddress: nextIp() });
    expect(res.statusCode).toBe(404);
  });
});
