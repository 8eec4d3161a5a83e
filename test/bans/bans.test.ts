import { beforeAll, expect, it } from 'vitest';
import { isBanned } from '../../src/modules/bans/index.ts';
import { describeWithContext } from '../context.ts';
import { CITY_FEED, PW_BLUESKY, modWorld, pst, refusal, type ModWorld } from './support.ts';

const DAY = 86_400_000;

describeWithContext('bans: denying access to commenters', (get) => {
  let w: ModWorld;
  let pw: string;
  let city: string;
  beforeAll(async () => {
    w = await modWorld(get());
    pw = (await w.platform(PW_BLUESKY)).id;
    city = (await w.platform(CITY_FEED)).id;
  }, 120_000);

  it('[V] a ban records clause, reason, duration and reviewer, time-limited by default', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-19T10:00'));
    const ban = await ctx.bans.createBan(w.moderator, { platformId: pw, handle: '@Deals4U.Example', clauses: ['V.7'], reason: 'Posted the same pharmacy advert under six City posts', reviewerId: w.moderator2.personId });
    expect(ban).toMatchObject({ handle: 'deals4u.example', platformName: PW_BLUESKY, clauses: ['V.7'], reason: 'Posted the same pharmacy advert under six City posts', status: 'active', reviewerName: 'Robin Second', createdByName: 'Morgan Lee', reviewOn: '2026-12-03', reviews: [] });
    expect(Date.parse(ban.endsAt!) - Date.parse(ban.startsAt)).toBe(30 * DAY);
    // The ingest side asks by handle as the platform spells it.
    expect(await ctx.bans.isBanned(pw, 'DEALS4U.example')).toMatchObject({ banId: ban.id, clauses: ['V.7'] });
    expect(await isBanned(ctx.db.db, pw, 'deals4u.example', new Date(Date.parse(ban.endsAt!) + 1))).toBeNull();
    expect(await isBanned(ctx.db.db, city, 'deals4u.example', ctx.clock.now())).toBeNull();
    const notes = await ctx.notifications.listFor(w.moderator2, { relatedId: ban.id });
    expect(notes.map((n) => [n.kind, n.clauses])).toEqual([['ban.review_assigned', ['V']]]);
    const audit = await ctx.audit.list(w.cm, { targetType: 'commenter_ban', targetId: ban.id });
    expect(audit.map((e) => [e.action, e.clauses, e.reason])).toEqual([['ban.created', ['V.7', 'V'], 'Posted the same pharmacy advert under six City posts']]);
    // One ban at a time per commenter and platform.
    await refusal(ctx.bans.createBan(w.pia, { platformId: pw, handle: 'deals4u.example', clauses: ['V.7'], reason: 'Again the advert', reviewerId: w.moderator2.personId }), 'conflict');
  });

  it('[V] a ban cites Section V clauses only: a reason is a clause, never an opinion', async () => {
    const ctx = get();
    const base = { platformId: pw, handle: 'someone.example', reason: 'Repeated comments', reviewerId: w.moderator2.personId };
    for (const clauses of [[], ['V'], ['V.99'], ['IV.B'], ['rude']]) {
      const e = await refusal(ctx.bans.createBan(w.moderator, { ...base, clauses }), 'invalid_input');
      expect(e.message).toMatch(/Section V/);
    }
    await refusal(ctx.bans.createBan(w.moderator, { ...base, clauses: ['V.3'], reason: 'bad' }), 'invalid_input');
    expect(await ctx.bans.isBanned(pw, 'someone.example')).toBeNull();
  });

  it('[V] the reviewer is a different person from the one who bans, and holds a moderating role', async () => {
    const ctx = get();
    const base = { platformId: pw, handle: 'reviewer.test', clauses: ['V.14'], reason: 'Personal attacks on a named resident' };
    const self = await refusal(ctx.bans.createBan(w.moderator, { ...base, reviewerId: w.moderator.personId }), 'policy_refusal');
    expect(self.clauses).toEqual(['V']);
    await refusal(ctx.bans.createBan(w.moderator, { ...base, reviewerId: w.poster.personId }), 'invalid_input');
    await refusal(ctx.bans.createBan(w.moderator, { ...base, reviewerId: w.moderator2.personId, durationDays: 3, reviewOn: '2026-12-31' }), 'invalid_input');
    const reviewers = (await ctx.bans.reviewers(w.moderator)).map((r) => r.name);
    expect(reviewers).toEqual(expect.arrayContaining(['Casey Morales', 'Morgan Lee', 'Priya Iyer', 'Robin Second']));
    expect(reviewers).not.toContain('Jordan Patel');
  });

  it('[V] an indefinite ban needs the City Manager; only moderators, the PIA and the CM deny access', async () => {
    const ctx = get();
    const base = { platformId: city, handle: 'threats.example', clauses: ['V.11'], reason: 'Threatened to hurt a named City employee', reviewerId: w.moderator2.personId };
    const e = await refusal(ctx.bans.createBan(w.moderator, { ...base, indefinite: true }), 'forbidden');
    expect(e.clauses).toEqual(['V']);
    await refusal(ctx.bans.createBan(w.poster, base), 'forbidden');
    await refusal(ctx.bans.createBan(w.auditor, base), 'forbidden');
    const ban = await ctx.bans.createBan(w.cm, { ...base, indefinite: true });
    expect(ban).toMatchObject({ endsAt: null, status: 'active', reviewOn: '2026-12-03' });
    expect(await ctx.bans.isBanned(city, 'threats.example', new Date('2030-01-01T00:00:00Z'))).not.toBeNull();
    // Oversight reads; employees do not.
    expect((await ctx.bans.listBans(w.auditor, { platformId: city })).map((b) => b.handle)).toContain('threats.example');
    expect((await ctx.bans.listBans(w.auditor)).every((b) => b.abilities['ban.lift'] === false)).toBe(true);
    await refusal(ctx.bans.listBans(w.poster), 'forbidden');
  });

  it('[V] the named reviewer reviews: keep moves the review date, shorten brings the end forward, each outcome is kept', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-20T09:00'));
    const ban = await ctx.bans.createBan(w.pia, { platformId: city, handle: 'review.me', clauses: ['V.3'], reason: 'Profanity in every reply', durationDays: 60, reviewerId: w.moderator.personId });
    expect(ban.abilities).toEqual({ 'ban.review': false, 'ban.lift': true });
    await refusal(ctx.bans.reviewBan(w.moderator2, ban.id, { outcome: 'keep', note: 'Still posting' }), 'forbidden');
    const kept = await ctx.bans.reviewBan(w.moderator, ban.id, { outcome: 'keep', note: 'Still posting profanity elsewhere', nextReviewOn: '2026-12-15' });
    expect(kept).toMatchObject({ reviewOn: '2026-12-15', status: 'active', reviews: [{ outcome: 'keep', byName: 'Morgan Lee', note: 'Still posting profanity elsewhere' }] });
    expect(kept.reviewedAt).toBe(ctx.clock.now().toISOString());
    await refusal(ctx.bans.reviewBan(w.moderator, ban.id, { outcome: 'shorten', note: 'Shorter', endsOn: '2027-06-01' }), 'invalid_input');
    const shorter = await ctx.bans.reviewBan(w.moderator, ban.id, { outcome: 'shorten', note: 'Apologised by email', endsOn: '2026-11-30' });
    // Ends when 1 December begins in Carson.
    expect(shorter.endsAt).toBe('2026-12-01T08:00:00.000Z');
    expect(shorter.reviewOn).toBe('2026-11-30');
    expect(shorter.reviews.map((r) => r.outcome)).toEqual(['keep', 'shorten']);
    expect(await ctx.bans.isBanned(city, 'review.me', new Date('2026-12-01T08:00:00.000Z'))).toBeNull();
    const lifted = await ctx.bans.reviewBan(w.cm, ban.id, { outcome: 'lift', note: 'No further problems seen' });
    expect(lifted).toMatchObject({ status: 'lifted', liftReason: 'No further problems seen', abilities: { 'ban.review': false, 'ban.lift': false } });
    await refusal(ctx.bans.reviewBan(w.moderator, ban.id, { outcome: 'keep', note: 'Too late now' }), 'conflict');
  });

  it('[V] a ban is lifted with a reason; it applied until then', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-21T09:00'));
    const ban = await ctx.bans.createBan(w.moderator, { platformId: pw, handle: 'lift.me', clauses: ['V.1'], reason: 'Dozens of random characters', reviewerId: w.moderator2.personId, durationDays: 7 });
    await refusal(ctx.bans.liftBan(w.poster, ban.id, 'Because'), 'forbidden');
    await refusal(ctx.bans.liftBan(w.moderator, ban.id, 'no'), 'invalid_input');
    ctx.clock.set(pst('2026-11-22T09:00'));
    const lifted = await ctx.bans.liftBan(w.moderator, ban.id, 'Account was hacked; owner restored it');
    expect(lifted).toMatchObject({ status: 'lifted', liftedBy: w.moderator.personId, liftReason: 'Account was hacked; owner restored it' });
    expect(await ctx.bans.isBanned(pw, 'lift.me')).toBeNull();
    expect(await ctx.bans.isBanned(pw, 'lift.me', pst('2026-11-21T12:00'))).toMatchObject({ banId: ban.id });
    await refusal(ctx.bans.liftBan(w.moderator, ban.id, 'Again and again'), 'conflict');
  });

  it('[V] the reviewer is reminded once when the review date comes, and again after a review sets the next one', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-19T10:00'));
    const ban = await ctx.bans.createBan(w.moderator, { platformId: city, handle: 'remind.me', clauses: ['V.12'], reason: 'Posted a staff entrance door code', reviewerId: w.moderator2.personId, durationDays: 90, reviewOn: '2026-11-24' });
    const reminders = async () => (await ctx.notifications.listFor(w.moderator2, { relatedId: ban.id })).filter((n) => n.kind === 'ban.review_due').length;
    await ctx.bans.tick(pst('2026-11-23T09:00'));
    expect(await reminders()).toBe(0);
    ctx.clock.set(pst('2026-11-24T09:00'));
    await ctx.bans.tick(pst('2026-11-24T09:00'));
    await ctx.bans.tick(pst('2026-11-24T12:00'));
    expect(await reminders()).toBe(1);
    expect((await ctx.bans.listBans(w.moderator2, { dueForReview: true })).map((b) => b.id)).toContain(ban.id);
    ctx.clock.set(pst('2026-11-24T10:00'));
    await ctx.bans.reviewBan(w.moderator2, ban.id, { outcome: 'keep', note: 'Code changed; keep for now', nextReviewOn: '2026-12-01' });
    ctx.clock.set(pst('2026-12-01T09:00'));
    await ctx.bans.tick(pst('2026-12-01T09:00'));
    expect(await reminders()).toBe(2);
  });

  it('[V] bans expire on their own: tick marks them expired, once, and they stop applying', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-23T09:00'));
    const ban = await ctx.bans.createBan(w.moderator, { platformId: pw, handle: 'short.ban', clauses: ['V.5'], reason: 'Campaign flyers under every post', reviewerId: w.moderator2.personId, durationDays: 2 });
    expect(await ctx.bans.tick(pst('2026-11-24T09:00'))).toBe(0);
    const expired = await ctx.bans.tick(pst('2026-11-25T09:00'));
    expect(expired).toBeGreaterThanOrEqual(1);
    expect(await ctx.bans.tick(pst('2026-11-25T09:00'))).toBe(0);
    expect((await ctx.bans.getBan(w.cm, ban.id)).status).toBe('expired');
    expect((await ctx.bans.listBans(w.cm, { status: 'expired' })).map((b) => b.id)).toContain(ban.id);
    const audit = await ctx.audit.list(w.cm, { targetType: 'commenter_ban', targetId: ban.id });
    expect(audit.map((e) => e.action).sort()).toEqual(['ban.created', 'ban.expired']);
    await refusal(ctx.bans.liftBan(w.moderator, ban.id, 'Already over anyway'), 'conflict');
    // A ban whose review date came reminds its reviewer once.
    expect((await ctx.notifications.listFor(w.moderator2, { relatedId: ban.id })).map((n) => n.kind).sort()).toEqual(['ban.review_assigned']);
    // Denied again after it ended: a new ban is allowed.
    ctx.clock.set(pst('2026-11-25T10:00'));
    await ctx.bans.createBan(w.moderator, { platformId: pw, handle: 'short.ban', clauses: ['V.5'], reason: 'Back with more flyers', reviewerId: w.moderator2.personId, durationDays: 5 });
  });
});
