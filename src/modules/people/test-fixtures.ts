// Test fixtures for the people module (not a test file itself): a service over a test database
// with small fakes for the policy-versions and exceptions modules, and a seeded City.
import { createHash, randomBytes } from 'node:crypto';
import type { DbHandle } from '../../db/index.ts';
import { systemActor, type PersonActor, type Role } from '../../kernel/actor.ts';
import { ManualClock } from '../../kernel/clock.ts';
import { toIso, toJson } from '../../kernel/codec.ts';
import { newId } from '../../kernel/ids.ts';
import { defaultPackDir, loadPackFromDir, localDate, type PolicyPack } from '../../policy/index.ts';
import { createAuditService } from '../audit/index.ts';
import { createPeopleService } from './service.ts';
import type { ExceptionsPort, PolicyVersionsPort } from './types.ts';

export const pack: PolicyPack = loadPackFromDir(defaultPackDir());
export const system = systemActor('test');

/** Policy versions kept in the real table (acknowledgements reference it). */
export function fakePolicyVersions(h: DbHandle, clock: ManualClock) {
  const port: PolicyVersionsPort & { amend(version: string): Promise<string> } = {
    async amend(version: string) {
      const id = newId();
      await h.db
        .insertInto('policy_versions')
        .values({
          id,
          pack_id: pack.id,
          version,
          content_hash: createHash('sha256').update(version + randomBytes(4).toString('hex')).digest('hex'),
          adopted_on: localDate(pack, clock.now()),
          pack_json: toJson({ id: pack.id, version }),
          changes: toJson(null),
          recorded_at: toIso(clock.now()),
          recorded_by: null,
        })
        .execute();
      return id;
    },
    async current() {
      const r = await h.db.selectFrom('policy_versions').selectAll().where('pack_id', '=', pack.id).orderBy('recorded_at', 'desc').limit(1).executeTakeFirstOrThrow();
      return { id: r.id, packId: r.pack_id, version: r.version, contentHash: r.content_hash, recordedAt: r.recorded_at, adoptedOn: r.adopted_on };
    },
    async get(id: string) {
      const r = await h.db.selectFrom('policy_versions').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? { id: r.id, packId: r.pack_id, version: r.version, contentHash: r.content_hash, recordedAt: r.recorded_at, adoptedOn: r.adopted_on } : null;
    },
  };
  return port;
}

export interface FakeException {
  id: string;
  clauseId: string;
  personId: string | null;
  platformId: string | null;
  startsOn: string;
  endsOn: string;
}

/** The exceptions register as the people module sees it: scope and dates matched exactly. */
export function fakeExceptions(): ExceptionsPort & { list: FakeException[] } {
  const list: FakeException[] = [];
  return {
    list,
    async findActive(q) {
      const day = localDate(pack, q.on);
      const e = list.find(
        (x) =>
          x.clauseId === q.clauseId &&
          x.startsOn <= day &&
          x.endsOn >= day &&
          (x.personId === null || x.personId === (q.personId ?? null)) &&
          (x.platformId === null || x.platformId === (q.platformId ?? null)),
      );
      return e ? { id: e.id, clauseId: e.clauseId, agendaItem: '7.A', councilApprovedOn: e.startsOn } : null;
    },
  };
}

const uniq = () => randomBytes(4).toString('hex');

/** A seeded City: two departments, a platform in each, a City platform, one in review, and managers. */
export async function seedCity(get: () => DbHandle, start = '2026-11-19T18:00:00Z') {
  const h = get();
  const clock = new ManualClock(start);
  const audit = createAuditService({ db: h.db, dialect: h.dialect, clock });
  const versions = fakePolicyVersions(h, clock);
  const exceptions = fakeExceptions();
  const people = createPeopleService({ db: h.db, dialect: h.dialect, clock, pack, audit, policyVersions: versions, exceptions });
  await versions.amend('2016-12-07');

  const parks = await people.createDepartment(system, { name: `Parks ${uniq()}`, code: `PK${uniq()}`, kind: 'department' });
  const library = await people.createDepartment(system, { name: `Library ${uniq()}`, code: `LB${uniq()}`, kind: 'department' });

  async function platform(departmentId: string | null, type: string, status = 'active') {
    const id = newId();
    const now = toIso(clock.now());
    await h.db
      .insertInto('platforms')
      .values({
        id,
        name: `${type} ${uniq()}`,
        type,
        department_id: departmentId,
        handle: null,
        url: null,
        domain: null,
        purpose: 'test',
        status,
        requested_by: null,
        requested_at: now,
        it_reviewed_by: null,
        it_reviewed_at: null,
        it_review_notes: null,
        council_approved_on: null,
        council_agenda_item: null,
        activated_by: null,
        activated_at: null,
        terminated_by: null,
        terminated_at: null,
        termination_reason: null,
        comments_enabled: 0,
        comments_authorized_by: null,
        comments_authorized_at: null,
        profile: '{}',
        contact_email: null,
        contact_phone: null,
        template: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return { id, type, departmentId, status };
  }

  async function person(name: string, departmentId: string | null = parks.id, roles: { role: Role; departmentId?: string | null }[] = []) {
    const p = await people.createPerson(system, { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${uniq()}@carsonca.gov`, title: 'Analyst', departmentId });
    for (const r of roles) await people.grantRole(system, p.id, { role: r.role, departmentId: r.departmentId ?? null });
    return p;
  }

  async function actor(personId: string): Promise<PersonActor> {
    const a = await people.actorFor(personId);
    if (!a) throw new Error('no such person');
    return a;
  }

  /** Signs the current version and records training and provider terms for a platform type. */
  async function makeReady(personId: string, type: string) {
    const p = await h.db.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
    const cur = await versions.current();
    const signed = await h.db.selectFrom('acknowledgements').select('id').where('person_id', '=', personId).where('policy_version_id', '=', cur.id).executeTakeFirst();
    if (!signed) {
      await people.acknowledge(system, personId, { printedName: p.name, signature: p.name, signedOn: localDate(pack, clock.now()), departmentAndTitle: 'Parks, Analyst' });
    }
    await people.recordTraining(system, personId, { kind: 'training', platformType: type, completedOn: localDate(pack, clock.now()) });
    await people.recordTraining(system, personId, { kind: 'provider_terms', platformType: type, completedOn: localDate(pack, clock.now()) });
  }

  const cm = await person('Carla Manager', null, [{ role: 'city_manager' }]);
  const it = await person('Ivan Tech', null, [{ role: 'it_manager' }]);
  const parksHead = await person('Pat Head', parks.id, [{ role: 'department_head', departmentId: parks.id }]);
  const libraryHead = await person('Lee Head', library.id, [{ role: 'department_head', departmentId: library.id }]);
  const parksBluesky = await platform(parks.id, 'bluesky');
  const libraryBluesky = await platform(library.id, 'bluesky');
  const cityMastodon = await platform(null, 'mastodon');
  const parksRequested = await platform(parks.id, 'facebook', 'requested');

  return {
    h,
    clock,
    audit,
    versions,
    exceptions,
    people,
    parks,
    library,
    platform,
    person,
    actor,
    makeReady,
    cm,
    it,
    parksHead,
    libraryHead,
    parksBluesky,
    libraryBluesky,
    cityMastodon,
    parksRequested,
  };
}

export type City = Awaited<ReturnType<typeof seedCity>>;

/** Audit events recorded for a target since a sequence number. */
export async function eventsFor(h: DbHandle, targetId: string) {
  return h.db.selectFrom('audit_events').selectAll().where('target_id', '=', targetId).orderBy('seq').execute();
}
