import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appWithPersonas, as } from '../../../test/api/personas.ts';
import { describeWithContext } from '../../../test/context.ts';
import type { PersonActor } from '../../kernel/actor.ts';
import { completeProfile, makeFactory } from '../../modules/platforms/test/factory.ts';

describeWithContext('platform and notification routes', (get) => {
  const f = makeFactory(() => get().db.db);
  let app: FastifyInstance;
  let dept: { id: string; name: string };
  const people = new Map<string, PersonActor>();

  beforeAll(async () => {
    dept = await f.department('Public Works');
    people.set('cm', await f.person('Cara Manager', [{ role: 'city_manager' }]));
    people.set('it', await f.person('Ivan Tech', [{ role: 'it_manager' }]));
    people.set('head', await f.person('Hank Head', [{ role: 'department_head', departmentId: dept.id }]));
    people.set('emp', await f.person('Eve Employee', [{ role: 'employee', departmentId: dept.id }]));
    people.set('council', await f.person('Carl Council', [{ role: 'legislative_member' }]));
    app = await appWithPersonas(get(), people);
  });
  afterAll(async () => app?.close());

  const call = async (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await app.inject({ method, url, headers: { ...as(who), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) }, payload: payload === undefined ? undefined : JSON.stringify(payload) });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
  };

  it('walks a platform from request to termination over HTTP', async () => {
    const created = await call('head', 'POST', '/api/platforms', { name: 'PW Bluesky', type: 'bluesky', purpose: 'Street work', departmentId: dept.id, handle: '@pw.test' });
    expect(created.status).toBe(201);
    const id = created.body.platform.id as string;
    expect(created.body.platform).toMatchObject({ status: 'requested', checklistPasses: false, canRemovePosts: true, connector: { type: 'bluesky', known: true } });

    const early = await call('cm', 'POST', `/api/platforms/${id}/activate`, {});
    expect(early.status).toBe(403);
    expect(early.body.error).toMatchObject({ code: 'policy_refusal', clauses: [{ id: 'IV.A.3', title: expect.any(String) }] });

    expect((await call('it', 'POST', `/api/platforms/${id}/it-review`, { decision: 'approve', notes: null, template: 'PW v1' })).status).toBe(200);
    expect((await call('cm', 'POST', `/api/platforms/${id}/council-approval`, { approvedOn: '2026-11-18', agendaItem: '12' })).status).toBe(200);
    const patched = await call('head', 'PATCH', `/api/platforms/${id}/profile`, completeProfile('Public Works'));
    expect(patched.status).toBe(200);
    expect(patched.body.platform.checklistPasses).toBe(true);
    const active = await call('it', 'POST', `/api/platforms/${id}/activate`, {});
    expect(active.status).toBe(200);
    expect(active.body.platform).toMatchObject({ status: 'active', usable: true });

    const detail = await call('emp', 'GET', `/api/platforms/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.platform.checklist).toHaveLength(13);
    expect(detail.body.platform.admins.filter((a: { implicit: boolean }) => a.implicit).length).toBeGreaterThanOrEqual(2);
    expect(detail.body.platform.abilities).toMatchObject({ 'platform.read': true, 'platform.terminate': false, 'platform.edit_profile': false });
    expect(Array.isArray(detail.body.platform.apps)).toBe(true);

    const cmView = await call('cm', 'GET', `/api/platforms/${id}`);
    expect(cmView.body.platform.abilities).toMatchObject({ 'platform.terminate': true, 'platform.enable_comments': true, 'platform.activate': false });

    const terminated = await call('cm', 'POST', `/api/platforms/${id}/terminate`, { reason: 'Replaced by the City account' });
    expect(terminated.status).toBe(200);
    const inbox = await call('council', 'GET', '/api/notifications');
    const notice = inbox.body.notifications.find((n: { relatedId: string }) => n.relatedId === id);
    expect(notice).toMatchObject({ kind: 'platform.terminated', read: false, clauses: ['IV.A.7'] });
    expect(inbox.body.unread).toBeGreaterThanOrEqual(1);
    const read = await call('council', 'POST', `/api/notifications/${notice.id}/read`, {});
    expect(read.body.notification.read).toBe(true);
    expect((await call('emp', 'POST', `/api/notifications/${notice.id}/read`, {})).status).toBe(403);
  });

  it('lists the registry with filters and list-level abilities', async () => {
    const list = await call('head', 'GET', `/api/platforms?department=${dept.id}`);
    expect(list.status).toBe(200);
    expect(list.body.abilities).toMatchObject({ 'platform.request': true, 'app.propose': true });
    expect(list.body.platforms.every((p: { departmentId: string }) => p.departmentId === dept.id)).toBe(true);
    expect((await call('council', 'GET', '/api/platforms')).body.abilities).toMatchObject({ 'platform.request': false, 'app.propose': false });
    expect((await call('head', 'GET', '/api/platforms?status=bogus')).status).toBe(400);
  });

  it('bad input is a 400 naming the field; unknown ids are 404; personal contacts 403 with IV.C.8', async () => {
    const bad = await call('head', 'POST', '/api/platforms', { name: '', type: 'bluesky', purpose: 'x', departmentId: dept.id });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('body.name');
    expect((await call('head', 'POST', '/api/platforms', { name: 'x', type: 'nope', purpose: 'x', departmentId: dept.id })).body.error.fields[0].path).toBe('body.type');
    expect((await call('cm', 'GET', '/api/platforms/no-such-platform')).status).toBe(404);
    expect((await call('cm', 'POST', '/api/platforms/no-such-platform/activate', {})).status).toBe(404);
    const personal = await call('head', 'POST', '/api/platforms', { name: 'x', type: 'bluesky', purpose: 'x', departmentId: dept.id, contactEmail: 'hank@gmail.com' });
    expect(personal.status).toBe(403);
    expect(personal.body.error).toMatchObject({ code: 'policy_refusal', clauses: [{ id: 'IV.C.8' }], fields: [{ path: 'body.contactEmail' }] });
    const extra = await call('cm', 'POST', '/api/platforms/x/comments', { enabled: 'yes' });
    expect(extra.status).toBe(400);
  });

  it('admins, apps and connectors over HTTP', async () => {
    const created = await call('head', 'POST', '/api/platforms', { name: 'PW FB', type: 'facebook', purpose: 'Events', departmentId: dept.id, domain: 'facebook.com' });
    const id = created.body.platform.id as string;
    const admin = await call('head', 'POST', `/api/platforms/${id}/admins`, { personId: people.get('emp')!.personId, platformUserId: 'eve.fb' });
    expect(admin.status).toBe(201);
    const adminId = admin.body.admin.id as string;
    expect((await call('cm', 'POST', `/api/platforms/${id}/admins/${adminId}/approve`, {})).body.admin.status).toBe('pending');
    expect((await call('it', 'POST', `/api/platforms/${id}/admins/${adminId}/approve`, {})).body.admin.status).toBe('active');
    expect((await call('it', 'POST', `/api/platforms/${id}/admins/${adminId}/remove`, { reason: 'Moved on' })).body.admin.status).toBe('removed');

    const app1 = await call('emp', 'POST', '/api/apps', { name: 'Scheduler', vendor: 'Acme', purpose: 'Scheduling', platformId: id });
    expect(app1.status).toBe(201);
    const appId = app1.body.app.id as string;
    expect((await call('head', 'POST', `/api/apps/${appId}/decision`, { decision: 'approve', note: null })).status).toBe(403);
    expect((await call('it', 'POST', `/api/apps/${appId}/decision`, { decision: 'approve', note: 'ok' })).body.app.status).toBe('approved');
    expect((await call('it', 'POST', `/api/apps/${appId}/remove`, { reason: 'because' })).status).toBe(400);
    expect((await call('it', 'POST', `/api/apps/${appId}/remove`, { reason: 'performance', detail: 'Slows the site' })).body.app.status).toBe('removed');
    const apps = await call('emp', 'GET', `/api/apps?platformId=${id}`);
    expect(apps.body.apps.map((a: { id: string }) => a.id)).toEqual([appId]);

    const connectors = await call('emp', 'GET', '/api/connectors');
    const byType = Object.fromEntries(connectors.body.connectors.map((c: { type: string; usable: boolean }) => [c.type, c.usable]));
    expect(byType).toMatchObject({ city_feed: true, bluesky: true, mastodon: true, facebook: true, legacy_rss_relay: false });
  });

  it('requires a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/platforms' });
    expect(res.statusCode).toBe(401);
  });
});
