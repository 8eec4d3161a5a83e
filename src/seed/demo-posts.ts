import type { AppContext } from '../context.ts';
import type { PersonActor } from '../kernel/actor.ts';
import { ManualClock } from '../kernel/clock.ts';
import { createPostsService } from '../modules/posts/index.ts';
import { demoWorkStart } from './seed-clock.ts';

const MINUTE = 60_000;
/** The clock's walk through the workflow below: in 90 minutes after opening, then seven steps. */
const STEP = 7 * MINUTE;
const WORK_SPAN = 90 * MINUTE + 7 * STEP;

/**
 * Demo posts in every state of the workflow, written through the real posts service. They are
 * dated in a business day about a week ago (the demo may be seeded at night or late in the
 * afternoon, when staff may not work on posts, IV.C.15(e)), so the service runs on a clock set
 * there, at an opening that leaves the whole walk inside business hours.
 */
export async function seedDemoPosts(ctx: AppContext, who: { poster: PersonActor; pia: PersonActor; cm: PersonActor; pwHead: PersonActor; it: PersonActor }): Promise<void> {
  const clock = new ManualClock(demoWorkStart(ctx.pack, ctx.clock.now(), WORK_SPAN));
  clock.advance(90 * MINUTE);
  const posts = createPostsService({
    db: ctx.db.db,
    dialect: ctx.db.dialect,
    clock,
    pack: ctx.pack,
    audit: ctx.audit,
    notifications: ctx.notifications,
    people: ctx.people,
    platforms: ctx.platforms,
    vault: ctx.vault,
    connectors: ctx.connectors,
    screenPost: (input) => ctx.screening.screenPost(input),
    attachments: ctx.attachments,
    offDuty: ctx.offduty,
    archive: ctx.archive.hooks,
  });
  // IV.D.1: the IT Office's template, which the demo platforms were given at their IT review.
  await posts.saveTemplate(who.it, null, {
    name: 'IT-TEMPLATE-2026',
    opening: '',
    closing: 'https://ci.carson.ca.us',
    guidance: 'Plain language. Lead with what changes for residents, then when and where. End with the link back to the City website (IV.A.4).',
  });
  const platformId = async (name: string) => (await ctx.db.db.selectFrom('platforms').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const cityNews = await platformId('Carson City News');
  const pwNews = await platformId('Carson Public Works News');
  const step = () => clock.advance(STEP);

  // Published on the City feed: drafted by the PIA, approved by the City Manager, reviewed by IT.
  const holiday = await posts.create(who.pia, {
    title: 'City Hall closed for Thanksgiving',
    body: 'City Hall is closed Thursday and Friday, November 26 and 27, for the Thanksgiving holiday. Online services stay open: https://ci.carson.ca.us/',
    targets: [{ platformId: cityNews }],
  });
  step();
  await posts.submit(who.pia, holiday.id);
  step();
  await posts.approve(who.cm, holiday.id, { comment: 'Approved.' });
  step();
  await posts.itReview(who.it, holiday.id);

  // Published on the Public Works feed by the designated employee.
  const sweeping = await posts.create(who.poster, {
    title: 'Street sweeping moves to Tuesdays',
    body: 'Starting next week, street sweeping on Avalon Boulevard moves to Tuesday mornings. Please move parked cars by 7 a.m. Details: https://ci.carson.ca.us/sweeping',
    targets: [{ platformId: pwNews }],
  });
  await posts.submit(who.poster, sweeping.id);
  step();
  await posts.approve(who.pwHead, sweeping.id);
  step();
  await posts.itReview(who.it, sweeping.id);
  step();
  await posts.publisher({ workerId: 'demo-seed' }).runDue();

  // Approved by the department, waiting for the IT Manager.
  const water = await posts.create(who.poster, {
    title: 'Water main repair on 223rd Street',
    body: 'Crews repair a water main on 223rd Street between Main Street and Figueroa Street on Wednesday from 8 a.m. to 3 p.m. Expect one lane each way. Details: https://ci.carson.ca.us/streets',
    targets: [{ platformId: pwNews }],
  });
  await posts.submit(who.poster, water.id);
  step();
  await posts.approve(who.pwHead, water.id, { comment: 'Good to go.' });

  // Submitted, waiting for the department head.
  const leaves = await posts.create(who.poster, {
    title: 'Leaf pickup',
    body: 'Curbside leaf pickup runs the first two weeks of December on your regular collection day. Details: https://ci.carson.ca.us/leaves',
    targets: [{ platformId: pwNews }],
  });
  await posts.submit(who.poster, leaves.id);

  // A draft with a blocking finding: a personal phone number (IV.D.7(a)).
  await posts.create(who.poster, {
    title: 'Questions about sidewalk repair',
    body: 'Questions about sidewalk repair? Call Dana at 310-555-0147 any time. https://ci.carson.ca.us/sidewalks',
    targets: [{ platformId: pwNews }],
  });
}
