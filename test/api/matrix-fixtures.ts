import type { AppContext } from '../../src/context.ts';
import { systemActor, type Actor, type PersonActor } from '../../src/kernel/actor.ts';
import { localDate } from '../../src/policy/index.ts';
import { acknowledgementText } from '../../src/modules/people/index.ts';
import { scheduleRotationsFor } from '../../src/modules/vault/index.ts';
import { moduleFixtures } from './modules/index.ts';

/**
 * For every API route: how to call it validly, on a fresh target made for this call, and the
 * resource its rule is judged on. A route without a fixture fails the matrix (new routes must
 * be added here).
 */
export interface Call {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** What the rule sees. */
  resource: unknown;
  /** When the rule depends on the body (e.g. enabling vs disabling comments). */
  action?: string;
}

export interface World {
  ctx: AppContext;
  system: Actor;
  dept: (code: string) => string;
  person: (email: string) => string;
  platform: (name: string) => { id: string; departmentId: string | null };
  today: string;
  seq: () => number;
}

export async function buildWorld(ctx: AppContext): Promise<World> {
  const depts = await ctx.db.db.selectFrom('departments').select(['id', 'code']).execute();
  const persons = await ctx.db.db.selectFrom('persons').select(['id', 'email']).execute();
  const platforms = await ctx.db.db.selectFrom('platforms').select(['id', 'name', 'department_id']).execute();
  let n = 0;
  const must = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`matrix world: no ${what}`);
    return v;
  };
  return {
    ctx,
    system: systemActor('matrix'),
    dept: (code) => must(depts.find((d) => d.code === code), `department ${code}`).id,
    person: (email) => must(persons.find((p) => p.email === email), `person ${email}`).id,
    platform: (name) => {
      const p = must(platforms.find((x) => x.name === name), `platform ${name}`);
      return { id: p.id, departmentId: p.department_id };
    },
    today: localDate(ctx.pack, ctx.clock.now()),
    seq: () => ++n,
  };
}

const PW_BLUESKY = 'Carson Public Works on Bluesky';

async function freshPwPerson(w: World) {
  const i = w.seq();
  const p = await w.ctx.people.createPerson(w.system, { name: `Matrix Person ${i}`, email: `matrix${i}@carsonca.gov`, title: 'Analyst', departmentId: w.dept('PW') });
  await w.ctx.people.grantRole(w.system, p.id, { role: 'employee', departmentId: w.dept('PW') });
  return p;
}

async function freshPlatform(w: World, upTo: 'requested' | 'it_reviewed' | 'council_approved' | 'active') {
  const { ctx, system } = w;
  const pw = w.dept('PW');
  const i = w.seq();
  const p = await ctx.platforms.request(system, { name: `Matrix Feed ${i}`, type: 'city_feed', purpose: 'Matrix test', departmentId: pw });
  if (upTo === 'requested') return p;
  await ctx.platforms.itReview(system, p.id, { decision: 'approve', notes: 'ok', template: 'IT-TEMPLATE-2026' });
  if (upTo === 'it_reviewed') return p;
  await ctx.platforms.recordCouncilApproval(system, p.id, { approvedOn: w.today, agendaItem: `M-${i}` });
  await ctx.platforms.updateProfile(system, p.id, {
    contactEmail: 'socialmedia@carsonca.gov',
    contactPhone: '+13108307600',
    profile: {
      displayName: p.name,
      sealOrLogo: '/seal.svg',
      brandingText: "The official platform of the City of Carson's Public Works Department",
      websiteUrl: ctx.pack.jurisdiction.websiteUrl,
      privacyPolicyUrl: ctx.pack.jurisdiction.privacyPolicyUrl,
      termsOfUseUrl: ctx.pack.jurisdiction.termsOfUseUrl,
      recordsDisclaimer: { how: 'text' },
      publicForumNotice: { how: 'text' },
      liabilityDisclaimer: { how: 'text' },
      commentPolicy: { how: 'text' },
    },
  });
  if (upTo === 'council_approved') return p;
  await ctx.platforms.activate(system, p.id);
  return p;
}

const platformResource = (p: { departmentId: string | null }, status: string, commentsEnabled = false) => ({ departmentId: p.departmentId, status, commentsEnabled });

