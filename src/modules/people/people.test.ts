import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/dialects.ts';
import type { AuditService } from '../audit/index.ts';
import { createPeopleService } from './service.ts';
import { eventsFor, pack, seedCity, system, type City } from './test-fixtures.ts';

describeEachDialect('people: departments, persons, roles', (get) => {
  let c: City;
  beforeAll(async () => {
    c = await seedCity(get);
  });

  it('creates and archives departments (City Manager / IT Manager only), audited', async () => {
    const it_ = await c.actor(c.it.id);
    const d = await c.people.createDepartment(it_, { name: 'Public Works', code: 'pw', kind: 'department' });
    expect(d.code).toBe('PW');
    await expect(c.people.createDepartment(await c.actor(c.parksHead.id), { name: 'X', code: 'X1', kind: 'division' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(c.people.createDepartment(it_, { name: 'Again', code: 'PW', kind: 'department' })).rejects.toMatchObject({ code: 'conflict' });
    await c.people.archiveDepartment(await c.actor(c.cm.id), d.id);
    expect((await c.people.listDepartments(it_)).some((x) => x.id === d.id)).toBe(false);
    expect((await c.people.listDepartments(it_, { includeArchived: true })).some((x) => x.id === d.id)).toBe(true);
    expect((await eventsFor(c.h, d.id)).map((e) => e.action)).toEqual(['department.created', 'department.archived']);
  });

  it('a department head adds people to their own department only; updates are audited with before and after', async () => {
    const head = await c.actor(c.parksHead.id);
    const p = await c.people.createPerson(head, { name: 'Nia New', email: 'Nia.New@CarsonCA.gov', title: 'Aide', departmentId: c.parks.id });
    expect(p).toMatchObject({ email: 'nia.new@carsonca.gov', status: 'active', departmentId: c.parks.id });
    await expect(c.people.createPerson(head, { name: 'Lib Person', email: 'lib.person@carsonca.gov', departmentId: c.library.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(c.people.createPerson(head, { name: 'Dup', email: 'nia.new@carsonca.gov', departmentId: c.parks.id })).rejects.toMatchObject({ code: 'conflict' });
    // Moving to the Library is the Library's business too.
    await expect(c.people.updatePerson(head, p.id, { departmentId: c.library.id })).rejects.toMatchObject({ code: 'forbidden' });
    // The email is the sign-in identity: the City Manager or IT Manager changes it, not a department head.
    await expect(c.people.updatePerson(head, p.id, { email: 'someone.else@carsonca.gov' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await c.people.updatePerson(await c.actor(c.it.id), p.id, { email: 'nia.n@carsonca.gov' })).email).toBe('nia.n@carsonca.gov');
    const up = await c.people.updatePerson(head, p.id, { title: 'Senior Aide' });
    expect(up.title).toBe('Senior Aide');
    const ev = (await eventsFor(c.h, p.id)).filter((e) => e.action === 'person.updated').at(-1)!;
    expect(JSON.parse(ev.before_json!)).toMatchObject({ title: 'Aide' });
    expect(JSON.parse(ev.after_json!)).toMatchObject({ title: 'Senior Aide' });
  });

  it('reads: oversight sees everyone, a department head their department, an employee only themself', async () => {
    const emp = await c.person('Ellie Employee', c.parks.id, [{ role: 'employee', departmentId: c.parks.id }]);
    const aud = await c.person('Al Auditor', null, [{ role: 'auditor' }]);
    const me = await c.actor(emp.id);
    const detail = await c.people.getPerson(me, emp.id);
    expect(detail.abilities).toMatchObject({ 'person.read': true, 'person.update': false, 'acknowledgement.record': true, 'access.change': false });
    await expect(c.people.getPerson(me, c.cm.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(c.people.listPersons(me)).rejects.toMatchObject({ code: 'forbidden' });
    const headList = await c.people.listPersons(await c.actor(c.parksHead.id));
    expect(headList.every((p) => p.departmentId === c.parks.id)).toBe(true);
    await expect(c.people.listPersons(await c.actor(c.parksHead.id), { departmentId: c.library.id })).rejects.toMatchObject({ code: 'forbidden' });
    const all = await c.people.listPersons(await c.actor(aud.id), { q: 'ellie' });
    expect(all.map((p) => p.id)).toEqual([emp.id]);
    const audDetail = await c.people.getPerson(await c.actor(aud.id), emp.id);
    expect(audDetail.abilities).toMatchObject({ 'person.read': true, 'person.update': false, 'role.grant': false });
    const byRole = await c.people.listPersons(await c.actor(c.cm.id), { role: 'city_manager' });
    expect(byRole.map((p) => p.id)).toContain(c.cm.id);
  });

  it('[II] grants roles by the City Manager or IT Manager only; department roles need a department', async () => {
    const p = await c.person('Gina Grant', c.parks.id);
    await expect(c.people.grantRole(await c.actor(c.parksHead.id), p.id, { role: 'employee', departmentId: c.parks.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(c.people.grantRole(await c.actor(c.it.id), p.id, { role: 'department_head' })).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'departmentId' }] });
    await expect(c.people.grantRole(await c.actor(c.it.id), p.id, { role: 'authorized_employee', departmentId: c.parks.id })).rejects.toMatchObject({
      code: 'policy_refusal',
      clauses: ['IV.C.5', 'II.authorized-employee'],
    });
    const g = await c.people.grantRole(await c.actor(c.it.id), p.id, { role: 'employee', departmentId: c.parks.id });
    expect(g.active).toBe(true);
    await expect(c.people.grantRole(await c.actor(c.it.id), p.id, { role: 'employee', departmentId: c.parks.id })).rejects.toMatchObject({ code: 'conflict' });
    // Nobody grants themself a role.
    await expect(c.people.grantRole(await c.actor(c.it.id), c.it.id, { role: 'city_manager' })).rejects.toMatchObject({ code: 'forbidden' });
    const revoked = await c.people.revokeRole(await c.actor(c.cm.id), p.id, g.id, 'Moved on');
    expect(revoked.active).toBe(false);
    expect((await c.people.actorFor(p.id))!.roles).toEqual([]);
    expect((await eventsFor(c.h, p.id)).map((e) => e.action)).toEqual(['person.created', 'role.granted', 'role.revoked']);
  });

  it('[II] designee grants hold only between their dates', async () => {
    const deputy = await c.person('Dee Deputy', null);
    const cm = await c.actor(c.cm.id);
    // Thursday 2026-11-19 in Carson; the designee serves 2026-11-23 … 2026-11-25.
    await expect(c.people.grantRole(cm, deputy.id, { role: 'city_manager', designeeOf: c.cm.id, startsOn: '2026-11-23' })).rejects.toMatchObject({
      fields: [{ path: 'endsOn' }],
    });
    const g = await c.people.grantRole(cm, deputy.id, { role: 'city_manager', designeeOf: c.cm.id, startsOn: '2026-11-23', endsOn: '2026-11-25' });
    expect(g).toMatchObject({ designeeOf: c.cm.id, active: false });
    expect((await c.people.actorFor(deputy.id))!.roles).toEqual([]);
    const saved = c.clock.now();
    c.clock.set('2026-11-23T08:30:00Z'); // 00:30 on the 23rd in Carson: the first day
    expect((await c.people.actorFor(deputy.id))!.roles).toEqual([{ role: 'city_manager', departmentId: null, designeeOf: c.cm.id }]);
    c.clock.set('2026-11-26T07:59:00Z'); // 23:59 on the 25th in Carson: the last day
    expect((await c.people.actorFor(deputy.id))!.roles).toHaveLength(1);
    c.clock.set('2026-11-26T08:01:00Z'); // 00:01 on the 26th: over
    expect((await c.people.actorFor(deputy.id))!.roles).toEqual([]);
    c.clock.set(saved);
    const events = await eventsFor(c.h, deputy.id);
    expect(events.at(-1)).toMatchObject({ action: 'role.designee_recorded', clauses: JSON.stringify(['II.city-manager']) });
  });

  it('[II] the IT Manager records a designee for their own role only; the City Manager for any role', async () => {
    const itActor = await c.actor(c.it.id);
    const helper = await c.person('Hal Helper', null);
    const g = await c.people.grantRole(itActor, helper.id, { role: 'it_manager', designeeOf: c.it.id, startsOn: '2026-11-19', endsOn: '2026-11-20' });
    expect(g.active).toBe(true);
    await expect(c.people.grantRole(itActor, helper.id, { role: 'city_manager', designeeOf: c.cm.id, startsOn: '2026-11-19', endsOn: '2026-11-20' })).rejects.toMatchObject({ code: 'forbidden' });
    const acm = await c.person('Ace Acm', null, [{ role: 'assistant_city_manager' }]);
    const acmDeputy = await c.person('Ada AcmDeputy', null);
    // The Assistant City Manager's designee is the City Manager's to record, not the ACM's nor IT's.
    await expect(c.people.grantRole(await c.actor(acm.id), acmDeputy.id, { role: 'assistant_city_manager', designeeOf: acm.id, startsOn: '2026-11-19', endsOn: '2026-11-20' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(c.people.grantRole(itActor, acmDeputy.id, { role: 'assistant_city_manager', designeeOf: acm.id, startsOn: '2026-11-19', endsOn: '2026-11-20' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(c.people.grantRole(await c.actor(c.cm.id), acmDeputy.id, { role: 'assistant_city_manager', designeeOf: acm.id, startsOn: '2026-11-19', endsOn: '2026-11-20' })).resolves.toMatchObject({ active: true });
    // A designee's grant ends when the principal no longer holds the role.
    const cmOwn = (await c.people.getPerson(system, acm.id)).roleAssignments.find((a) => a.role === 'assistant_city_manager')!;
    await c.people.revokeRole(await c.actor(c.cm.id), acm.id, cmOwn.id);
    expect((await c.people.actorFor(acmDeputy.id))!.roles).toEqual([]);
  });

  it('[IV.C.5] only the head of that department (or the City Manager) designates, for that department’s platforms', async () => {
    const p = await c.person('Desi Parks', c.parks.id, [{ role: 'employee', departmentId: c.parks.id }]);
    await expect(c.people.designate(await c.actor(c.libraryHead.id), p.id, { platformIds: [c.parksBluesky.id] })).rejects.toMatchObject({ code: 'forbidden', clauses: ['IV.C.5'] });
    await expect(c.people.designate(await c.actor(c.it.id), p.id, { platformIds: [c.parksBluesky.id] })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(c.people.designate(await c.actor(c.parksHead.id), p.id, { platformIds: [c.cityMastodon.id] })).rejects.toMatchObject({ code: 'forbidden', clauses: ['IV.C.5'] });
    await expect(c.people.designate(await c.actor(c.parksHead.id), p.id, { platformIds: [c.libraryBluesky.id] })).rejects.toMatchObject({ code: 'forbidden' });
    // Only an employee of the department: the Library head cannot claim a Parks employee.
    await expect(c.people.designate(await c.actor(c.libraryHead.id), p.id, { departmentId: c.library.id, platformIds: [c.libraryBluesky.id] })).rejects.toMatchObject({
      code: 'policy_refusal',
      clauses: ['IV.C.5'],
    });
    const d = await c.people.designate(await c.actor(c.parksHead.id), p.id, { platformIds: [c.parksBluesky.id] });
    expect(d).toMatchObject({ departmentId: c.parks.id, platformIds: [c.parksBluesky.id], designatedBy: c.parksHead.id });
    expect((await c.people.actorFor(p.id))!.roles).toContainEqual({ role: 'authorized_employee', departmentId: c.parks.id, designeeOf: null });
    const byCm = await c.people.designate(await c.actor(c.cm.id), p.id, { platformIds: [c.cityMastodon.id] });
    expect(byCm.platformIds).toEqual([c.cityMastodon.id]);
    const seen = await c.people.getPerson(await c.actor(c.parksHead.id), p.id);
    expect(seen.designations.find((x) => x.id === d.id)!.abilities).toEqual({ 'designation.revoke': true });
    expect(seen.designations.find((x) => x.id === byCm.id)!.abilities).toEqual({ 'designation.revoke': false });
    expect(seen.roleAssignments.every((a) => a.abilities['role.revoke'] === false)).toBe(true);
    expect((await c.people.getPerson(await c.actor(c.it.id), p.id)).roleAssignments[0]!.abilities).toEqual({ 'role.revoke': true });
    await expect(c.people.revokeDesignation(await c.actor(c.parksHead.id), p.id, byCm.id)).rejects.toMatchObject({ code: 'forbidden' });
    await c.people.revokeDesignation(await c.actor(c.parksHead.id), p.id, d.id, 'Reassigned');
    await c.people.revokeDesignation(await c.actor(c.cm.id), p.id, byCm.id);
    expect((await c.people.actorFor(p.id))!.roles).toEqual([{ role: 'employee', departmentId: c.parks.id, designeeOf: null }]);
    const actions = (await eventsFor(c.h, p.id)).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('designation.'))).toEqual(['designation.created', 'designation.created', 'designation.revoked', 'designation.revoked']);
  });

  it('[Att.A] the typed signature must match the printed name; the person signs, or the City Manager / IT Manager records a paper form', async () => {
    const p = await c.person('Sig Nature', c.parks.id);
    const me = await c.actor(p.id);
    const base = { printedName: 'Sig Nature', signature: 'Sig Nature', signedOn: '2026-11-19', departmentAndTitle: 'Parks, Aide' };
    await expect(c.people.acknowledge(me, p.id, { ...base, signature: 'S. Nature' })).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'signature' }] });
    await expect(c.people.acknowledge(me, p.id, { ...base, printedName: 'Someone Else', signature: 'Someone Else' })).rejects.toMatchObject({ fields: [{ path: 'printedName' }] });
    await expect(c.people.acknowledge(me, p.id, { ...base, signedOn: '2026-11-20' })).rejects.toMatchObject({ fields: [{ path: 'signedOn' }] });
    await expect(c.people.acknowledge(me, p.id, { ...base, textSha256: '0'.repeat(64) })).rejects.toMatchObject({ code: 'conflict' });
    await expect(c.people.acknowledge(await c.actor(c.parksHead.id), p.id, base)).rejects.toMatchObject({ code: 'forbidden' });
    const ack = await c.people.acknowledge(me, p.id, { ...base, signature: '  sig   nature ' });
    expect(ack.policyVersionId).toBe((await c.versions.current()).id);
    await expect(c.people.acknowledge(me, p.id, base)).rejects.toMatchObject({ code: 'conflict' });
    const q = await c.person('Paper Form', c.parks.id);
    await c.people.acknowledge(await c.actor(c.it.id), q.id, { ...base, printedName: 'Paper Form', signature: 'Paper Form' });
    expect((await eventsFor(c.h, q.id)).at(-1)).toMatchObject({ action: 'acknowledgement.paper_recorded', actor_id: c.it.id });
  });

  it('[IV.C.6] [IV.A.8] training and provider terms are recorded by the CM, IT Manager or the department head', async () => {
    const p = await c.person('Trey Trainee', c.parks.id);
    await expect(c.people.recordTraining(await c.actor(p.id), p.id, { kind: 'training', platformType: 'bluesky', completedOn: '2026-11-19' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(c.people.recordTraining(await c.actor(c.libraryHead.id), p.id, { kind: 'training', platformType: 'bluesky', completedOn: '2026-11-19' })).rejects.toMatchObject({ code: 'forbidden' });
    const t = await c.people.recordTraining(await c.actor(c.parksHead.id), p.id, { kind: 'provider_terms', platformType: 'Bluesky', completedOn: '2026-11-19' });
    expect(t.platformType).toBe('bluesky');
    expect((await eventsFor(c.h, p.id)).at(-1)).toMatchObject({ action: 'training.provider_terms_recorded', clauses: JSON.stringify(['IV.A.8', 'IV.C.4']) });
  });

  it('[IV.B] a legislative body member can never be designated nor granted staff roles; the notification is recorded', async () => {
    const m = await c.person('Council Member Mia', null, [{ role: 'legislative_member' }]);
    const clauses = ['II.legislative-body', 'II.employee', 'IV.B'];
    await expect(c.people.grantRole(await c.actor(c.cm.id), m.id, { role: 'public_information_analyst' })).rejects.toMatchObject({ code: 'policy_refusal', clauses });
    await expect(c.people.grantRole(await c.actor(c.cm.id), m.id, { role: 'city_manager', designeeOf: c.cm.id, startsOn: '2026-11-19', endsOn: '2026-11-20' })).rejects.toMatchObject({
      code: 'policy_refusal',
    });
    await c.people.updatePerson(await c.actor(c.cm.id), m.id, { departmentId: c.parks.id });
    await expect(c.people.designate(await c.actor(c.cm.id), m.id, { platformIds: [c.parksBluesky.id] })).rejects.toMatchObject({
      code: 'policy_refusal',
      clauses: ['II.authorized-employee', 'II.legislative-body', 'IV.B'],
    });
    // And a staff member is not given a seat while holding staff roles.
    await expect(c.people.grantRole(await c.actor(c.cm.id), c.parksHead.id, { role: 'legislative_member' })).rejects.toMatchObject({ code: 'policy_refusal' });

    const clerk = await c.person('Cleo Clerk', null, [{ role: 'city_clerk' }]);
    const lacking = await c.people.membersLackingNotification(await c.actor(clerk.id));
    expect(lacking.map((p) => p.id)).toContain(m.id);
    await expect(c.people.recordLegislativeNotification(await c.actor(c.parksHead.id), m.id, { body: 'City Council', notifiedOn: '2026-11-19', method: 'letter' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(c.people.recordLegislativeNotification(await c.actor(clerk.id), c.parksHead.id, { body: 'City Council', notifiedOn: '2026-11-19', method: 'letter' })).rejects.toMatchObject({
      code: 'policy_refusal',
    });
    const n = await c.people.recordLegislativeNotification(await c.actor(clerk.id), m.id, { body: 'City Council', notifiedOn: '2026-11-18', method: 'letter' });
    expect(n).toMatchObject({ body: 'City Council', notifiedOn: '2026-11-18', method: 'letter', recordedBy: clerk.id });
    expect((await c.people.membersLackingNotification(await c.actor(clerk.id))).map((p) => p.id)).not.toContain(m.id);
    expect((await eventsFor(c.h, m.id)).at(-1)).toMatchObject({ action: 'legislative.notified', clauses: JSON.stringify(['IV.B']) });
    expect((await c.people.actorFor(m.id))!.roles).toEqual([{ role: 'legislative_member', departmentId: null, designeeOf: null }]);
  });

  it('[IV.E] incidents cite clauses of the loaded pack; nobody acts on their own access', async () => {
    const p = await c.person('Ivy Incident', c.parks.id);
    await expect(c.people.recordIncident(await c.actor(c.parksHead.id), p.id, { occurredOn: '2026-11-18', description: 'x', clauses: ['IV.Z.99'] })).rejects.toMatchObject({
      fields: [{ path: 'clauses.0' }],
    });
    const inc = await c.people.recordIncident(await c.actor(c.parksHead.id), p.id, { occurredOn: '2026-11-18', description: 'Personal comment posted', clauses: ['IV.C.15(f)(i)'] });
    expect(inc.clauses).toEqual(['IV.C.15(f)(i)']);
    expect((await eventsFor(c.h, p.id)).at(-1)).toMatchObject({ action: 'incident.recorded', clauses: JSON.stringify(['IV.E', 'IV.C.15(f)(i)']) });
    await expect(c.people.changeAccess(await c.actor(c.cm.id), c.cm.id, { action: 'suspend', reason: 'test' })).rejects.toMatchObject({ code: 'forbidden' });
    const detail = await c.people.getPerson(await c.actor(c.cm.id), p.id);
    expect(detail.incidents).toHaveLength(1);
  });

  it('writes the audit event in the same transaction: when the audit write fails, the change is not kept', async () => {
    const h = get();
    const failing: Pick<AuditService, 'record'> = {
      record: async () => {
        throw new Error('audit unavailable');
      },
    };
    const broken = createPeopleService({ db: h.db, dialect: h.dialect, clock: c.clock, pack, audit: failing, policyVersions: c.versions, exceptions: c.exceptions });
    await expect(broken.createPerson(system, { name: 'Ghost', email: 'ghost@carsonca.gov', departmentId: c.parks.id })).rejects.toThrow('audit unavailable');
    expect(await h.db.selectFrom('persons').select('id').where('email', '=', 'ghost@carsonca.gov').executeTakeFirst()).toBeUndefined();
    const p = await c.person('Still Active', c.parks.id);
    await expect(broken.changeAccess(system, p.id, { action: 'suspend', reason: 'x' })).rejects.toThrow('audit unavailable');
    expect((await h.db.selectFrom('persons').select('status').where('id', '=', p.id).executeTakeFirstOrThrow()).status).toBe('active');
    expect(await h.db.selectFrom('access_actions').select('id').where('person_id', '=', p.id).execute()).toEqual([]);
  });
});
