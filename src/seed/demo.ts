import type { AppContext } from '../context.ts';
import { systemActor, type Actor, type PersonActor, type Role } from '../kernel/actor.ts';
import { addDays } from '../kernel/time.ts';
import { localDate } from '../policy/index.ts';
import { acknowledgementText } from '../modules/people/index.ts';
import type { PlatformProfile } from '../modules/platforms/index.ts';
import { seedDemoPosts } from './demo-posts.ts';

/** A demo account printed on start-up so a newcomer can sign in. */
export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  role: string;
  /** Set for accounts whose authenticator is already enrolled; otherwise the first sign-in enrolls one. */
  totpSecret?: string;
}

export interface SeedResult {
  created: boolean;
  accounts: DemoAccount[];
}

/** One password for every demo account: it is a demo. Long enough to pass the password rules. */
export const DEMO_PASSWORD = 'carson-demo-city-2026';

const DEPARTMENTS = [
  { code: 'CMO', name: "City Manager's Office" },
  { code: 'IT', name: 'Information Technology' },
  { code: 'PW', name: 'Public Works' },
  { code: 'CS', name: 'Community Services' },
  { code: 'CLK', name: 'City Clerk' },
] as const;
type DeptCode = (typeof DEPARTMENTS)[number]['code'];

interface DemoPerson {
  key: string;
  name: string;
  email: string;
  title: string;
  dept: DeptCode | null;
  roles: { role: Role; dept?: DeptCode }[];
  label: string;
}

const PEOPLE: DemoPerson[] = [
  { key: 'cm', name: 'Casey Morales', email: 'cm@carsonca.gov', title: 'City Manager', dept: 'CMO', roles: [{ role: 'city_manager' }], label: 'City Manager' },
  { key: 'acm', name: 'Avery Chen', email: 'acm@carsonca.gov', title: 'Assistant City Manager', dept: 'CMO', roles: [{ role: 'assistant_city_manager' }], label: 'Assistant City Manager' },
  { key: 'it', name: 'Isaac Tran', email: 'it@carsonca.gov', title: 'Information Technology Manager', dept: 'IT', roles: [{ role: 'it_manager' }], label: 'IT Manager' },
  { key: 'pia', name: 'Priya Iyer', email: 'pia@carsonca.gov', title: 'Public Information Analyst', dept: 'CMO', roles: [{ role: 'public_information_analyst' }], label: 'Public Information Analyst' },
  { key: 'pwhead', name: 'Dana Whitfield', email: 'pw.director@carsonca.gov', title: 'Director of Public Works', dept: 'PW', roles: [{ role: 'department_head', dept: 'PW' }], label: 'Department Head (Public Works)' },
  { key: 'cshead', name: 'Marisol Reyes', email: 'cs.director@carsonca.gov', title: 'Director of Community Services', dept: 'CS', roles: [{ role: 'department_head', dept: 'CS' }], label: 'Department Head (Community Services)' },
  { key: 'poster', name: 'Jordan Patel', email: 'jpatel@carsonca.gov', title: 'Management Analyst', dept: 'PW', roles: [{ role: 'employee', dept: 'PW' }], label: 'Authorized Employee (Public Works)' },
  { key: 'employee', name: 'Sam Okafor', email: 'sokafor@carsonca.gov', title: 'Recreation Coordinator', dept: 'CS', roles: [{ role: 'employee', dept: 'CS' }], label: 'Employee (not yet authorized)' },
  { key: 'clerk', name: 'Carla Nguyen', email: 'clerk@carsonca.gov', title: 'City Clerk', dept: 'CLK', roles: [{ role: 'city_clerk' }], label: 'City Clerk' },
  { key: 'attorney', name: 'Adrian Brooks', email: 'attorney@carsonca.gov', title: 'City Attorney', dept: null, roles: [{ role: 'city_attorney' }], label: 'City Attorney' },
  { key: 'auditor', name: 'Ruth Albers', email: 'auditor@carsonca.gov', title: 'Internal Auditor', dept: null, roles: [{ role: 'auditor' }], label: 'Auditor (read-only)' },
  { key: 'moderator', name: 'Morgan Lee', email: 'moderator@carsonca.gov', title: 'Communications Specialist', dept: 'CMO', roles: [{ role: 'moderator' }], label: 'Moderator' },
  { key: 'council', name: 'Councilmember Lula Davis', email: 'ldavis.council@carsonca.gov', title: 'Councilmember', dept: null, roles: [{ role: 'legislative_member' }], label: 'Legislative Body Member' },
];

