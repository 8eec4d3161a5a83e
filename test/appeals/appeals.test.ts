import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/actor.ts';
import { createAppealsService, type AppealsService } from '../../src/modules/appeals/index.ts';
import { describeWithContext } from '../context.ts';
import { commentWithDecision, modWorld, PW_BLUESKY, pst, refusal, type ModWorld } from '../bans/support.ts';

const XSS = '<img src=x onerror=alert(1)><script>alert("x")</script>';

describeWithContext('appeals of moderation decisions and bans', (get) => {
  let w: ModWorld;
  let pw: string;
  let appeals: AppealsService;
  const restored: { actor: Actor; commentId: string; note: string }[] = [];
  beforeAll(async () => {
    const ctx = get();
    w = await modWorld(ctx);
    pw = (await w.platform(PW_BLUESKY)).id;
    // The comments module restores a comment; here a stand-in records the call (its own tests cover the restore).
    appeals = createAppealsService({ db: ctx.db.db, clock: ctx.clock, pack: ctx.pack, audit: ctx.audit, notifications: ctx.notifications, bans: ctx.bans, restoreComment: async (actor, commentId, note) => void restored.push({ actor, commentId, note }) });
  }, 120_000);

  const appealOf = (commentId: string) => ({ commentId, name: 'Alex Resident', contact: 'alex@example.org', statement: 'My comment was about the street repairs on the post, not off-topic.' });

  it('[V] anyone may appeal a removed comment without signing in and follow it by reference, which shows no personal data', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-19T10:00'));
    const { commentId } = await commentWithDecision(ctx, { platformId: pw, text: 'When will Avalon be repaved?', decision: 'remove', clauses: ['V.1'], moderatorId: w.moderator.personId });
    const submitted = await appeals.submit(appealOf(commentId));
    expect(submitted).toEqual({ reference: expect.any(String), subject: 'comment', status: 'open', submittedAt: ctx.clock.now().toISOString(), decidedAt: null, decisionNote: null });
    const status = await appeals.status(submitted.reference);
    expect(JSON.stringify(status)).not.toMatch(/Alex|example\.org|Avalon/);
    await refusal(appeals.status('no-such-reference'), 'not_found');
    // Moderators hear of it; the audit trail names no one.
    expect((await ctx.notifications.listFor(w.moderator2, { relatedId: submitted.reference })).map((n) => n.kind)).toEqual(['appeal.submitted']);
    const trail = await ctx.audit.list(w.cm, { targetType: 'moderation_appeal', targetId: submitted.reference });
    expect(trail.map((e) => [e.action, e.actorLabel])).toEqual([['appeal.submitted', 'public']]);
    expect(JSON.stringify(trail)).not.toMatch(/Alex|example\.org/);
  });

  it('[V] the appeal form is validated and length-limited; hostile text is kept as text', async () => {
    const ctx = get();
    const { commentId } = await commentWithDecision(ctx, { platformId: pw, text: 'Buy cheap pills', decision: 'hide', clauses: ['V.7'], moderatorId: w.moderator.personId });
    const { commentId: visible } = await commentWithDecision(ctx, { platformId: pw, text: 'Thanks for fixing the light' });
    const before = await ctx.db.db.selectFrom('moderation_appeals').select('id').execute();
    await refusal(appeals.submit({ ...appealOf(commentId), banId: 'x' }), 'invalid_input');
    await refusal(appeals.submit({ name: 'A', contact: 'a@b.co', statement: 'Nothing referenced here at all' }), 'invalid_input');
    await refusal(appeals.submit({ ...appealOf(commentId), contact: 'write to me' }), 'invalid_input');
    await refusal(appeals.submit({ ...appealOf(commentId), statement: 'short' }), 'invalid_input');
    await refusal(appeals.submit({ ...appealOf(commentId), statement: 'x'.repeat(5001) }), 'invalid_input');
    await refusal(appeals.submit({ ...appealOf(commentId), name: 'Nul\u0000byte' }), 'invalid_input');
    await refusal(appeals.submit({ ...appealOf('no-such-comment') }), 'invalid_input');
    await refusal(appeals.submit(appealOf(visible)), 'conflict');
    expect(await ctx.db.db.selectFrom('moderation_appeals').select('id').execute()).toHaveLength(before.length);
    const ok = await appeals.submit({ ...appealOf(commentId), name: XSS, contact: '+1 (310) 555-0142', statement: `Not spam. ${XSS}` });
    const staff = await appeals.get(w.moderator2, ok.reference);
    expect(staff).toMatchObject({ name: XSS, contact: '+1 (310) 555-0142', statement: `Not spam. ${XSS}`, comment: { text: 'Buy cheap pills', visibility: 'hidden', decisions: [{ decision: 'hide', clauses: ['V.7'], moderatorName: 'Morgan Lee' }] } });
  });

  it('[V] an appeal is decided by a different moderator; granting restores the comment through the comments module', async () => {
    const ctx = get();
    const { commentId } = await commentWithDecision(ctx, { platformId: pw, text: 'The council vote was rigged', decision: 'remove', clauses: ['V.4'], moderatorId: w.moderator.personId });
    const a = await appeals.submit(appealOf(commentId));
    expect((await appeals.get(w.moderator, a.reference)).abilities['appeal.decide']).toBe(false);
    expect((await appeals.get(w.moderator2, a.reference)).abilities['appeal.decide']).toBe(true);
    const same = await refusal(appeals.decide(w.moderator, a.reference, { outcome: 'grant', note: 'I changed my mind' }), 'forbidden');
    expect(same.clauses).toEqual(['V']);
    await refusal(appeals.decide(w.poster, a.reference, { outcome: 'grant', note: 'Looks fine to me' }), 'forbidden');
    await refusal(appeals.list(w.poster), 'forbidden');
    ctx.clock.set(pst('2026-11-20T11:00'));
    const granted = await appeals.decide(w.moderator2, a.reference, { outcome: 'grant', note: 'An opinion about a vote, not a false statement of fact' });
    expect(granted).toMatchObject({ status: 'granted', decidedByName: 'Robin Second', abilities: { 'appeal.decide': false } });
    expect(restored.at(-1)).toMatchObject({ commentId, note: `Appeal ${a.reference} granted: An opinion about a vote, not a false statement of fact` });
    expect(restored.at(-1)!.actor).toMatchObject({ personId: w.moderator2.personId });
    expect(await appeals.status(a.reference)).toMatchObject({ status: 'granted', decidedAt: '2026-11-20T19:00:00.000Z', decisionNote: 'An opinion about a vote, not a false statement of fact' });
    await refusal(appeals.decide(w.pia, a.reference, { outcome: 'deny', note: 'Second thoughts' }), 'conflict');
  });

  it('[V] [IV.C.11] as wired in the application, a granted appeal is restored by the comments module, which records the restore decision', async () => {
    const ctx = get();
    const { commentId } = await commentWithDecision(ctx, { platformId: pw, text: 'Is the pool open on Sundays?', decision: 'remove', clauses: ['V.1'], moderatorId: w.moderator.personId });
    const a = await ctx.appeals.submit(appealOf(commentId));
    await ctx.appeals.decide(w.moderator2, a.reference, { outcome: 'grant', note: 'A question about the post, on topic' });
    const restore = await ctx.db.db.selectFrom('moderation_decisions').selectAll().where('comment_id', '=', commentId).where('decision', '=', 'restore').executeTakeFirstOrThrow();
    expect(restore).toMatchObject({ moderator_id: w.moderator2.personId, note: `Appeal ${a.reference} granted: A question about the post, on topic` });
    expect((await ctx.appeals.status(a.reference)).status).toBe('granted');
  });

  it('[V] a denied appeal records the note and restores nothing; the second moderator of a removal may not decide its appeal', async () => {
    const ctx = get();
    const { commentId, decisionId } = await commentWithDecision(ctx, { platformId: pw, text: 'Go to hell, all of you', decision: 'remove', clauses: ['V.3'], moderatorId: w.moderator.personId });
    await ctx.db.db.updateTable('moderation_decisions').set({ second_moderator_id: w.moderator2.personId }).where('id', '=', decisionId!).execute();
    const a = await appeals.submit(appealOf(commentId));
    await refusal(appeals.decide(w.moderator2, a.reference, { outcome: 'deny', note: 'Profanity stays removed' }), 'forbidden');
    const calls = restored.length;
    const denied = await appeals.decide(w.pia, a.reference, { outcome: 'deny', note: 'Profanity (V.3) stays removed' });
    expect(denied.status).toBe('denied');
    expect(restored).toHaveLength(calls);
    expect((await appeals.list(w.auditor, { status: 'denied' })).map((x) => x.id)).toContain(a.reference);
  });

  it('[V] a ban can be appealed: the one who banned may not decide; granting lifts the ban', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-21T10:00'));
    const ban = await ctx.bans.createBan(w.moderator, { platformId: pw, handle: 'appealing.one', clauses: ['V.14'], reason: 'Called a resident names', reviewerId: w.pia.personId });
    const first = await appeals.submit({ banId: ban.id, name: 'Pat', contact: '310-555-0199', statement: 'I was quoting someone else and said so.' });
    expect(first.subject).toBe('ban');
    await refusal(appeals.decide(w.moderator, first.reference, { outcome: 'grant', note: 'Fair enough' }), 'forbidden');
    await appeals.decide(w.moderator2, first.reference, { outcome: 'deny', note: 'The quote was your own words' });
    expect(await ctx.bans.isBanned(pw, 'appealing.one')).not.toBeNull();
    const second = await appeals.submit({ banId: ban.id, name: 'Pat', contact: '310-555-0199', statement: 'Here is the link to the original quote.' });
    await appeals.decide(w.moderator2, second.reference, { outcome: 'grant', note: 'The quote checks out' });
    expect(await ctx.bans.getBan(w.cm, ban.id)).toMatchObject({ status: 'lifted', liftReason: 'Appeal granted: The quote checks out', liftedBy: w.moderator2.personId });
    expect(await ctx.bans.isBanned(pw, 'appealing.one')).toBeNull();
    await refusal(appeals.submit({ banId: ban.id, name: 'Pat', contact: '310-555-0199', statement: 'And once more for luck.' }), 'conflict');
  });
});
