import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PersonActor } from '../../src/kernel/actor.ts';
import { describeWithContext } from '../context.ts';
import { appWithPersonas, as } from '../api/personas.ts';
import { desk, FORM, pst, type Desk } from './support.ts';

describeWithContext('records request desk over HTTP', (get) => {
  let app: FastifyInstance;
  let d: Desk;
  beforeAll(async () => {
    d = await desk(get());
    app = await appWithPersonas(get(), new Map<string, PersonActor>([['clerk', d.clerk], ['attorney', d.attorney], ['council', d.council]]));
  }, 120_000);
  afterAll(async () => app?.close());

  it('[IV.A.11] anyone submits without signing in, gets a reference and follows it; hostile text is kept as text; the form is rate-limited', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-19T10:00'));
    const hostile = `<img src=x onerror=alert(1)> '; DROP TABLE records_requests; -- ${'\u202e'}évidence 📎`;
    const res = await app.inject({ method: 'POST', url: '/api/public/records-requests', payload: { ...FORM, description: hostile } });
    expect(res.statusCode).toBe(201);
    const ref = res.json().request.reference as string;
    expect(res.json().request).toMatchObject({ status: 'open', receivedOn: '2026-11-19', determinationDueOn: '2026-11-29' });
    const status = await app.inject({ method: 'GET', url: `/api/public/records-requests/${encodeURIComponent(ref)}` });
    expect(status.statusCode).toBe(200);
    expect(status.body).not.toMatch(/Jamie|example\.org|onerror|DROP/);
    const list = await app.inject({ method: 'GET', url: '/api/records-requests', headers: as('clerk') });
    expect(list.json().requests.find((r: { reference: string }) => r.reference === ref).description).toBe(hostile.trim());
    // No contact: a 400 naming the fields.
    const none = await app.inject({ method: 'POST', url: '/api/public/records-requests', payload: { description: FORM.description } });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['email', 'phone', 'postalAddress']);
    expect((await app.inject({ method: 'POST', url: '/api/public/records-requests', payload: { ...FORM, ownerId: 'x' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/public/records-requests', payload: { ...FORM, description: 'x\u0000y' } })).statusCode).toBe(400);
    let last = 0;
    for (let i = 0; i < 10; i++) last = (await app.inject({ method: 'POST', url: '/api/public/records-requests', payload: FORM })).statusCode;
    expect(last).toBe(429);
    // Staff pages stay behind sign-in, and Council members never see them.
    expect((await app.inject({ method: 'GET', url: '/api/records-requests' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/records-requests', headers: as('council') })).statusCode).toBe(403);
  });

  it('[IV.A.11] an extension without a ground, or a second one, is refused citing IV.A.11', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/records-requests', headers: as('clerk'), payload: { ...FORM, channel: 'phone' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().request.id as string;
    const notice = 'We need up to 14 more days to consult the County about these records.';
    const bare = await app.inject({ method: 'POST', url: `/api/records-requests/${id}/extend`, headers: as('clerk'), payload: { days: 10, noticeText: notice } });
    expect(bare.statusCode).toBe(403);
    expect(bare.json().error.code).toBe('policy_refusal');
    expect(bare.json().error.clauses.map((c: { id: string }) => c.id)).toEqual(['IV.A.11']);
    const ok = await app.inject({ method: 'POST', url: `/api/records-requests/${id}/extend`, headers: as('clerk'), payload: { ground: 'consultation', days: 14, noticeText: notice } });
    expect(ok.statusCode).toBe(200);
    const again = await app.inject({ method: 'POST', url: `/api/records-requests/${id}/extend`, headers: as('clerk'), payload: { ground: 'voluminous', days: 2, noticeText: notice } });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.clauses).toEqual([{ id: 'IV.A.11', title: 'Public records; City Clerk; disclaimer' }]);
    const unknown = await app.inject({ method: 'POST', url: `/api/records-requests/${id}/extend`, headers: as('clerk'), payload: { ground: 'we_are_busy', days: 2, noticeText: notice } });
    expect(unknown.statusCode).toBe(400);
  });
});