const fullProfile = (pack: AppContext['pack'], name: string, branding: string, comments: boolean): Partial<PlatformProfile> => ({
  displayName: name,
  sealOrLogo: '/assets/carson-seal.svg',
  brandingText: branding,
  websiteUrl: pack.jurisdiction.websiteUrl,
  privacyPolicyUrl: pack.jurisdiction.privacyPolicyUrl,
  termsOfUseUrl: pack.jurisdiction.termsOfUseUrl,
  recordsDisclaimer: { how: 'text' },
  publicForumNotice: { how: 'text' },
  liabilityDisclaimer: { how: 'text' },
  commentPolicy: comments ? { how: 'link', url: `${pack.jurisdiction.websiteUrl}social-media-comment-policy` } : null,
});

/**
 * Seeds the demo city: the departments, one person in every role, platforms in every lifecycle
 * state, an authorized employee, and the audit trail all of that leaves. Everything goes through
 * the services (so it is authorized, validated and audited like any other change). Idempotent:
 * a database that already has the demo City Manager is left alone.
 */
export async function seedDemoCity(ctx: AppContext): Promise<SeedResult> {
  const accounts: DemoAccount[] = PEOPLE.map((p) => ({ email: p.email, password: DEMO_PASSWORD, name: p.name, role: p.label }));
  const existing = await ctx.db.db.selectFrom('persons').select('id').where('email', '=', 'cm@carsonca.gov').executeTakeFirst();
  if (existing) return { created: false, accounts };

  const system = systemActor('seed');
  const { people, platforms, identity, pack } = ctx;
  const today = localDate(pack, ctx.clock.now());

  const dept = new Map<DeptCode, string>();
  for (const d of DEPARTMENTS) dept.set(d.code, (await people.createDepartment(system, { name: d.name, code: d.code, kind: 'department' })).id);

  const ids = new Map<string, string>();
  for (const p of PEOPLE) {
    const person = await people.createPerson(system, { name: p.name, email: p.email, title: p.title, departmentId: p.dept ? dept.get(p.dept)! : null });
    ids.set(p.key, person.id);
    for (const r of p.roles) await people.grantRole(system, person.id, { role: r.role, departmentId: r.dept ? dept.get(r.dept)! : null });
    if (p.roles.every((r) => r.role !== 'legislative_member')) await identity.createLocalAccount(system, { personId: person.id, password: DEMO_PASSWORD });
  }
  const id = (key: string) => ids.get(key)!;
  const asPerson = async (key: string): Promise<Actor> => (await people.actorFor(id(key)))!;

  // II: the Assistant City Manager is the City Manager's designee for the coming two weeks.
  await people.grantRole(await asPerson('cm'), id('acm'), { role: 'city_manager', designeeOf: id('cm'), startsOn: today, endsOn: addDays(today, 14) });

  // IV.B: the council member was told of the Brown Act restrictions.
  await people.recordLegislativeNotification(system, id('council'), { body: 'City Council', notifiedOn: addDays(today, -30), method: 'Memo delivered at the council orientation' });

  const cm = await asPerson('cm');
  const it = await asPerson('it');
  const clerk = await asPerson('clerk');
  const pwHead = await asPerson('pwhead');
  const csHead = await asPerson('cshead');

  // Platforms in every lifecycle state.
  const cityBranding = 'The official platform of the City of Carson';
  const pwBranding = "The official platform of the City of Carson's Public Works Department";
  const csBranding = "The official platform of the City of Carson's Community Services Department";

  async function walk(actor: Actor, input: Parameters<typeof platforms.request>[1], upTo: 'requested' | 'it_reviewed' | 'council_approved' | 'active' | 'terminated', branding: string, agendaItem: string) {
    const p = await platforms.request(actor, input);
    if (upTo === 'requested') return p;
    await platforms.itReview(it, p.id, { decision: 'approve', notes: 'Connector can remove posts; department template applied.', template: 'IT-TEMPLATE-2026' });
    if (upTo === 'it_reviewed') return p;
    await platforms.recordCouncilApproval(clerk, p.id, { approvedOn: addDays(today, -21), agendaItem });
    if (upTo === 'council_approved') return p;
    await platforms.updateProfile(it, p.id, { profile: fullProfile(pack, input.name, branding, false), contactEmail: 'socialmedia@carsonca.gov', contactPhone: '+13108307600' });
    await platforms.activate(cm, p.id);
    if (upTo === 'active') return p;
    await platforms.terminate(cm, p.id, { reason: 'Replaced by the City news feed; the relay service is being retired.' });
    return p;
  }

  const cityFeed = await walk(cm, { name: 'Carson City News', type: 'city_feed', purpose: 'City-wide news, notices and events', departmentId: null, domain: 'ci.carson.ca.us' }, 'active', cityBranding, '2026-11-A');
  const pwBluesky = await walk(pwHead, { name: 'Carson Public Works on Bluesky', type: 'bluesky', purpose: 'Street closures, traffic and service updates', departmentId: dept.get('PW')!, handle: 'carsonpw.bsky.social', domain: 'bsky.app' }, 'active', pwBranding, '2026-11-B');
  const pwNews = await walk(pwHead, { name: 'Carson Public Works News', type: 'city_feed', purpose: 'Street work, closures and service notices as a news feed', departmentId: dept.get('PW')!, domain: 'ci.carson.ca.us' }, 'active', pwBranding, '2026-11-G');
  await walk(csHead, { name: 'Carson Community Services on Facebook', type: 'facebook', purpose: 'Programs, classes and events', departmentId: dept.get('CS')!, domain: 'facebook.com' }, 'council_approved', csBranding, '2026-11-C');
  await walk(csHead, { name: 'Carson Parks on Mastodon', type: 'mastodon', purpose: 'Park news', departmentId: dept.get('CS')!, handle: '@carsonparks@mastodon.social', domain: 'mastodon.social' }, 'it_reviewed', csBranding, '2026-11-D');
  await walk(pwHead, { name: 'Public Works Field Updates Feed', type: 'city_feed', purpose: 'Crew schedules and field updates', departmentId: dept.get('PW')! }, 'requested', pwBranding, '2026-11-E');
  await walk(cm, { name: 'Old News Relay', type: 'city_feed', purpose: 'Former news relay', departmentId: null }, 'terminated', cityBranding, '2026-10-F');

  // IV.A.6: the City Manager authorizes comments on the Public Works Bluesky account (with the comment policy posted).
  await platforms.updateProfile(it, pwBluesky.id, { profile: fullProfile(pack, pwBluesky.name, pwBranding, true) });
  await platforms.setComments(cm, pwBluesky.id, { enabled: true, note: 'Two-way communication for service requests, moderated under Section V.' });

  // An authorized employee, walked through designation → acknowledgement → training → provider terms.
  const posterId = id('poster');
  await people.designate(pwHead, posterId, { departmentId: dept.get('PW')!, platformIds: [pwBluesky.id, pwNews.id] });
  const poster = await asPerson('poster');
  const ack = acknowledgementText(pack);
  await people.acknowledge(poster, posterId, { printedName: 'Jordan Patel', signature: 'Jordan Patel', signedOn: today, departmentAndTitle: 'Public Works, Management Analyst', textSha256: ack.sha256 });
  await people.recordTraining(pwHead, posterId, { kind: 'training', platformType: 'bluesky', completedOn: addDays(today, -7) });
  await people.recordTraining(pwHead, posterId, { kind: 'provider_terms', platformType: 'bluesky', completedOn: addDays(today, -7) });
  await people.recordTraining(pwHead, posterId, { kind: 'training', platformType: 'city_feed', completedOn: addDays(today, -7) });
  await people.recordTraining(pwHead, posterId, { kind: 'provider_terms', platformType: 'city_feed', completedOn: addDays(today, -7) });

  // The oversight roles sign the acknowledgement too (II: authorized by definition, still sign).
  for (const key of ['cm', 'it', 'pia']) {
    const p = PEOPLE.find((x) => x.key === key)!;
    await people.acknowledge(await asPerson(key), id(key), { printedName: p.name, signature: p.name, signedOn: today, departmentAndTitle: p.title, textSha256: ack.sha256 });
  }
  // They post to the City news feed, so they have its training and terms on record (IV.C.6).
  for (const key of ['cm', 'acm', 'pia']) {
    await people.recordTraining(it, id(key), { kind: 'training', platformType: 'city_feed', completedOn: addDays(today, -7) });
    await people.recordTraining(it, id(key), { kind: 'provider_terms', platformType: 'city_feed', completedOn: addDays(today, -7) });
  }

  // A third-party scheduling app, approved by IT (IV.C.15(i)(iv)).
  const app = await platforms.proposeApp(pwHead, { name: 'Crier Link Shortener', vendor: 'City IT', purpose: 'Short links back to the City website', platformId: cityFeed.id });
  await platforms.decideApp(it, app.id, { decision: 'approve', note: 'Runs on City servers; no third-party tracking.' });

  await seedDemoPosts(ctx, { poster: (await asPerson('poster')) as PersonActor, pia: (await asPerson('pia')) as PersonActor, cm: cm as PersonActor, pwHead: pwHead as PersonActor, it: it as PersonActor });

  return { created: true, accounts };
}

export function printDemoAccounts(result: SeedResult, url: string): void {
  console.log(`\nCrier demo city ${result.created ? 'seeded' : 'already seeded'}. Sign in at ${url}`);
  console.log(`Every demo account's password: ${DEMO_PASSWORD}`);
  console.log('The City Manager, IT Manager and City Clerk set up an authenticator app (TOTP) at first sign-in.\n');
  for (const a of result.accounts) {
    if (a.role === 'Legislative Body Member') continue;
    console.log(`  ${a.role.padEnd(38)} ${a.email}`);
  }
  console.log('  (Councilmember Lula Davis has no account: legislative body members are kept out, IV.B.)\n');
}