export type Fixture = (w: World, as: PersonActor) => Promise<Call>;

const foundationFixtures: Record<string, Fixture> = {
  'GET /api/audit': async () => ({ resource: null }),
  'POST /api/auth/password': async (_w, as) => ({ body: { currentPassword: 'carson-demo-city-2026', newPassword: 'carson-demo-city-2026-b' }, resource: { personId: as.personId } }),
  'GET /api/policy/versions': async () => ({ resource: null }),
  'GET /api/exceptions': async () => ({ resource: null }),
  'POST /api/exceptions': async (w) => ({
    body: { clauseId: 'IV.C.6', personId: w.person('sokafor@carsonca.gov'), startsOn: w.today, endsOn: w.today, councilApprovedOn: w.today, agendaItem: '7', description: 'Matrix' },
    resource: null,
  }),
  'POST /api/exceptions/:id/revoke': async (w) => {
    const ex = await w.ctx.exceptions.record(w.system, { clauseId: 'IV.C.6', personId: w.person('sokafor@carsonca.gov'), startsOn: w.today, endsOn: w.today, councilApprovedOn: w.today, agendaItem: '8', description: 'Matrix' });
    return { params: { id: ex.id }, body: { reason: 'Rescinded' }, resource: null };
  },
  'GET /api/platforms': async () => ({ resource: null }),
  'POST /api/platforms': async (w) => ({ body: { name: `Requested ${w.seq()}`, type: 'city_feed', purpose: 'Matrix', departmentId: w.dept('PW') }, resource: { departmentId: w.dept('PW') } }),
  'GET /api/platforms/:id': async (w) => ({ params: { id: w.platform(PW_BLUESKY).id }, resource: null }),
  'PATCH /api/platforms/:id/profile': async (w) => {
    const p = await freshPlatform(w, 'requested');
    return { params: { id: p.id }, body: { profile: { displayName: 'Renamed' } }, resource: platformResource(p, 'requested') };
  },
  'POST /api/platforms/:id/it-review': async (w) => {
    const p = await freshPlatform(w, 'requested');
    return { params: { id: p.id }, body: { decision: 'approve', notes: 'Looks right' }, resource: platformResource(p, 'requested') };
  },
  'POST /api/platforms/:id/council-approval': async (w) => {
    const p = await freshPlatform(w, 'it_reviewed');
    return { params: { id: p.id }, body: { approvedOn: w.today, agendaItem: '12' }, resource: platformResource(p, 'it_reviewed') };
  },
  'POST /api/platforms/:id/activate': async (w) => {
    const p = await freshPlatform(w, 'council_approved');
    return { params: { id: p.id }, resource: platformResource(p, 'council_approved') };
  },
  'POST /api/platforms/:id/terminate': async (w) => {
    const p = await freshPlatform(w, 'active');
    return { params: { id: p.id }, body: { reason: 'No longer needed' }, resource: platformResource(p, 'active') };
  },
  'POST /api/platforms/:id/comments': async (w) => {
    const p = await freshPlatform(w, 'active');
    return { params: { id: p.id }, body: { enabled: true }, resource: platformResource(p, 'active'), action: 'platform.enable_comments' };
  },
  'POST /api/platforms/:id/admins': async (w) => {
    const p = await freshPlatform(w, 'active');
    return { params: { id: p.id }, body: { personId: w.person('jpatel@carsonca.gov') }, resource: platformResource(p, 'active') };
  },
  'POST /api/platforms/:id/admins/:adminId/approve': async (w) => {
    const p = await freshPlatform(w, 'active');
    const a = await w.ctx.platforms.requestAdmin(w.system, p.id, { personId: w.person('jpatel@carsonca.gov') });
    return { params: { id: p.id, adminId: a.id! }, resource: platformResource(p, 'active') };
  },
  'POST /api/platforms/:id/admins/:adminId/remove': async (w) => {
    const p = await freshPlatform(w, 'active');
    const a = await w.ctx.platforms.requestAdmin(w.system, p.id, { personId: w.person('jpatel@carsonca.gov') });
    return { params: { id: p.id, adminId: a.id! }, body: { reason: 'Left the team' }, resource: platformResource(p, 'active') };
  },
  'GET /api/apps': async () => ({ resource: null }),
  'POST /api/apps': async (w) => ({ body: { name: `App ${w.seq()}`, vendor: 'Vendor', purpose: 'Scheduling' }, resource: null }),
  'POST /api/apps/:id/decision': async (w) => {
    const a = await w.ctx.platforms.proposeApp(w.system, { name: `App ${w.seq()}`, vendor: 'V', purpose: 'P' });
    return { params: { id: a.id }, body: { decision: 'approve', note: 'Trusted vendor' }, resource: { status: 'proposed' } };
  },
  'POST /api/apps/:id/remove': async (w) => {
    const a = await w.ctx.platforms.proposeApp(w.system, { name: `App ${w.seq()}`, vendor: 'V', purpose: 'P' });
    await w.ctx.platforms.decideApp(w.system, a.id, { decision: 'approve', note: 'ok' });
    return { params: { id: a.id }, body: { reason: 'performance' }, resource: { status: 'approved' } };
  },
  'GET /api/connectors': async () => ({ resource: null }),
  'GET /api/notifications': async () => ({ resource: null }),
  'POST /api/notifications/:id/read': async (w) => {
    const n = await w.ctx.db.db.transaction().execute((tx) =>
      w.ctx.notifications.notify(tx, { audience: 'role', role: 'it_manager', kind: 'matrix', subject: 'Matrix', body: 'Matrix', clauses: [] }),
    );
    return { params: { id: n.id }, resource: { audience: 'role', personId: null, role: 'it_manager' } };
  },
  'GET /api/departments': async () => ({ resource: null }),
  'POST /api/departments': async (w) => ({ body: { name: `Division ${w.seq()}`, code: `M${w.seq()}`, kind: 'division' }, resource: null }),
  'POST /api/departments/:id/archive': async (w) => {
    const d = await w.ctx.people.createDepartment(w.system, { name: `Temp ${w.seq()}`, code: `T${w.seq()}`, kind: 'division' });
    return { params: { id: d.id }, resource: null };
  },
  'GET /api/people': async (w) => ({ query: `departmentId=${w.dept('PW')}`, resource: { departmentIds: [w.dept('PW')] } }),
  'POST /api/people': async (w) => {
    const i = w.seq();
    return { body: { name: `New Hire ${i}`, email: `hire${i}@carsonca.gov`, departmentId: w.dept('PW') }, resource: { id: '', departmentId: w.dept('PW') } };
  },
  'GET /api/me': async (_w, as) => ({ resource: { id: as.personId, departmentId: null }, action: 'person.read' }),
  'GET /api/legislative-members/unnotified': async () => ({ resource: null }),
  'GET /api/people/:id': async (w) => ({ params: { id: w.person('jpatel@carsonca.gov') }, resource: { id: w.person('jpatel@carsonca.gov'), departmentId: w.dept('PW') } }),
  'PATCH /api/people/:id': async (w) => {
    const p = await freshPwPerson(w);
    return { params: { id: p.id }, body: { title: 'Senior Analyst' }, resource: { id: p.id, departmentId: w.dept('PW') } };
  },
  'POST /api/people/:id/roles': async (w) => {
    const p = await freshPwPerson(w);
    return { params: { id: p.id }, body: { role: 'moderator' }, resource: { personId: p.id, role: 'moderator', departmentId: null, designeeOf: null } };
  },
  'POST /api/people/:id/roles/:roleId/revoke': async (w) => {
    const p = await freshPwPerson(w);
    const r = await w.ctx.people.grantRole(w.system, p.id, { role: 'moderator' });
    return { params: { id: p.id, roleId: r.id }, body: { reason: 'Reassigned' }, resource: { personId: p.id, role: 'moderator', departmentId: null, designeeOf: null } };
  },
  'POST /api/people/:id/designations': async (w) => {
    const p = await freshPwPerson(w);
    return { params: { id: p.id }, body: { departmentId: w.dept('PW'), platformIds: [w.platform(PW_BLUESKY).id] }, resource: { personId: p.id, departmentId: w.dept('PW'), otherPlatforms: false } };
  },
  'POST /api/people/:id/designations/:designationId/revoke': async (w) => {
    const p = await freshPwPerson(w);
    const d = await w.ctx.people.designate(w.system, p.id, { departmentId: w.dept('PW'), platformIds: [w.platform(PW_BLUESKY).id] });
    return { params: { id: p.id, designationId: d.id }, body: { reason: 'Reassigned' }, resource: { personId: p.id, departmentId: w.dept('PW'), otherPlatforms: false } };
  },
  'GET /api/people/:id/acknowledgement-form': async (w) => ({ params: { id: w.person('jpatel@carsonca.gov') }, resource: { id: w.person('jpatel@carsonca.gov'), departmentId: w.dept('PW') } }),
  'POST /api/people/:id/acknowledgements': async (w) => {
    const p = await freshPwPerson(w);
    return {
      params: { id: p.id },
      body: { printedName: p.name, signature: p.name, signedOn: w.today, departmentAndTitle: 'Public Works, Analyst', textSha256: acknowledgementText(w.ctx.pack).sha256 },
      // Nobody here is this fresh person, so only those who may record a signed paper form may do it.
      resource: { id: p.id, departmentId: w.dept('PW') },
    };
  },
  'POST /api/people/:id/trainings': async (w) => {
    const p = await freshPwPerson(w);
    return { params: { id: p.id }, body: { kind: 'training', platformType: 'bluesky', completedOn: w.today }, resource: { id: p.id, departmentId: w.dept('PW') } };
  },
  'GET /api/people/:id/authorization': async (w) => ({ params: { id: w.person('sokafor@carsonca.gov') }, resource: { id: w.person('sokafor@carsonca.gov'), departmentId: w.dept('CS') } }),
  'POST /api/people/:id/legislative-notifications': async (w) => {
    const i = w.seq();
    const p = await w.ctx.people.createPerson(w.system, { name: `Commissioner ${i}`, email: `commissioner${i}@carsonca.gov`, departmentId: null });
    await w.ctx.people.grantRole(w.system, p.id, { role: 'legislative_member' });
    return { params: { id: p.id }, body: { body: 'Planning Commission', notifiedOn: w.today, method: 'letter' }, resource: null };
  },
  'POST /api/people/:id/incidents': async (w) => {
    const p = await freshPwPerson(w);
    return { params: { id: p.id }, body: { occurredOn: w.today, description: 'Posted from a personal phone', clauses: ['IV.C.15(d)'] }, resource: { id: p.id, departmentId: w.dept('PW') } };
  },
  'POST /api/people/:id/access': async (w) => {
    const p = await freshPwPerson(w);
    return { params: { id: p.id }, body: { action: 'suspend', reason: 'Pending review' }, resource: { id: p.id, departmentId: w.dept('PW') } };
  },
  'GET /api/vault/credentials': async () => ({ resource: null }),
  'GET /api/vault/platforms/:id/credentials': async (w) => {
    const p = w.platform(PW_BLUESKY);
    return { params: { id: p.id }, resource: { departmentId: p.departmentId } };
  },
  'POST /api/vault/platforms/:id/credentials': async (w) => {
    const p = await freshPlatform(w, 'requested');
    return { params: { id: p.id }, body: { username: `matrix-user-${w.seq()}` }, resource: { departmentId: p.departmentId } };
  },
  'POST /api/vault/secrets/:id/reveal': async (w) => {
    const p = await freshPlatform(w, 'requested');
    const r = await w.ctx.vault.submit(w.system, p.id, { username: `matrix-user-${w.seq()}` });
    return { params: { id: r.secretIds[0]! }, body: { reason: 'Matrix reveal check' }, resource: { departmentId: p.departmentId } };
  },
  'GET /api/vault/rotation-tasks': async () => ({ resource: null }),
  'POST /api/vault/rotation-tasks/:id/complete': async (w) => {
    const p = await freshPlatform(w, 'requested');
    const [task] = await w.ctx.db.db.transaction().execute((tx) => scheduleRotationsFor(tx, w.person('jpatel@carsonca.gov'), { trigger: 'matrix', reason: 'Matrix', at: w.ctx.clock.now(), platformIds: [p.id] }));
    return { params: { id: task!.id }, body: { note: 'Rotated' }, resource: null };
  },
};

/** Every route's fixture: the foundation's here, each later module's in test/api/modules/. */
export const fixtures: Record<string, Fixture> = { ...foundationFixtures, ...moduleFixtures };
