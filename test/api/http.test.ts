import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';
import { SESSION_COOKIE } from '../../src/http/plugins/session.ts';
import { appWithPersonas, as, persona } from './personas.ts';

describeWithContext('HTTP basics', (get, dialect) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appWithPersonas(get(), new Map([['cm', persona('p-cm', 'Casey Manager', [{ role: 'city_manager' }])]]));
  });
  afterAll(async () => app?.close());

  it('health names the database and the policy pack', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', db: dialect, policy: { id: get().pack.id, version: get().pack.version } });
  });

  it('serves a strict Content-Security-Policy', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/object-src 'none'/);
  });

  it('NUL characters and unpaired surrogates are a 400 naming the field on both databases, not a 500', async () => {
    for (const bad of ['a\u0000b', 'x\ud800y', '\udc00']) {
      const res = await app.inject({ method: 'POST', url: '/api/exceptions', headers: { ...as('cm'), 'content-type': 'application/json' }, payload: JSON.stringify({ clauseId: 'IV.C.6', reason: bad, details: { note: bad } }) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/^body\.reason: .*not text/);
    }
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'cm\u0000@carsonca.gov', password: 'x' } });
    expect(login.statusCode).toBe(400);
  });

  it('malformed JSON is a 400 naming the problem, not a 500', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/exceptions', headers: { ...as('cm'), 'content-type': 'application/json' }, payload: '{"clauseId":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/JSON/i);
  });

  it('invalid input names the field', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/exceptions', headers: as('cm'), payload: { clauseId: 'IV.C.6', startsOn: 'tomorrow' } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toContain('body.startsOn');
    expect(paths).toContain('body.agendaItem');
  });

  it('unknown routes and ids are 404', async () => {
    expect((await app.inject({ url: '/api/nothing-here', headers: as('cm') })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/policy/clauses/IV.Z.1' })).statusCode).toBe(404);
    const res = await app.inject({ method: 'POST', url: '/api/exceptions/nope/revoke', headers: as('cm'), payload: { reason: 'x' } });
    expect(res.statusCode).toBe(404);
  });

  it('a signed-in write without the CSRF token is refused', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/exceptions/nope/revoke', headers: { cookie: `${SESSION_COOKIE}=cm` }, payload: { reason: 'x' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/CSRF/);
  });

  it('a cross-site write is refused', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/exceptions/nope/revoke', headers: { ...as('cm'), origin: 'https://evil.example' }, payload: { reason: 'x' } });
    expect(res.statusCode).toBe(403);
  });

  it('the public reads the policy without signing in, but not the audit log', async () => {
    expect((await app.inject({ url: '/api/policy' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/audit' })).statusCode).toBe(401);
  });

  it('a refusal cites clause ids with their titles', async () => {
    const clerkless = persona('p-emp', 'Eli Employee', [{ role: 'employee' }]);
    const app2 = await appWithPersonas(get(), new Map([['emp', clerkless]]));
    const res = await app2.inject({ method: 'GET', url: '/api/exceptions', headers: as('emp') });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    await app2.close();
  });
});
