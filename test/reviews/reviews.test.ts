import { beforeAll, expect, it } from 'vitest';
import { dueOn, periodOf } from '../../src/modules/reviews/index.ts';
import { describeWithContext } from '../context.ts';
import { CITY_FEED, PW_BLUESKY, pst, refusal, world, type World } from '../offduty/support.ts';

describeWithContext('reviews: recurring currency and ads/links reviews', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await world(get());
  }, 120_000);

  it('[IV.C.15(f)(iii)] [IV.D.2] each active platform gets a quarterly currency review and a monthly ads/links review, once', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-19T10:00'));
    const active = (await ctx.db.db.selectFrom('platforms').select('name').where('status', '=', 'active').execute()).map((p) => p.name);
    expect(active).toEqual(expect.arrayContaining([CITY_FEED, PW_BLUESKY]));
    expect(await ctx.reviews.tick(ctx.clock.now())).toBe(2 * active.length);
    expect(await ctx.reviews.tick(ctx.clock.now())).toBe(0);
    const tasks = await ctx.reviews.listReviews(w.cm);
    const row = (name: string, kind: string) => tasks.find((t) => t.platformName === name && t.kind === kind);
    expect(tasks.map((t) => t.platformName).sort()).toEqual([...active, ...active].sort());
    expect(row(PW_BLUESKY, 'currency')).toMatchObject({ period: '2026-Q4', dueOn: '2026-12-31', clause: 'IV.C.15(f)(iii)', ownerRole: 'department_head', ownerLabel: 'Department Head (Public Works)', ownerNames: ['Dana Whitfield'], status: 'open', overdue: false });
    expect(row(PW_BLUESKY, 'ads_links')).toMatchObject({ period: '2026-11', dueOn: '2026-11-30', clause: 'IV.D.2' });
    expect(row(CITY_FEED, 'currency')).toMatchObject({ ownerRole: 'public_information_analyst', ownerNames: ['Priya Iyer'] });
    expect((await ctx.notifications.listFor(w.pwHead, { relatedId: row(PW_BLUESKY, 'ads_links')!.id })).map((n) => n.kind)).toEqual(['review.due']);
    // A new month brings the next ads/links review; the quarter's currency review is already there.
    ctx.clock.set(pst('2026-12-01T09:00'));
    expect(await ctx.reviews.tick(ctx.clock.now())).toBe(active.length);
  });

  it('[IV.C.15(f)(iii)] owners see their own tasks; the department head completes theirs with findings, others may not', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-12-02T10:00'));
    const pw = (await w.platform(PW_BLUESKY)).departmentId;
    const mine = (await ctx.reviews.listReviews(w.pwHead, { mine: true })).filter((t) => t.platformName === PW_BLUESKY);
    expect(mine.length).toBeGreaterThan(0);
    expect((await ctx.reviews.listReviews(w.pwHead, { mine: true })).every((t) => t.departmentId === pw)).toBe(true);
    expect((await ctx.reviews.listReviews(w.pia, { mine: true })).every((t) => t.platformName === CITY_FEED)).toBe(true);
    expect(await ctx.reviews.listReviews(w.csHead)).toEqual([]);
    await refusal(ctx.reviews.listReviews(w.poster), 'forbidden');

    const task = mine.find((t) => t.kind === 'currency')!;
    expect(task.abilities['review.complete']).toBe(true);
    await refusal(ctx.reviews.completeReview(w.csHead, task.id, { outcome: 'ok', findings: 'Looks fine' }), 'forbidden');
    await refusal(ctx.reviews.completeReview(w.pia, task.id, { outcome: 'ok', findings: 'Looks fine' }), 'forbidden');
    await refusal(ctx.reviews.completeReview(w.pwHead, task.id, { outcome: 'ok', findings: 'ok' }), 'invalid_input');
    const done = await ctx.reviews.completeReview(w.pwHead, task.id, { outcome: 'ok', findings: 'All pinned posts current; holiday hours updated', notes: 'Next: January schedule' });
    expect(done).toMatchObject({ status: 'done', outcome: 'ok', completedByName: 'Dana Whitfield', abilities: { 'review.complete': false } });
    await refusal(ctx.reviews.completeReview(w.pwHead, task.id, { outcome: 'ok', findings: 'Twice' }), 'conflict');
  });

  it('[IV.D.2] ads or links needing action reach the City Manager, who may complete any review; missed ones show as overdue', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-12-03T10:00'));
    const ads = (await ctx.reviews.listReviews(w.pia, { mine: true })).find((t) => t.kind === 'ads_links' && t.period === '2026-12')!;
    const done = await ctx.reviews.completeReview(w.pia, ads.id, { outcome: 'action_needed', findings: 'Sidebar shows a payday-loan ad next to City posts' });
    expect((await ctx.notifications.listFor(w.cm, { relatedId: done.id })).map((n) => [n.kind, n.clauses])).toEqual([['review.action_needed', ['IV.D.2']]]);

    const overdue = await ctx.reviews.listReviews(w.cm, { status: 'overdue' });
    expect(overdue.map((t) => [t.platformName, t.period])).toEqual(expect.arrayContaining([
      [CITY_FEED, '2026-11'],
      [PW_BLUESKY, '2026-11'],
    ]));
    expect(overdue.every((t) => t.period === '2026-11' && t.kind === 'ads_links')).toBe(true);
    expect(overdue.every((t) => t.overdue)).toBe(true);
    const late = await ctx.reviews.completeReview(w.cm, overdue[0]!.id, { outcome: 'ok', findings: 'Reviewed late; nothing found' });
    expect(late.status).toBe('done');
  });

  it('[IV.C.15(f)(iii)] a terminated platform has nothing left to review: its open tasks are cancelled, not deleted', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-12-04T10:00'));
    const city = await w.platform(CITY_FEED);
    await ctx.platforms.terminate(w.cm, city.id, { reason: 'Moving to the new website feed' });
    await ctx.reviews.tick(ctx.clock.now());
    const tasks = (await ctx.reviews.listReviews(w.cm, { platformId: city.id })).filter((t) => t.status !== 'done');
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.status === 'cancelled' && t.cancelledReason === 'Platform is terminated')).toBe(true);
  });
});

it('[IV.C.15(f)(iii)] [IV.D.2] periods and due dates follow the City calendar: the last business day of the period', async () => {
  const { loadPackFromDir, defaultPackDir } = await import('../../src/policy/index.ts');
  const pack = loadPackFromDir(defaultPackDir());
  expect(periodOf('currency', '2027-02-10')).toEqual({ key: '2027-Q1', firstDay: '2027-01-01', lastDay: '2027-03-31' });
  // 2027-03-31 is César Chávez Day: due the day before.
  expect(dueOn(pack, periodOf('currency', '2027-02-10'))).toBe('2027-03-30');
  // January 2027 ends on a Sunday: due Friday the 29th.
  expect(dueOn(pack, periodOf('ads_links', '2027-01-05'))).toBe('2027-01-29');
  // December 2027: the 31st is the observed New Year holiday and the 24th Christmas: due Thursday the 30th.
  expect(dueOn(pack, periodOf('ads_links', '2027-12-10'))).toBe('2027-12-30');
});
