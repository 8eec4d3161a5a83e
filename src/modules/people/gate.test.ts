import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/dialects.ts';
import { localDate } from '../../policy/index.ts';
import { acknowledgementText } from './acknowledgements.ts';
import { eventsFor, pack, seedCity, system, type City } from './test-fixtures.ts';

const DAY = 86_400_000;

describeEachDialect('people: the authorization gate', (get) => {
  let c: City;
  beforeAll(async () => {
    c = await seedCity(get);
  });

  async function designatedEmployee(name: string) {
    const p = await c.person(name, c.parks.id, [{ role: 'employee', departmentId: c.parks.id }]);
    await c.people.designate(await c.actor(c.parksHead.id), p.id, { platformIds: [c.parksBluesky.id] });
    return p;
  }

  it('[IV.A.2] [IV.C.3] refuses a person with no designation for the platform', async () => {
    const p = await c.person('Nora Nodesig', c.parks.id, [{ role: 'employee', departmentId: c.parks.id }]);
    await c.makeReady(p.id, 'bluesky');
    const r = await c.people.checkAuthorization(p.id, c.parksBluesky);
    expect(r.authorized).toBe(false);
    expect(r.unmet.map((u) => u.clause)).toEqual(['IV.A.2']);
    expect(r.unmet[0]!.clauses).toEqual(['IV.A.2', 'IV.C.3', 'IV.C.5']);
    await expect(c.people.assertAuthorized(p.id, c.parksBluesky)).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.A.2', 'IV.C.3', 'IV.C.5'] });
  });

  it('[IV.C.5] a designation covers only the platforms it names', async () => {
    const p = await designatedEmployee('Dana Designee');
    await c.makeReady(p.id, 'bluesky');
    expect((await c.people.checkAuthorization(p.id, c.parksBluesky)).authorized).toBe(true);
    const other = await c.platform(c.parks.id, 'bluesky');
    expect((await c.people.checkAuthorization(p.id, other)).unmet.map((u) => u.clause)).toEqual(['IV.A.2']);
  });

  it('[IV.C.6] refuses to authorize before training is complete', async () => {
    const p = await designatedEmployee('Tina Untrained');
    await c.people.acknowledge(system, p.id, { printedName: p.name, signature: p.name, signedOn: localDate(pack, c.clock.now()), departmentAndTitle: 'Parks, Analyst' });
    await c.people.recordTraining(system, p.id, { kind: 'provider_terms', platformType: 'bluesky', completedOn: '2026-11-01' });
    const r = await c.people.checkAuthorization(p.id, c.parksBluesky);
    expect(r.unmet.map((u) => u.clause)).toEqual(['IV.C.6']);
    await c.people.recordTraining(system, p.id, { kind: 'training', platformType: 'mastodon', completedOn: '2026-11-01' });
    expect((await c.people.checkAuthorization(p.id, c.parksBluesky)).authorized).toBe(false);
    await c.people.recordTraining(system, p.id, { kind: 'training', platformType: 'bluesky', completedOn: '2026-11-01' });
    expect((await c.people.checkAuthorization(p.id, c.parksBluesky)).authorized).toBe(true);
  });

  it("[IV.A.8] [IV.C.4] refuses until the provider's terms are acknowledged", async () => {
    const p = await designatedEmployee('Terry Terms');
    await c.people.acknowledge(system, p.id, { printedName: p.name, signature: p.name, signedOn: '2026-11-19', departmentAndTitle: 'Parks, Analyst' });
    await c.people.recordTraining(system, p.id, { kind: 'training', platformType: 'bluesky', completedOn: '2026-11-01' });
    const r = await c.people.checkAuthorization(p.id, c.parksBluesky);
    expect(r.unmet).toEqual([expect.objectContaining({ clause: 'IV.A.8', clauses: ['IV.A.8', 'IV.C.4'] })]);
  });

  it('[IV.C.15(g)] refuses before the acknowledgement is signed', async () => {
    const p = await designatedEmployee('Una Unsigned');
    await c.people.recordTraining(system, p.id, { kind: 'training', platformType: 'bluesky', completedOn: '2026-11-01' });
    await c.people.recordTraining(system, p.id, { kind: 'provider_terms', platformType: 'bluesky', completedOn: '2026-11-01' });
    const r = await c.people.checkAuthorization(p.id, c.parksBluesky);
    expect(r.unmet).toEqual([expect.objectContaining({ clause: 'IV.C.15(g)', clauses: ['IV.C.15(g)', 'Att.A'] })]);
  });

  it('[II] the City Manager, ACM, IT Manager and PIA are authorized by definition but still need the acknowledgement', async () => {
    for (const role of ['city_manager', 'assistant_city_manager', 'it_manager', 'public_information_analyst'] as const) {
      const p = await c.person(`Def ${role}`, null, [{ role }]);
      await c.people.recordTraining(system, p.id, { kind: 'training', platformType: 'mastodon', completedOn: '2026-11-01' });
      await c.people.recordTraining(system, p.id, { kind: 'provider_terms', platformType: 'mastodon', completedOn: '2026-11-01' });
      const before = await c.people.checkAuthorization(p.id, c.cityMastodon);
      expect(before.basis).toBe('definition');
      expect(before.unmet.map((u) => u.clause)).toEqual(['IV.C.15(g)']);
      await c.people.acknowledge(await c.actor(p.id), p.id, { printedName: p.name, signature: p.name, signedOn: '2026-11-19', departmentAndTitle: `City Manager's Office, ${role}` });
      const after = await c.people.checkAuthorization(p.id, c.cityMastodon);
      expect(after).toMatchObject({ authorized: true, basis: 'definition', unmet: [] });
      // Any platform, a department's included, without a designation.
      await c.people.recordTraining(system, p.id, { kind: 'training', platformType: 'bluesky', completedOn: '2026-11-01' });
      await c.people.recordTraining(system, p.id, { kind: 'provider_terms', platformType: 'bluesky', completedOn: '2026-11-01' });
      expect((await c.people.checkAuthorization(p.id, c.libraryBluesky)).authorized).toBe(true);
    }
  });

  it('[IV.C.6] the City Manager still needs training for the platform type', async () => {
    const p = await c.person('Cam Untrained', null, [{ role: 'city_manager' }]);
    await c.people.acknowledge(system, p.id, { printedName: p.name, signature: p.name, signedOn: '2026-11-19', departmentAndTitle: 'City Manager' });
    const r = await c.people.checkAuthorization(p.id, c.cityMastodon);
    expect(r.unmet.map((u) => u.clause)).toEqual(['IV.C.6', 'IV.A.8']);
  });

  it('[IV.A.3] refuses a platform that is not active', async () => {
    const p = await c.person('Ada Anyplat', null, [{ role: 'public_information_analyst' }]);
    await c.makeReady(p.id, 'facebook');
    const r = await c.people.checkAuthorization(p.id, c.parksRequested);
    expect(r.unmet.map((u) => u.clause)).toEqual(['IV.A.3']);
  });

  it('[IV.B] a legislative body member is never authorizable', async () => {
    const m = await c.person('Councilmember Moe', null, [{ role: 'legislative_member' }]);
    await c.makeReady(m.id, 'mastodon');
    const r = await c.people.checkAuthorization(m.id, c.cityMastodon);
    expect(r.authorized).toBe(false);
    expect(r.unmet[0]).toMatchObject({ clause: 'IV.B', clauses: ['IV.B', 'II.legislative-body', 'II.authorized-employee'] });
  });

  it('[IV.E] suspension blocks authorization and is audited; reinstatement restores it', async () => {
    const p = await designatedEmployee('Sam Suspended');
    await c.makeReady(p.id, 'bluesky');
    expect((await c.people.checkAuthorization(p.id, c.parksBluesky)).authorized).toBe(true);
    const cm = await c.actor(c.cm.id);
    const incident = await c.people.recordIncident(cm, p.id, { occurredOn: '2026-11-18', description: 'Posted from a personal phone', clauses: ['IV.C.15(c)'] });
    await expect(c.people.changeAccess(await c.actor(c.parksHead.id), p.id, { action: 'suspend', reason: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await c.people.changeAccess(cm, p.id, { action: 'suspend', reason: 'Pending review', incidentId: incident.id });
    const r = await c.people.checkAuthorization(p.id, c.parksBluesky);
    expect(r.unmet.map((u) => u.clause)).toEqual(['IV.E']);
    expect((await c.people.actorFor(p.id))!.roles).toEqual([]);
    await c.people.changeAccess(await c.actor(c.it.id), p.id, { action: 'reinstate', reason: 'Review complete' });
    expect((await c.people.checkAuthorization(p.id, c.parksBluesky)).authorized).toBe(true);
    const actions = (await eventsFor(c.h, p.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['incident.recorded', 'access.suspended', 'access.reinstated']));
    const suspended = (await eventsFor(c.h, p.id)).find((e) => e.action === 'access.suspended')!;
    expect(JSON.parse(suspended.clauses)).toEqual(['IV.E']);
    expect(suspended.reason).toBe('Pending review');
    expect(suspended.actor_id).toBe(c.cm.id);
  });

  it('[IV.E] a revoked person stays refused and cannot be suspended again', async () => {
    const p = await designatedEmployee('Rae Revoked');
    await c.makeReady(p.id, 'bluesky');
    await c.people.changeAccess(await c.actor(c.it.id), p.id, { action: 'revoke', reason: 'Repeated violations' });
    expect((await c.people.checkAuthorization(p.id, c.parksBluesky)).unmet.map((u) => u.clause)).toEqual(['IV.E']);
    await expect(c.people.changeAccess(await c.actor(c.it.id), p.id, { action: 'suspend', reason: 'again' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('[VI] an exception waives exactly its clause, scope and dates, nothing else', async () => {
    const p = await designatedEmployee('Xena Exempt');
    await c.people.acknowledge(system, p.id, { printedName: p.name, signature: p.name, signedOn: '2026-11-19', departmentAndTitle: 'Parks, Analyst' });
    await c.people.recordTraining(system, p.id, { kind: 'provider_terms', platformType: 'bluesky', completedOn: '2026-11-01' });
    const other = await designatedEmployee('Otto Other');
    await c.people.acknowledge(system, other.id, { printedName: other.name, signature: other.name, signedOn: '2026-11-19', departmentAndTitle: 'Parks, Analyst' });
    await c.people.recordTraining(system, other.id, { kind: 'provider_terms', platformType: 'bluesky', completedOn: '2026-11-01' });

    // A recorded exception for IV.C.6, this person, this platform, 2026-11-15 … 2026-11-30.
    c.exceptions.list.push({ id: 'ex-1', clauseId: 'IV.C.6', personId: p.id, platformId: c.parksBluesky.id, startsOn: '2026-11-15', endsOn: '2026-11-30' });
    const r = await c.people.checkAuthorization(p.id, c.parksBluesky);
    expect(r.authorized).toBe(true);
    expect(r.exceptions).toEqual([expect.objectContaining({ clause: 'IV.C.6', exception: expect.objectContaining({ id: 'ex-1', agendaItem: '7.A' }) })]);

    // Not another person, not another platform.
    expect((await c.people.checkAuthorization(other.id, c.parksBluesky)).unmet.map((u) => u.clause)).toEqual(['IV.C.6']);
    const second = await c.platform(c.parks.id, 'bluesky');
    await c.people.designate(await c.actor(c.parksHead.id), p.id, { platformIds: [second.id] });
    expect((await c.people.checkAuthorization(p.id, second)).unmet.map((u) => u.clause)).toEqual(['IV.C.6']);

    // Not another clause: without provider terms for mastodon, IV.A.8 stays unmet.
    const cityP = await c.person('Xavier Pia', null, [{ role: 'public_information_analyst' }]);
    c.exceptions.list.push({ id: 'ex-2', clauseId: 'IV.C.6', personId: cityP.id, platformId: null, startsOn: '2026-11-15', endsOn: '2026-11-30' });
    await c.people.acknowledge(system, cityP.id, { printedName: cityP.name, signature: cityP.name, signedOn: '2026-11-19', departmentAndTitle: 'CMO, PIA' });
    expect((await c.people.checkAuthorization(cityP.id, c.cityMastodon)).unmet.map((u) => u.clause)).toEqual(['IV.A.8']);

    // Not outside its dates.
    const saved = c.clock.now();
    c.clock.set('2026-12-01T18:00:00Z');
    expect((await c.people.checkAuthorization(p.id, c.parksBluesky)).unmet.map((u) => u.clause)).toEqual(['IV.C.6']);
    c.clock.set('2026-11-14T18:00:00Z');
    expect((await c.people.checkAuthorization(p.id, c.parksBluesky)).authorized).toBe(false);
    c.clock.set(saved);
  });
});

describeEachDialect('people: re-acknowledgement after an amendment', (get) => {
  let c: City;
  beforeAll(async () => {
    c = await seedCity(get);
  });

  it('[IV.A.18] [IV.C.15(g)] the old acknowledgement counts only during the grace period', async () => {
    const grace = pack.authorization.reacknowledgementGraceDays;
    expect(grace).toBeGreaterThan(0);
    const p = await c.person('Amy Amended', c.parks.id, [{ role: 'employee', departmentId: c.parks.id }]);
    await c.people.designate(await c.actor(c.cm.id), p.id, { platformIds: [c.parksBluesky.id] });
    await c.makeReady(p.id, 'bluesky');
    expect((await c.people.checkAuthorization(p.id, c.parksBluesky)).authorized).toBe(true);

    c.clock.advance(10 * DAY);
    const amendedAt = c.clock.now();
    await c.versions.amend('2027-01-01');
    const during = await c.people.checkAuthorization(p.id, c.parksBluesky);
    expect(during.authorized).toBe(true);
    expect(during.reacknowledgeBy).toBe(new Date(amendedAt.getTime() + grace * DAY).toISOString());

    c.clock.set(new Date(amendedAt.getTime() + grace * DAY + 1000));
    const after = await c.people.checkAuthorization(p.id, c.parksBluesky);
    expect(after.authorized).toBe(false);
    expect(after.unmet).toEqual([expect.objectContaining({ clause: 'IV.C.15(g)', clauses: ['IV.C.15(g)', 'IV.A.18', 'Att.A'] })]);

    await c.people.acknowledge(await c.actor(p.id), p.id, { printedName: p.name, signature: p.name, signedOn: localDate(pack, c.clock.now()), departmentAndTitle: 'Parks, Analyst' });
    expect((await c.people.checkAuthorization(p.id, c.parksBluesky)).authorized).toBe(true);
  });

  it('[IV.A.18] an acknowledgement two amendments old has lapsed even inside the newest grace period', async () => {
    const p = await c.person('Olly Old', null, [{ role: 'public_information_analyst' }]);
    await c.makeReady(p.id, 'mastodon');
    c.clock.advance(1000);
    await c.versions.amend('2027-02-01');
    c.clock.advance(pack.authorization.reacknowledgementGraceDays * DAY + 1000);
    await c.versions.amend('2027-03-01');
    const r = await c.people.checkAuthorization(p.id, c.cityMastodon);
    expect(r.unmet.map((u) => u.clause)).toEqual(['IV.C.15(g)']);
  });

  it('[Att.A] binds the acknowledgement to the version and the SHA-256 of the exact text', async () => {
    const p = await c.person('Hana Hash', c.parks.id);
    const me = await c.actor(p.id);
    const form = await c.people.acknowledgementForm(me, p.id);
    const current = await c.versions.current();
    expect(form.policyVersion.id).toBe(current.id);
    expect(form.textSha256).toBe(acknowledgementText(pack).sha256);
    expect(form.body).toBe(pack.texts.acknowledgement.body);
    const ack = await c.people.acknowledge(me, p.id, {
      printedName: p.name,
      signature: p.name,
      signedOn: form.prefill.signedOn,
      departmentAndTitle: form.prefill.departmentAndTitle,
      policyVersionId: form.policyVersion.id,
      textSha256: form.textSha256,
    });
    expect(ack).toMatchObject({ policyVersionId: current.id, textSha256: form.textSha256, printedName: p.name, recordedBy: p.id });
    const events = await eventsFor(c.h, p.id);
    expect(events.at(-1)).toMatchObject({ action: 'acknowledgement.signed', clauses: JSON.stringify(['IV.C.15(g)', 'Att.A']) });
  });
});

describe('acknowledgement text hash', () => {
  it('[Att.A] is the SHA-256 of the Attachment A body', () => {
    const t = acknowledgementText(pack);
    expect(t.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(t.body).toContain('I hereby acknowledge receiving a copy');
  });
});
