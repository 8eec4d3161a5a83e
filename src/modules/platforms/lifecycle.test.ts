import { beforeAll, describe, expect, it } from 'vitest';
import { describeWithContext } from '../../../test/context.ts';
import type { PersonActor } from '../../kernel/actor.ts';
import { completeProfile, makeFactory } from './test/factory.ts';

describeWithContext('platform lifecycle', (get) => {
  const f = makeFactory(() => get().db.db);
  let dept: { id: string; name: string };
  let other: { id: string; name: string };
  let cm: PersonActor, it_: PersonActor, clerk: PersonActor, pia: PersonActor, head: PersonActor, otherHead: PersonActor, employee: PersonActor, council: PersonActor;

  beforeAll(async () => {
    dept = await f.department('Public Works');
    other = await f.department('Recreation');
    cm = await f.person('Cara Manager', [{ role: 'city_manager' }]);
    it_ = await f.person('Ivan Tech', [{ role: 'it_manager' }]);
    clerk = await f.person('Clara Clerk', [{ role: 'city_clerk' }]);
    pia = await f.person('Pia Analyst', [{ role: 'public_information_analyst' }]);
    head = await f.person('Hank Head', [{ role: 'department_head', departmentId: dept.id }]);
    otherHead = await f.person('Olga Head', [{ role: 'department_head', departmentId: other.id }]);
    employee = await f.person('Eve Employee', [{ role: 'employee', departmentId: dept.id }]);
    council = await f.person('Carl Council', [{ role: 'legislative_member' }]);
  });

  const svc = () => get().platforms;

  async function requested(type = 'bluesky', by: PersonActor = head, departmentId: string | null = dept.id) {
    return svc().request(by, { name: `PW ${type} ${Math.random().toString(36).slice(2, 7)}`, type, purpose: 'Street work notices', departmentId, handle: '@pw.carson.test', domain: 'bsky.app' });
  }

  async function approved(type = 'bluesky') {
    const p = await requested(type);
    await svc().itReview(it_, p.id, { decision: 'approve', notes: 'Fine', template: 'Department standard v1' });
    await svc().recordCouncilApproval(clerk, p.id, { approvedOn: '2026-11-18', agendaItem: '14' });
    return p;
  }

  async function ready(type = 'bluesky') {
    const p = await approved(type);
    await svc().updateProfile(head, p.id, completeProfile('Public Works'));
    return p;
  }

  describe('requests', () => {
    it('[IV.C.14] a department head requests a platform for their department', async () => {
      const p = await requested();
      expect(p).toMatchObject({ status: 'requested', departmentId: dept.id, departmentName: 'Public Works', requestedBy: head.personId, usable: false });
    });

    it('[IV.C.14] a department head cannot request for another department, nor a City platform', async () => {
      await expect(requested('bluesky', otherHead, dept.id)).rejects.toMatchObject({ code: 'forbidden', clauses: ['IV.C.14'] });
      await expect(requested('bluesky', head, null)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(requested('bluesky', employee, dept.id)).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('[IV.C.14] the CM, IT Manager or PIA requests a City platform', async () => {
      for (const who of [cm, it_, pia]) {
        const p = await requested('city_feed', who, null);
        expect(p).toMatchObject({ departmentId: null, status: 'requested' });
      }
    });

    it('refuses an unknown platform type and an unknown department', async () => {
      await expect(requested('myspace')).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'body.type' }] });
      await expect(requested('bluesky', cm, 'no-such-dept')).rejects.toMatchObject({ code: 'not_found' });
    });

    it('notifies the IT Manager of a request', async () => {
      const p = await requested();
      const notes = await get().notifications.listFor(it_, { relatedId: p.id });
      expect(notes.map((n) => n.kind)).toContain('platform.requested');
    });
  });

  describe('review and Council approval', () => {
    it('only the IT Manager reviews; a rejection needs notes and ends the request', async () => {
      const p = await requested();
      await expect(svc().itReview(cm, p.id, { decision: 'approve', notes: null })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(svc().itReview(it_, p.id, { decision: 'reject', notes: '  ' })).rejects.toMatchObject({ code: 'invalid_input' });
      const r = await svc().itReview(it_, p.id, { decision: 'reject', notes: 'Duplicates the City account' });
      expect(r).toMatchObject({ status: 'rejected', itReviewNotes: 'Duplicates the City account', itReviewedBy: it_.personId });
      await expect(svc().itReview(it_, p.id, { decision: 'approve', notes: null })).rejects.toMatchObject({ code: 'policy_refusal' });
    });

    it('[IV.A.3] Council approval is recorded with its date and agenda item, by the CM or the City Clerk, after IT review', async () => {
      const p = await requested();
      await expect(svc().recordCouncilApproval(clerk, p.id, { approvedOn: '2026-11-18', agendaItem: '7' })).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.A.3'] });
      await svc().itReview(it_, p.id, { decision: 'approve', notes: null });
      await expect(svc().recordCouncilApproval(head, p.id, { approvedOn: '2026-11-18', agendaItem: '7' })).rejects.toMatchObject({ code: 'forbidden', clauses: ['IV.A.3'] });
      await expect(svc().recordCouncilApproval(cm, p.id, { approvedOn: '2030-01-01', agendaItem: '7' })).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(svc().recordCouncilApproval(cm, p.id, { approvedOn: '2026-02-30', agendaItem: '7' })).rejects.toMatchObject({ code: 'invalid_input' });
      const a = await svc().recordCouncilApproval(cm, p.id, { approvedOn: '2026-11-18', agendaItem: '7' });
      expect(a).toMatchObject({ status: 'council_approved', councilApprovedOn: '2026-11-18', councilAgendaItem: '7' });
    });
  });

  describe('activation', () => {
    it('[IV.A.3] activation is refused before Council approval', async () => {
      const p = await requested();
      await svc().updateProfile(head, p.id, completeProfile('Public Works'));
      await expect(svc().activate(cm, p.id)).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.A.3'] });
      await svc().itReview(it_, p.id, { decision: 'approve', notes: null, template: 'Department standard v1' });
      await expect(svc().activate(it_, p.id)).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.A.3'] });
      expect((await svc().get(cm, p.id)).abilities['platform.activate']).toBe(false);
    });

    it('[IV.A.3] activation checks the branding', async () => {
      const p = await approved();
      const profile = completeProfile('Public Works');
      await svc().updateProfile(head, p.id, { ...profile, profile: { ...profile.profile, brandingText: 'Carson Public Works: news and updates' } });
      const err = await svc().activate(cm, p.id).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'policy_refusal', clauses: ['IV.A.3'] });
      expect((err as Error).message).toMatch(/Official branding/);
      await svc().updateProfile(head, p.id, { profile: { brandingText: "The official platform of the City of Carson’s Public Works Department" } });
      expect(await svc().activate(cm, p.id)).toMatchObject({ status: 'active', usable: true, activatedBy: cm.personId });
    });

    it('only the CM or IT Manager activates', async () => {
      const p = await ready();
      for (const who of [head, clerk, pia]) await expect(svc().activate(who, p.id)).rejects.toMatchObject({ code: 'forbidden' });
      expect(await svc().activate(it_, p.id)).toMatchObject({ status: 'active' });
    });

    it('[IV.C.15(i)(vi)] a platform whose connector cannot remove posts cannot be activated', async () => {
      const p = await ready('legacy_rss_relay');
      expect((await svc().get(cm, p.id)).checklistPasses).toBe(true);
      await expect(svc().activate(cm, p.id)).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.C.15(i)(vi)'] });
      const detail = await svc().get(cm, p.id);
      expect(detail).toMatchObject({ status: 'council_approved', canRemovePosts: false, connector: { known: true, capabilities: { deletePost: false } } });
    });

    it('[IV.D.1] only the IT Manager sets the department template, and activation needs one', async () => {
      const p = await requested();
      await svc().itReview(it_, p.id, { decision: 'approve', notes: null });
      await svc().recordCouncilApproval(cm, p.id, { approvedOn: '2026-11-18', agendaItem: '9' });
      await svc().updateProfile(head, p.id, completeProfile('Public Works'));
      await expect(svc().activate(cm, p.id)).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.D.1'] });
      await expect(svc().updateProfile(head, p.id, { template: 'Mine' })).rejects.toMatchObject({ code: 'forbidden', clauses: ['IV.D.1'] });
      await svc().updateProfile(it_, p.id, { template: 'Department standard v1' });
      expect(await svc().activate(cm, p.id)).toMatchObject({ status: 'active' });
    });
  });

  describe('contacts', () => {
    it('[IV.C.8] a personal email or phone is refused when set, with the field named', async () => {
      const p = await requested();
      const e1 = await svc().updateProfile(head, p.id, { contactEmail: 'hank.pw@gmail.com' }).catch((e: unknown) => e);
      expect(e1).toMatchObject({ code: 'policy_refusal', clauses: ['IV.C.8'], fields: [{ path: 'body.contactEmail' }] });
      expect((e1 as Error).message).toMatch(/Personal email/);
      await expect(svc().updateProfile(head, p.id, { contactPhone: '(213) 555-0199' })).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.C.8'], fields: [{ path: 'body.contactPhone' }] });
      await expect(svc().request(head, { name: 'X', type: 'bluesky', purpose: 'x', departmentId: dept.id, contactEmail: 'me@yahoo.com' })).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.C.8'] });
      const ok = await svc().updateProfile(head, p.id, { contactEmail: 'pw@carsonca.gov', contactPhone: '+1 310 830 7600' });
      expect(ok).toMatchObject({ contactEmail: 'pw@carsonca.gov', contactPhone: '+1 310 830 7600' });
    });

    it('profile changes are audited with before and after', async () => {
      const p = await requested();
      await svc().updateProfile(head, p.id, { profile: { displayName: 'Carson PW' }, domain: 'bsky.social' });
      const events = await get().audit.list(cm, { targetId: p.id, action: 'platform.profile_updated' });
      expect(events[0]).toMatchObject({ before: { displayName: null, domain: 'bsky.app' }, after: { displayName: 'Carson PW', domain: 'bsky.social' } });
      expect(events[0]!.clauses).toEqual(expect.arrayContaining(['IV.A.3', 'IV.C.2']));
    });
  });

  describe('comments', () => {
    it('[IV.A.6] a platform is one-way until the City Manager specifically authorizes comments', async () => {
      const p = await ready();
      expect(p.commentsEnabled).toBe(false);
      for (const who of [it_, head, pia, clerk]) await expect(svc().setComments(who, p.id, { enabled: true })).rejects.toMatchObject({ code: 'forbidden', clauses: ['IV.A.6'] });
      const on = await svc().setComments(cm, p.id, { enabled: true, note: 'Two-way for the street survey' });
      expect(on).toMatchObject({ commentsEnabled: true, commentsAuthorizedBy: cm.personId, commentsAuthorizedAt: get().clock.now().toISOString() });
      const [event] = await get().audit.list(cm, { targetId: p.id, action: 'platform.comments_enabled' });
      expect(event).toMatchObject({ actorId: cm.personId, clauses: ['IV.A.6'], reason: 'Two-way for the street survey' });
    });

    it('[IV.A.6] the CM or the IT Manager turns comments off', async () => {
      const p = await ready();
      await svc().setComments(cm, p.id, { enabled: true });
      await expect(svc().setComments(head, p.id, { enabled: false })).rejects.toMatchObject({ code: 'forbidden' });
      expect(await svc().setComments(it_, p.id, { enabled: false })).toMatchObject({ commentsEnabled: false, commentsAuthorizedBy: null });
    });

    it('[IV.C.11] with comments on, the public comment policy is a checklist item; an active platform needs it first', async () => {
      const p = await ready();
      await svc().setComments(cm, p.id, { enabled: true });
      let d = await svc().get(cm, p.id);
      expect(d.checklist.find((i) => i.id === 'comment_policy')).toMatchObject({ ok: false, clause: 'V' });
      await expect(svc().activate(cm, p.id)).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['V'] });
      await svc().updateProfile(head, p.id, { profile: { commentPolicy: { how: 'link', url: 'https://crier.ci.carson.ca.us/public/comment-policy' } } });
      d = await svc().get(cm, p.id);
      expect(d.checklistPasses).toBe(true);
      await svc().activate(cm, p.id);
      await expect(svc().updateProfile(head, p.id, { profile: { commentPolicy: null } })).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['V', 'IV.C.11'] });

      const q = await ready();
      await svc().activate(cm, q.id);
      await expect(svc().setComments(cm, q.id, { enabled: true })).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['V', 'IV.C.11'] });
    });

    it('comments cannot be turned on where staff cannot hide or remove them', async () => {
      const p = await ready('mastodon');
      await expect(svc().setComments(cm, p.id, { enabled: true })).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.C.15(i)(vi)', 'IV.C.11'] });
    });
  });

  describe('termination', () => {
    it('[IV.A.7] only the City Manager terminates, with a reason, and the Council is notified of it', async () => {
      const p = await ready();
      await svc().activate(cm, p.id);
      await expect(svc().terminate(it_, p.id, { reason: 'No longer needed' })).rejects.toMatchObject({ code: 'forbidden', clauses: ['IV.A.7'] });
      await expect(svc().terminate(cm, p.id, { reason: '   ' })).rejects.toMatchObject({ code: 'invalid_input' });
      const t = await svc().terminate(cm, p.id, { reason: 'The provider changed its terms of service' });
      expect(t).toMatchObject({ status: 'terminated', usable: false, terminatedBy: cm.personId, terminationReason: 'The provider changed its terms of service' });

      const seen = await get().notifications.listFor(council, { relatedId: p.id });
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ audience: 'council', kind: 'platform.terminated', clauses: ['IV.A.7'] });
      expect(seen[0]!.body).toContain('The provider changed its terms of service');
      expect(await get().notifications.listFor(clerk, { relatedId: p.id, relatedType: 'platform' })).toHaveLength(1);
      expect(await get().notifications.listFor(employee, { relatedId: p.id })).toHaveLength(0);

      const [event] = await get().audit.list(cm, { targetId: p.id, action: 'platform.terminated' });
      expect(event).toMatchObject({ reason: 'The provider changed its terms of service', clauses: ['IV.A.7'], after: { status: 'terminated', councilNotificationId: seen[0]!.id } });
    });

    it('[IV.A.7] a terminated platform cannot be reactivated, edited or posted to', async () => {
      const p = await ready();
      await svc().activate(cm, p.id);
      await expect(get().db.db.transaction().execute((tx) => svc().requireUsable(tx, p.id))).resolves.toMatchObject({ id: p.id });
      await svc().terminate(cm, p.id, { reason: 'Account compromised' });
      await expect(svc().activate(cm, p.id)).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.A.7'] });
      await expect(svc().requireUsable(get().db.db, p.id)).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.A.7'] });
      await expect(svc().updateProfile(cm, p.id, { profile: { displayName: 'Back' } })).rejects.toMatchObject({ code: 'policy_refusal' });
      await expect(svc().terminate(cm, p.id, { reason: 'again' })).rejects.toMatchObject({ code: 'policy_refusal' });
      const d = await svc().get(cm, p.id);
      expect(Object.entries(d.abilities).filter(([, v]) => v).map(([k]) => k)).toEqual(['platform.read', 'platform.remove_admin']);
    });

    it('[IV.A.3] only an active platform is usable', async () => {
      const p = await ready();
      await expect(svc().requireUsable(get().db.db, p.id)).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.A.3'] });
      await expect(svc().requireUsable(get().db.db, 'nope')).rejects.toMatchObject({ code: 'not_found' });
      const active = await svc().list(cm, { status: 'active' });
      expect(active.every((x) => x.usable)).toBe(true);
    });
  });

  it('every transition is audited with its clause', async () => {
    const p = await ready();
    await svc().activate(cm, p.id);
    await svc().terminate(cm, p.id, { reason: 'Merged into the City account' });
    const events = (await get().audit.list(cm, { targetId: p.id, limit: 50 })).reverse();
    expect(events.map((e) => [e.action, e.clauses[0]])).toEqual([
      ['platform.requested', 'IV.C.14'],
      ['platform.it_reviewed', 'IV.C.14'],
      ['platform.council_approved', 'IV.A.3'],
      ['platform.profile_updated', 'IV.A.3'],
      ['platform.activated', 'IV.A.3'],
      ['platform.terminated', 'IV.A.7'],
    ]);
    expect(events.find((e) => e.action === 'platform.activated')!.clauses).toEqual(expect.arrayContaining(['IV.A.3', 'IV.C.15(i)(vi)', 'IV.A.4', 'IV.A.15', 'IV.C.8', 'IV.D.1']));
    expect(events.every((e) => e.actorId !== null)).toBe(true);
    expect((await get().audit.verify()).ok).toBe(true);
  });
});
