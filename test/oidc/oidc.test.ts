import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithContext, type TestContext } from '../context.ts';
import { createHttpApp } from '../../src/main.ts';
import type { Config } from '../../src/config/index.ts';
import type { Role } from '../../src/kernel/actor.ts';
import { SESSION_COOKIE } from '../../src/http/plugins/session.ts';
import { OIDC_STATE_COOKIE } from '../../src/http/routes/auth.ts';
import { createIdentityService } from '../../src/modules/identity/index.ts';
import { codeAt } from '../../src/modules/identity/totp.ts';
import { insertPerson, testActorFor } from '../identity/helpers.ts';
import { startTestIdp, type TestIdp } from './idp.ts';

const PUBLIC_URL = 'http://127.0.0.1:3000';
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/oidc/callback`;

let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp({ redirectUri: REDIRECT_URI });
});
afterAll(async () => {
  await idp?.close();
});

async function appFor(ctx: TestContext, extra: Partial<Config> = {}): Promise<FastifyInstance> {
  const config: Config = {
    ...ctx.config,
    publicUrl: PUBLIC_URL,
    oidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, label: 'Carson single sign-on', allowHttp: true },
    ...extra,
  };
  const identity = createIdentityService({ db: ctx.db.db, dialect: ctx.db.dialect, clock: ctx.clock, pack: ctx.pack, audit: ctx.audit, config, actorFor: testActorFor(ctx.db.db) });
  return createHttpApp({ ...ctx, config, identity }, { webRoot: null, sessions: identity });
}

/** Runs the whole browser round trip: Crier start → IdP → Crier callback. Returns the callback answer and the session cookie. */
async function signIn(app: FastifyInstance, options: { returnTo?: string; dropStateCookie?: boolean; accept?: string } = {}) {
  const start = await app.inject({ method: 'GET', url: `/api/auth/oidc/start${options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : ''}` });
  expect(start.statusCode).toBe(302);
  const authUrl = new URL(start.headers.location as string);
  expect(authUrl.origin).toBe(idp.issuer);
  expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authUrl.searchParams.get('nonce')).toBeTruthy();
  const stateCookie = start.cookies.find((c) => c.name === OIDC_STATE_COOKIE)!;
  expect(stateCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  const back = await idp.browse(authUrl.toString());
  const finish = () =>
    app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { ...(options.dropStateCookie ? {} : { cookie: `${OIDC_STATE_COOKIE}=${stateCookie.value}` }), ...(options.accept ? { accept: options.accept } : {}) },
    });
  const callback = await finish();
  const session = callback.cookies.find((c) => c.name === SESSION_COOKIE);
  return { callback, cookie: session ? `${SESSION_COOKIE}=${session.value}` : null, replay: finish };
}

const sessionOf = async (app: FastifyInstance, cookie: string) => (await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).json();

describeWithContext('OpenID Connect sign-in against a local oidc-provider', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appFor(ctx());
  });
  afterAll(async () => {
    await app?.close();
  });

  async function idpPerson(roles: Role[] = ['employee'], emailVerified = true) {
    const p = await insertPerson(ctx().db.db, { roles });
    const sub = `sub-${p.id}`;
    idp.accounts.set(sub, { email: p.email, email_verified: emailVerified, name: p.name });
    return { ...p, sub };
  }

  it('GET /api/session says single sign-on is on, with its label', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/session' })).json().oidc).toEqual({ enabled: true, label: 'Carson single sign-on' });
  });

  it('signs in an existing person by verified email (code + PKCE + nonce), links the subject, and returns to the page asked for', async () => {
    const p = await idpPerson();
    idp.nextLogin = { accountId: p.sub };
    const { callback, cookie } = await signIn(app, { returnTo: '/platforms' });
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/platforms');
    expect(await sessionOf(app, cookie!)).toMatchObject({ authenticated: true, person: { id: p.id } });
    const account = await ctx().db.db.selectFrom('accounts').selectAll().where('person_id', '=', p.id).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ oidc_issuer: idp.issuer, oidc_subject: p.sub, password_hash: null });
    const actions = (await ctx().db.db.selectFrom('audit_events').select('action').where('target_id', '=', p.id).execute()).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['identity.oidc_linked', 'identity.signed_in']));

    // The link holds even when the IdP's email changes later.
    idp.accounts.set(p.sub, { email: 'renamed@carsonca.gov', email_verified: true, name: p.name });
    const again = await signIn(app);
    expect(again.callback.statusCode).toBe(302);
    expect(await sessionOf(app, again.cookie!)).toMatchObject({ authenticated: true, person: { id: p.id } });
  });

  it('never creates a person: an unknown or unverified email is refused with a clear answer (JSON, or a page for a browser)', async () => {
    idp.accounts.set('sub-stranger', { email: 'stranger@example.com', email_verified: true, name: 'Stranger' });
    idp.nextLogin = { accountId: 'sub-stranger' };
    const json = await signIn(app);
    expect(json.callback.statusCode).toBe(403);
    expect(json.callback.json().error.message).toMatch(/does not create accounts/);
    expect(json.cookie).toBeNull();
    const page = await signIn(app, { accept: 'text/html' });
    expect(page.callback.statusCode).toBe(403);
    expect(page.callback.headers['content-type']).toMatch(/text\/html/);
    expect(page.callback.body).toContain('stranger@example.com');
    const persons = await ctx().db.db.selectFrom('persons').select('id').where('email', '=', 'stranger@example.com').execute();
    expect(persons).toHaveLength(0);

    const unverified = await idpPerson(['employee'], false);
    idp.nextLogin = { accountId: unverified.sub };
    expect((await signIn(app)).callback.statusCode).toBe(403);
  });

  it('refuses a callback arriving in a browser that did not start the sign-in (login CSRF), and a replayed callback', async () => {
    const p = await idpPerson();
    idp.nextLogin = { accountId: p.sub };
    const { callback } = await signIn(app, { dropStateCookie: true });
    expect(callback.statusCode).toBe(401);
    const ok = await signIn(app);
    expect(ok.callback.statusCode).toBe(302);
    const replayed = await ok.replay();
    expect(replayed.statusCode).toBe(401);
    expect(replayed.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });

  it('the IdP refusing is an answer, not a crash', async () => {
    idp.nextLogin = { error: 'access_denied', description: 'The user cancelled' };
    const { callback } = await signIn(app);
    expect(callback.statusCode).toBe(401);
    expect(callback.json().error.code).toBe('unauthenticated');
  });

  it('a City Manager signed in by the IdP without MFA still gives a Crier TOTP code', async () => {
    const p = await idpPerson(['city_manager']);
    idp.nextLogin = { accountId: p.sub, amr: ['pwd'] };
    const { cookie } = await signIn(app);
    const s = await sessionOf(app, cookie!);
    expect(s).toMatchObject({ authenticated: false, mfa: { required: true, enrolled: false, pending: true } });
    const blocked = await app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: cookie! } });
    expect(blocked.json().error.code).toBe('mfa_required');
    const enroll = await app.inject({ method: 'POST', url: '/api/auth/totp/enroll', headers: { cookie: cookie!, 'x-csrf-token': s.csrfToken } });
    const code = await codeAt(enroll.json().secret, ctx().clock.now());
    const done = await app.inject({ method: 'POST', url: '/api/auth/totp/activate', payload: { code }, headers: { cookie: cookie!, 'x-csrf-token': s.csrfToken } });
    expect(done.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: cookie! } })).statusCode).toBe(200);
  });

  it('a City Manager whose IdP asserts MFA (amr contains "mfa") needs no second Crier code', async () => {
    const p = await idpPerson(['city_manager']);
    idp.nextLogin = { accountId: p.sub, amr: ['pwd', 'mfa'] };
    const { cookie } = await signIn(app);
    expect(await sessionOf(app, cookie!)).toMatchObject({ authenticated: true, mfa: { required: true, pending: false } });
  });

  it('[IV.E] a suspended person cannot sign in through the IdP', async () => {
    const p = await idpPerson();
    await ctx().db.db.updateTable('persons').set({ status: 'suspended' }).where('id', '=', p.id).execute();
    idp.nextLogin = { accountId: p.sub };
    const { callback, cookie } = await signIn(app);
    expect(callback.statusCode).toBe(403);
    expect(callback.json().error).toMatchObject({ code: 'policy_refusal', clauses: [{ id: 'IV.E' }] });
    expect(cookie).toBeNull();
  });

  it('[IV.C.15(c)] [IV.C.15(d)] single sign-on from outside the City network is refused', async () => {
    const fenced = await appFor(ctx(), { staffNetworks: ['10.0.0.0/8'] });
    const res = await fenced.inject({ method: 'GET', url: '/api/auth/oidc/start', remoteAddress: '203.0.113.10' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.clauses.map((c: { id: string }) => c.id)).toEqual(['IV.C.15(c)', 'IV.C.15(d)']);
    await fenced.close();
  });
});
