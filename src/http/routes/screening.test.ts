import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWithPersonas, as, persona } from '../../../test/api/personas.ts';
import { createTestContext, type TestContext } from '../../../test/context.ts';
import type { PersonActor } from '../../kernel/actor.ts';

// The subject is the route (shape, clause titles, refusals), not the database: SQLite only.
describe('POST /api/screening/post (the post editor\'s live findings)', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
    const people = new Map<string, PersonActor>([
      ['poster', persona('p-poster', 'Jordan Poster', [{ role: 'authorized_employee', departmentId: 'd-pw' }])],
      ['employee', persona('p-emp', 'Sam Employee', [{ role: 'employee', departmentId: 'd-pw' }])],
    ]);
    app = await appWithPersonas(ctx, people);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await ctx?.close();
  });

  const post = async (who: string | null, payload: unknown) => {
    const res = await app.inject({ method: 'POST', url: '/api/screening/post', headers: { ...(who ? as(who) : {}), 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
    return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
  };

  it('[IV.A.8] answers findings with clause titles, and per platform type what only that platform limits', async () => {
    const text = 'Please move your car by 7 a.m. to aviod a ticket on Carson Street. '.repeat(5) + 'https://ci.carson.ca.us/streets';
    const r = await post('poster', { text, platformTypes: ['x', 'facebook'], images: [{ altText: 'image' }] });
    expect(r.status).toBe(200);
    const findings = r.body.findings as Array<{ ruleId: string; clause: string; clauseTitle: string | null; span?: { text: string } }>;
    const byPlatform = r.body.byPlatform as Record<string, Array<{ ruleId: string; clause: string; clauseTitle: string | null }>>;
    expect(findings.find((f) => f.ruleId === 'spelling')).toMatchObject({ clause: 'IV.D.4', clauseTitle: expect.any(String), span: { text: 'aviod' } });
    expect(byPlatform.x!.find((f) => f.ruleId === 'platform-length')).toMatchObject({ clause: 'IV.A.8', clauseTitle: expect.any(String) });
    expect(byPlatform.facebook).toEqual([]);
    expect(findings.some((f) => f.ruleId === 'platform-length')).toBe(false);
  });

  it('[IV.D.3] tells the author when an invitation\'s date is past on the day the post would go out', async () => {
    ctx.clock.set('2026-11-19T18:00:00Z');
    const text = 'Join us at Carson Park on Saturday, November 14 for the fall cleanup. https://ci.carson.ca.us/parks';
    const now = await post('poster', { text });
    const findings = now.body.findings as Array<{ clause: string; severity: string; clauseTitle: string | null; message: string }>;
    expect(findings.find((f) => f.clause === 'IV.D.3')).toMatchObject({ severity: 'advice', clauseTitle: expect.stringMatching(/timely/i), message: expect.stringContaining('November 14, 2026') });
    // scheduled (City wall time, as the compose form holds it) before the date: timely
    const early = await post('poster', { text, scheduledFor: '2026-11-13T09:00' });
    expect((early.body.findings as Array<{ clause: string }>).some((f) => f.clause === 'IV.D.3')).toBe(false);
    // a half-typed schedule is read as now, not refused
    const typing = await post('poster', { text, scheduledFor: '2026-11-1' });
    expect(typing.status).toBe(200);
    expect((typing.body.findings as Array<{ clause: string }>).some((f) => f.clause === 'IV.D.3')).toBe(true);
  });

  it('[IV.C.5] refuses an employee who may not post, and the public', async () => {
    const r = await post('employee', { text: 'hello' });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'forbidden', clauses: [{ id: 'IV.C.5', title: expect.any(String) }] });
    expect((await post(null, { text: 'hello' })).status).toBe(401);
  });

  it('rejects a body that is not a draft, naming the field', async () => {
    const r = await post('poster', { text: 'x', platformTypes: ['not a type!'] });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('platformTypes');
  });
});
