import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as } from '../../../test/api/personas.ts';
import { describeWithContext } from '../../../test/context.ts';
import { systemActor } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { newId } from '../../kernel/ids.ts';
import type { SessionResolver } from '../plugins/session.ts';
import { createHttpApp } from '../../main.ts';

describeWithContext('people routes', (get) => {
  let app: FastifyInstance;
  const system = systemActor('test');
  const ids: Record<string, string> = {};
  let platformId = '';

  beforeAll(async () => {
    const ctx = get();
    // The session's actor comes from the people module itself (as the identity module builds it).
    const sessions: SessionResolver = {
      async resolve(token) {
        const actor = await ctx.people.actorFor(token);
        return actor ? { id: `s-${token}`, personId: token, csrfToken: `csrf-${token}`, pendingMfa: false, actor } : null;
      },
    };
    app = await createHttpApp(ctx, { webRoot: null, sessions });
    await app.ready();
    const dept = await ctx.people.createDepartment(system, { name: 'Recreation', code: 'REC', kind: 'department' });
    ids.dept = dept.id;
    const mk = async (key: string, name: string, role: Parameters<typeof ctx.people.grantRole>[2]['role'] | null, departmentId: string | null = null) => {
      const p = await ctx.people.createPerson(system, { name, email: `${key}.${newId().slice(0, 6)}@carsonca.gov`, departmentId });
      if (role) await ctx.people.grantRole(system, p.id, { role, departmentId: role === 'department_head' || role === 'employee' ? departmentId : null });
      ids[key] = p.id;
    };
    await mk('cm', 'Cara Manager', 'city_manager');
    await mk('head', 'Rex Head', 'department_head', dept.id);
    await mk('clerk', 'Cleo Clerk', 'city_clerk');
    await mk('council', 'Carl Council', 'legislative_member');
    platformId = newId();
    const now = toIso(ctx.clock.now());
    await ctx.db.db
      .insertInto('platforms')
      .values({
        id: platformId, name: 'Rec Bluesky', type: 'bluesky', department_id: dept.id, handle: null, url: null, domain: null, purpose: 'Programs', status: 'active',
        requested_by: null, requested_at: now, it_reviewed_by: null, it_reviewed_at: null, it_review_notes: null, council_approved_on: '2026-11-01', council_agenda_item: '9',
        activated_by: null, activated_at: now, terminated_by: null, terminated_at: null, termination_reason: null, comments_enabled: 0, comments_authorized_by: null,
        comments_authorized_at: null, profile: '{}', contact_email: null, contact_phone: null, template: null, created_at: now, updated_at: now,
      })
      .execute();
  });
  afterAll(async () => app?.close());

  const call = async (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const token = ids[who] ?? who;
    const res = await app.inject({
      method,
      url,
      headers: { ...as(token), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
      payload: payload === undefined ? undefined : JSON.stringify(payload),
    });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
  };

  it('[IV.C.5] [IV.C.15(g)] [IV.C.6] [IV.A.8] walks an employee from creation to authorization over HTTP', async () => {
    const created = await call('head', 'POST', '/api/people', { name: 'Erin Employee', email: 'erin.employee@carsonca.gov', title: 'Recreation Leader', departmentId: ids.dept });
    expect(created.status).toBe(201);
    const pid = created.body.person.id as string;
    ids.emp = pid;
    expect((await call('cm', 'POST', `/api/people/${pid}/roles`, { role: 'employee', departmentId: ids.dept })).status).toBe(201);
    const designated = await call('head', 'POST', `/api/people/${pid}/designations`, { platformIds: [platformId] });
    expect(designated.status).toBe(201);

    const before = await call('emp', 'GET', `/api/people/${pid}/authorization?platformId=${platformId}`);
    expect(before.status).toBe(200);
    expect(before.body.results[0]).toMatchObject({ authorized: false, basis: 'designation', platformName: 'Rec Bluesky' });
    expect(before.body.results[0].unmet.map((u: { clause: string }) => u.clause)).toEqual(['IV.C.15(g)', 'IV.C.6', 'IV.A.8']);
    expect(before.body.results[0].unmet[0].title).toEqual(expect.any(String));

    const form = await call('emp', 'GET', `/api/people/${pid}/acknowledgement-form`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ prefill: { printedName: 'Erin Employee', departmentAndTitle: 'Recreation, Recreation Leader' }, textSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const sign = { printedName: 'Erin Employee', signedOn: form.body.prefill.signedOn, departmentAndTitle: form.body.prefill.departmentAndTitle, policyVersionId: form.body.policyVersion.id, textSha256: form.body.textSha256 };
    const mismatch = await call('emp', 'POST', `/api/people/${pid}/acknowledgements`, { ...sign, signature: 'E.E.' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.fields).toEqual([{ path: 'signature', message: expect.any(String) }]);
    expect((await call('emp', 'POST', `/api/people/${pid}/acknowledgements`, { ...sign, signature: 'Erin Employee' })).status).toBe(201);
    for (const kind of ['training', 'provider_terms']) {
      expect((await call('head', 'POST', `/api/people/${pid}/trainings`, { kind, platformType: 'bluesky', completedOn: '2026-11-18' })).status).toBe(201);
    }

    const after = await call('head', 'GET', `/api/people/${pid}/authorization?platformId=${platformId}`);
    expect(after.body.results[0]).toMatchObject({ authorized: true, unmet: [] });
    const all = await call('emp', 'GET', `/api/people/${pid}/authorization`);
    expect(all.body.results.find((r: { platformId: string }) => r.platformId === platformId)).toMatchObject({ authorized: true });

    const me = await call('emp', 'GET', '/api/me');
    expect(me.status).toBe(200);
    expect(me.body.person).toMatchObject({ id: pid, status: 'active', abilities: { 'person.read': true, 'person.update': false, 'access.change': false } });
    expect(me.body.person.roles).toContainEqual({ role: 'authorized_employee', departmentId: ids.dept, designeeOf: null });
    expect(me.body.person.acknowledgements).toHaveLength(1);
    expect(me.body.person.trainings).toHaveLength(2);
  });

  it('[IV.E] suspension over HTTP blocks authorization and strips staff roles; reinstatement restores', async () => {
    const pid = ids.emp!;
    expect((await call('head', 'POST', `/api/people/${pid}/access`, { action: 'suspend', reason: 'x' })).status).toBe(403);
    const inc = await call('head', 'POST', `/api/people/${pid}/incidents`, { occurredOn: '2026-11-18', description: 'Posted a personal photo', clauses: ['IV.C.15(f)(i)'] });
    expect(inc.status).toBe(201);
    const s = await call('cm', 'POST', `/api/people/${pid}/access`, { action: 'suspend', reason: 'Pending review', incidentId: inc.body.incident.id });
    expect(s.status).toBe(200);
    expect(s.body.person.status).toBe('suspended');
    const blocked = await call('cm', 'GET', `/api/people/${pid}/authorization?platformId=${platformId}`);
    expect(blocked.body.results[0].unmet.map((u: { clause: string }) => u.clause)).toEqual(['IV.E']);
    expect((await call('emp', 'GET', '/api/me')).body.person.roles).toEqual([]);
    expect((await call('cm', 'POST', `/api/people/${pid}/access`, { action: 'reinstate', reason: 'Cleared' })).status).toBe(200);
    expect((await call('cm', 'GET', `/api/people/${pid}/authorization?platformId=${platformId}`)).body.results[0].authorized).toBe(true);
    const audit = await call('cm', 'GET', `/api/audit?targetId=${pid}`);
    expect(audit.body.events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['incident.recorded', 'access.suspended', 'access.reinstated']));
  });

  it('[IV.B] records the notification of a legislative body member; members lacking one are listed', async () => {
    const missing = await call('clerk', 'GET', '/api/legislative-members/unnotified');
    expect(missing.body.people.map((p: { id: string }) => p.id)).toContain(ids.council);
    const n = await call('clerk', 'POST', `/api/people/${ids.council}/legislative-notifications`, { body: 'City Council', notifiedOn: '2026-11-18', method: 'letter' });
    expect(n.status).toBe(201);
    expect((await call('clerk', 'GET', '/api/legislative-members/unnotified')).body.people.map((p: { id: string }) => p.id)).not.toContain(ids.council);
    const refused = await call('cm', 'POST', `/api/people/${ids.council}/designations`, { platformIds: [platformId] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.clauses.map((c: { id: string }) => c.id)).toContain('IV.B');
  });

  it('validates input (400 naming the field), answers 404 for unknown ids and 403 for forbidden actions', async () => {
    const bad = await call('cm', 'POST', `/api/people/${ids.head}/roles`, { role: 'king' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('body.role');
    expect((await call('cm', 'POST', '/api/people', { name: 'X', email: 'not-an-email' })).body.error.fields[0].path).toBe('body.email');
    expect((await call('cm', 'POST', `/api/people/${ids.head}/trainings`, { kind: 'training', platformType: 'bluesky', completedOn: '2026-02-30' })).status).toBe(400);
    expect((await call('cm', 'GET', '/api/people/nobody')).status).toBe(404);
    expect((await call('cm', 'GET', `/api/people/${ids.head}/authorization?platformId=nothing`)).status).toBe(404);
    expect((await call('head', 'POST', '/api/departments', { name: 'Shadow', code: 'SH' })).status).toBe(403);
    const depts = await call('head', 'GET', '/api/departments');
    expect(depts.body).toMatchObject({ departments: expect.any(Array), abilities: { 'department.create': false } });
    expect((await call('emp', 'GET', '/api/people')).status).toBe(403);
    expect((await call('emp', 'GET', `/api/people/${ids.cm}`)).status).toBe(403);
    const list = await call('cm', 'GET', '/api/people?role=department_head');
    expect(list.body.people.map((p: { id: string }) => p.id)).toEqual([ids.head]);
    const patched = await call('cm', 'PATCH', `/api/people/${ids.head}`, { title: 'Director of Recreation' });
    expect(patched.body.person).toMatchObject({ title: 'Director of Recreation', abilities: { 'person.update': true, 'role.grant': true } });
    expect((await call('cm', 'PATCH', `/api/people/${ids.head}`, {})).status).toBe(400);
  });
});
