import { beforeAll, describe, expect, it } from 'vitest';
import { describeWithContext } from '../../../test/context.ts';
import type { PersonActor } from '../../kernel/actor.ts';
import { makeFactory } from './test/factory.ts';

describeWithContext('platform administrators and applications', (get) => {
  const f = makeFactory(() => get().db.db);
  let dept: { id: string; name: string };
  let cm: PersonActor, it_: PersonActor, both: PersonActor, head: PersonActor, employee: PersonActor, employee2: PersonActor, council: PersonActor, auditor: PersonActor;

  beforeAll(async () => {
    dept = await f.department('Library');
    cm = await f.person('Cara Manager', [{ role: 'city_manager' }]);
    it_ = await f.person('Ivan Tech', [{ role: 'it_manager' }]);
    // Acting as both (e.g. the CM's designee for the IT Manager's powers while IT is vacant).
    both = await f.person('Bo Both', [{ role: 'city_manager', designeeOf: cm.personId }, { role: 'it_manager' }]);
    head = await f.person('Hana Head', [{ role: 'department_head', departmentId: dept.id }]);
    employee = await f.person('Eli Employee', [{ role: 'employee', departmentId: dept.id }]);
    employee2 = await f.person('Ema Employee', [{ role: 'employee', departmentId: dept.id }]);
    council = await f.person('Carl Council', [{ role: 'legislative_member' }]);
    auditor = await f.person('Ann Auditor', [{ role: 'auditor' }]);
  });

  const svc = () => get().platforms;
  const platform = () => svc().request(head, { name: `Library ${Math.random().toString(36).slice(2, 7)}`, type: 'facebook', purpose: 'Events', departmentId: dept.id, domain: 'facebook.com' });

  describe('administrators', () => {
    it('[IV.C.12] an administrator is active only after both the City Manager and the IT Manager give permission', async () => {
      const p = await platform();
      const a = await svc().requestAdmin(head, p.id, { personId: employee.personId, platformUserId: 'carson.library.eli' });
      expect(a).toMatchObject({ status: 'pending', implicit: false, platformUserId: 'carson.library.eli' });
      await expect(svc().approveAdmin(head, p.id, a.id!)).rejects.toMatchObject({ code: 'forbidden', clauses: ['IV.C.12'] });
      const one = await svc().approveAdmin(cm, p.id, a.id!);
      expect(one).toMatchObject({ status: 'pending', cmApprovedBy: cm.personId, itApprovedBy: null });
      await expect(svc().approveAdmin(cm, p.id, a.id!)).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.C.12'] });
      const two = await svc().approveAdmin(it_, p.id, a.id!);
      expect(two).toMatchObject({ status: 'active', cmApprovedBy: cm.personId, itApprovedBy: it_.personId });
      const notes = await get().notifications.listFor(employee, { relatedId: p.id });
      expect(notes.map((n) => n.kind)).toContain('platform.admin_active');
      const events = await get().audit.list(cm, { targetId: p.id, action: 'platform.admin_approved' });
      expect(events.map((e) => (e.after as { as: string }).as).sort()).toEqual(['city_manager', 'it_manager']);
    });

    it('[IV.C.12] one person holding both roles cannot give both permissions', async () => {
      const p = await platform();
      const a = await svc().requestAdmin(head, p.id, { personId: employee2.personId });
      const first = await svc().approveAdmin(both, p.id, a.id!);
      expect(first).toMatchObject({ cmApprovedBy: both.personId, itApprovedBy: null, status: 'pending', abilities: { 'platform.approve_admin': false } });
      const err = await svc().approveAdmin(both, p.id, a.id!).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'policy_refusal', clauses: ['IV.C.12'] });
      expect((err as Error).message).toMatch(/different person/);
      // The City Manager's slot is taken: the City Manager cannot add a second CM permission either.
      await expect(svc().approveAdmin(cm, p.id, a.id!)).rejects.toMatchObject({ code: 'conflict' });
      expect(await svc().approveAdmin(it_, p.id, a.id!)).toMatchObject({ status: 'active' });
    });

    it('[IV.C.13] the City Manager and IT Manager are implicit administrators of every platform', async () => {
      const p = await platform();
      const d = await svc().get(employee, p.id);
      const implicit = d.admins.filter((a) => a.implicit);
      expect(implicit.map((a) => a.personId)).toEqual(expect.arrayContaining([cm.personId, it_.personId, both.personId]));
      expect(implicit.every((a) => a.status === 'active' && a.id === null && (a.role === 'city_manager' || a.role === 'it_manager'))).toBe(true);
      expect(implicit.find((a) => a.personId === both.personId && a.role === 'city_manager')?.designeeOf).toBe(cm.personId);
      await expect(svc().requestAdmin(head, p.id, { personId: it_.personId })).rejects.toMatchObject({ code: 'conflict', clauses: ['IV.C.13'] });
    });

    it('[IV.C.2] the registry lists each platform with its domain, administrators and their platform user ids', async () => {
      const p = await platform();
      const a = await svc().requestAdmin(cm, p.id, { personId: employee.personId, platformUserId: 'eli.fb.1001' });
      await svc().approveAdmin(cm, p.id, a.id!);
      await svc().approveAdmin(it_, p.id, a.id!);
      const registry = await svc().list(it_, { department: dept.id });
      const row = registry.find((x) => x.id === p.id)!;
      expect(row.domain).toBe('facebook.com');
      expect(row.admins.find((x) => !x.implicit)).toMatchObject({ personId: employee.personId, personName: 'Eli Employee', platformUserId: 'eli.fb.1001', status: 'active' });
      expect(row.admins.some((x) => x.implicit && x.personId === cm.personId)).toBe(true);
      expect((await svc().list(it_, { department: 'city' })).some((x) => x.id === p.id)).toBe(false);
    });

    it('duplicates are refused; removal is by the CM or IT Manager and audited', async () => {
      const p = await platform();
      const a = await svc().requestAdmin(head, p.id, { personId: employee.personId });
      await expect(svc().requestAdmin(head, p.id, { personId: employee.personId })).rejects.toMatchObject({ code: 'conflict' });
      await expect(svc().requestAdmin(head, p.id, { personId: 'nobody' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(svc().requestAdmin(employee, p.id, { personId: employee2.personId })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(svc().removeAdmin(head, p.id, a.id!)).rejects.toMatchObject({ code: 'forbidden' });
      expect(await svc().removeAdmin(it_, p.id, a.id!, { reason: 'Left the department' })).toMatchObject({ status: 'removed', removedBy: it_.personId });
      await expect(svc().removeAdmin(it_, p.id, a.id!)).rejects.toMatchObject({ code: 'conflict' });
      const [event] = await get().audit.list(cm, { targetId: p.id, action: 'platform.admin_removed' });
      expect(event).toMatchObject({ reason: 'Left the department', clauses: ['IV.C.12', 'IV.C.13'] });
      // After removal the person can be requested again.
      expect(await svc().requestAdmin(head, p.id, { personId: employee.personId })).toMatchObject({ status: 'pending' });
    });
  });

  describe('third-party applications', () => {
    it('[IV.C.15(i)(iv)] staff propose; only the IT Manager approves', async () => {
      const app = await svc().proposeApp(employee, { name: 'Scheduler Pro', vendor: 'Acme', purpose: 'Schedule event posts' });
      expect(app).toMatchObject({ status: 'proposed', proposedBy: employee.personId });
      await expect(svc().proposeApp(council, { name: 'X', vendor: 'Y', purpose: 'Z' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(svc().proposeApp(auditor, { name: 'X', vendor: 'Y', purpose: 'Z' })).rejects.toMatchObject({ code: 'forbidden' });
      for (const who of [cm, head, employee]) await expect(svc().decideApp(who, app.id, { decision: 'approve', note: null })).rejects.toMatchObject({ code: 'forbidden', clauses: ['IV.C.15(i)(iv)'] });
      const ok = await svc().decideApp(it_, app.id, { decision: 'approve', note: 'Trusted vendor, City purpose' });
      expect(ok).toMatchObject({ status: 'approved', decidedBy: it_.personId, abilities: { 'app.decide': false, 'app.remove': true } });
      await expect(svc().decideApp(it_, app.id, { decision: 'reject', note: 'changed my mind' })).rejects.toMatchObject({ code: 'policy_refusal' });
      const mine = await get().notifications.listFor(employee, { relatedId: app.id });
      expect(mine.map((n) => n.kind)).toEqual(['app.approved']);
    });

    it('[IV.C.15(i)(iv)] a rejection needs a note', async () => {
      const app = await svc().proposeApp(head, { name: 'Quiz widget', vendor: 'Unknown', purpose: 'Fun' });
      await expect(svc().decideApp(it_, app.id, { decision: 'reject', note: null })).rejects.toMatchObject({ code: 'invalid_input' });
      expect(await svc().decideApp(it_, app.id, { decision: 'reject', note: 'Not a trusted source' })).toMatchObject({ status: 'rejected' });
    });

    it('[IV.C.15(i)(iv)] IT removes an application for a security breach, a virus or performance problems', async () => {
      const p = await platform();
      const app = await svc().proposeApp(head, { name: 'Link shortener', vendor: 'Shorty', purpose: 'Short links', platformId: p.id });
      await expect(svc().removeApp(it_, app.id, { reason: 'virus' })).rejects.toMatchObject({ code: 'policy_refusal' });
      await svc().decideApp(it_, app.id, { decision: 'approve', note: null });
      await expect(svc().removeApp(cm, app.id, { reason: 'performance' })).rejects.toMatchObject({ code: 'forbidden' });
      const gone = await svc().removeApp(it_, app.id, { reason: 'security_breach', detail: 'Leaked tokens' });
      expect(gone).toMatchObject({ status: 'removed', removedBy: it_.personId, removalReason: 'causing a security breach: Leaked tokens' });
      const [event] = await get().audit.list(cm, { targetId: app.id, action: 'app.removed' });
      expect(event).toMatchObject({ clauses: ['IV.C.15(i)(iv)'], after: { ground: 'security_breach' } });
      const d = await svc().get(head, p.id);
      expect(d.apps.map((a) => [a.name, a.status])).toEqual([['Link shortener', 'removed']]);
      expect((await svc().listApps(employee, { status: 'removed' })).some((a) => a.id === app.id)).toBe(true);
      await expect(svc().proposeApp(head, { name: 'x', vendor: 'y', purpose: 'z', platformId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    });
  });
});
