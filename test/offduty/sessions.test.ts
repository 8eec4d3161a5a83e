import { afterEach, beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';
import { pst, refusal, world, type World } from './support.ts';

const MIN = 60_000;
const at = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MIN);

describeWithContext('offduty: sessions and the time log', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await world(get());
  }, 120_000);
  // Leave nobody with an open session for the next test.
  afterEach(async () => {
    const ctx = get();
    ctx.clock.advance(3 * 86_400_000);
    await ctx.offduty.tick(ctx.clock.now());
  });

  it("[IV.C.15(e)(i)(B)] a posting action at night is logged in the action's own transaction; nobody ending the session still leaves a flagged entry", async () => {
    const ctx = get();
    const t0 = pst('2026-11-20T21:00');
    const act = (t: Date, what: string) => ctx.db.db.transaction().execute((tx) => ctx.offduty.noteActivity(tx, w.poster, t, what));
    await act(t0, 'post.submit');
    await act(at(t0, 3), 'post.edit');
    // The action failed and rolled back: so did its log line (one transaction, never half-done).
    await expect(
      ctx.db.db.transaction().execute(async (tx) => {
        await ctx.offduty.noteActivity(tx, w.poster, at(t0, 4), 'post.approve');
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    ctx.clock.set(at(t0, 4));
    expect((await ctx.offduty.myLog(w.poster)).openSession).toMatchObject({ openedBy: 'activity', activityCount: 2, startedAt: t0.toISOString() });

    // Thirty idle minutes later the sweep closes it at its last activity; it is never dropped.
    ctx.clock.set(at(t0, 40));
    expect(await ctx.offduty.tick(ctx.clock.now())).toBe(1);
    const log = await ctx.offduty.myLog(w.poster);
    expect(log.openSession).toBeNull();
    expect(log.entries[0]).toMatchObject({ startedAt: t0.toISOString(), endedAt: at(t0, 3).toISOString(), minutes: 3, flags: ['auto_closed'], preauthId: null });
    // On duty, nothing is logged as off-duty time.
    await act(pst('2026-11-23T10:00'), 'post.submit');
    expect((await ctx.offduty.myLog(w.poster)).openSession).toBeNull();
  });

  it('[IV.C.15(e)(i)(A)] past five minutes without pre-authorization further off-duty work is refused; with one it goes on', async () => {
    const ctx = get();
    const t0 = pst('2026-11-21T20:00'); // Saturday night
    await ctx.db.db.transaction().execute((tx) => ctx.offduty.noteActivity(tx, w.poster, t0, 'post.submit'));
    await expect(ctx.offduty.assertMayWork(ctx.db.db, w.poster, at(t0, 5))).resolves.toBeUndefined();
    const e = await refusal(ctx.offduty.assertMayWork(ctx.db.db, w.poster, at(t0, 6)), 'policy_refusal');
    expect(e.clauses).toEqual(expect.arrayContaining(['IV.C.15(e)(i)', 'IV.C.15(e)(i)(A)']));
    expect(e.message).toMatch(/6 minutes.*pre-authorization/);
    // Someone else is not held up by this session.
    await expect(ctx.offduty.assertMayWork(ctx.db.db, w.pwHead, at(t0, 6))).resolves.toBeUndefined();

    // Pre-authorized in the afternoon for the evening: the next night's work runs on.
    ctx.clock.set(pst('2026-11-22T14:00'));
    const p = await ctx.offduty.requestPreauth(w.poster, { windowStart: '2026-11-22T19:00:00-08:00', windowEnd: '2026-11-22T22:00:00-08:00', reason: 'Parade road closures' });
    await ctx.offduty.decidePreauth(w.pwHead, p.id, { decision: 'approve' });
    const t1 = pst('2026-11-22T19:30');
    await ctx.db.db.transaction().execute((tx) => ctx.offduty.noteActivity(tx, w.poster, t1, 'post.submit'));
    await expect(ctx.offduty.assertMayWork(ctx.db.db, w.poster, at(t1, 45))).resolves.toBeUndefined();
    for (let m = 20; m <= 140; m += 20) await ctx.db.db.transaction().execute((tx) => ctx.offduty.noteActivity(tx, w.poster, at(t1, m), 'comment.reply'));
    // Past the window's end the cover is gone.
    await refusal(ctx.offduty.assertMayWork(ctx.db.db, w.poster, pst('2026-11-22T22:05')), 'policy_refusal');
    ctx.clock.set(pst('2026-11-22T22:00'));
    const entry = await ctx.offduty.endSession(w.poster);
    expect(entry).toMatchObject({ minutes: 150, preauthId: p.id, flags: [] });
  });

  it('[IV.C.15(e)(i)(A)] a session over five minutes without pre-authorization is flagged and the supervisor is told', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-29T09:00')); // Sunday
    const s = await ctx.offduty.startSession(w.poster, { note: 'Checking replies' });
    await refusal(ctx.offduty.startSession(w.poster), 'conflict');
    ctx.clock.set(pst('2026-11-29T09:12'));
    const entry = await ctx.offduty.endSession(w.poster);
    expect(entry).toMatchObject({ sessionId: s.sessionId, minutes: 12, flags: ['violation'], note: 'Checking replies' });
    const notices = await ctx.notifications.listFor(w.pwHead, { relatedId: entry.id });
    expect(notices.map((n) => [n.kind, n.clauses])).toEqual([['offduty.violation', ['IV.C.15(e)(i)', 'IV.C.15(e)(i)(A)']]]);
    expect(notices[0]!.subject).toMatch(/Jordan Patel worked 12 minutes/);
    await refusal(ctx.offduty.endSession(w.poster), 'conflict');
    // A department head's violation goes to the City Manager.
    ctx.clock.set(pst('2026-11-29T10:00'));
    await ctx.offduty.startSession(w.csHead);
    ctx.clock.set(pst('2026-11-29T10:20'));
    const head = await ctx.offduty.endSession(w.csHead);
    expect((await ctx.notifications.listFor(w.cm, { relatedId: head.id })).map((n) => n.kind)).toEqual(['offduty.violation']);
  });

  it('[IV.C.15(e)(i)(C)] a session never ended is closed at the end of the day, flagged, and put right by a correction that keeps the original', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-30T19:00')); // Monday evening
    await ctx.offduty.startSession(w.csEmployee);
    ctx.clock.set(pst('2026-12-01T08:00'));
    expect(await ctx.offduty.tick(ctx.clock.now())).toBe(1);
    const [auto] = (await ctx.offduty.myLog(w.csEmployee)).entries;
    expect(auto).toMatchObject({ startedAt: pst('2026-11-30T19:00').toISOString(), minutes: 1, flags: ['auto_closed'] });
    expect((await ctx.notifications.listFor(w.csEmployee, { relatedId: auto!.id })).map((n) => n.kind)).toEqual(['offduty.not_ended']);

    await refusal(ctx.offduty.correctEntry(w.poster, auto!.id, { startedAt: '2026-11-30T19:00:00-08:00', endedAt: '2026-11-30T19:45:00-08:00', reason: 'Not mine' }), 'forbidden');
    const fixed = await ctx.offduty.correctEntry(w.csEmployee, auto!.id, { startedAt: '2026-11-30T19:00:00-08:00', endedAt: '2026-11-30T19:45:00-08:00', reason: 'Forgot to end; worked until 7:45' });
    expect(fixed).toMatchObject({ correctsId: auto!.id, minutes: 45, flags: ['correction', 'violation'] });
    const entries = (await ctx.offduty.myLog(w.csEmployee)).entries;
    expect(entries.find((e) => e.id === auto!.id)).toMatchObject({ correctedBy: fixed.id, minutes: 1 });
    await refusal(ctx.offduty.correctEntry(w.csHead, auto!.id, { startedAt: '2026-11-30T19:00:00-08:00', endedAt: '2026-11-30T19:30:00-08:00', reason: 'Again' }), 'conflict');
    expect((await ctx.notifications.listFor(w.csHead, { relatedId: fixed.id })).map((n) => n.kind)).toEqual(['offduty.violation']);
    // The supervisor corrects the correction: a third entry, the first two kept.
    const again = await ctx.offduty.correctEntry(w.csHead, fixed.id, { startedAt: '2026-11-30T19:00:00-08:00', endedAt: '2026-11-30T19:40:00-08:00', reason: 'Per the phone log' });
    expect(again.correctsId).toBe(fixed.id);
    expect((await ctx.offduty.myLog(w.csEmployee)).entries.filter((e) => e.sessionId === auto!.sessionId)).toHaveLength(3);
  });

  it('[IV.C.15(e)(i)(A)] logged work that runs past five minutes tells the supervisor once, while it happens; the employee can take the session over', async () => {
    const ctx = get();
    const t0 = pst('2026-12-05T18:00'); // Saturday
    const act = (t: Date) => ctx.db.db.transaction().execute((tx) => ctx.offduty.noteActivity(tx, w.csEmployee, t, 'comment.reply'));
    await act(t0);
    await act(at(t0, 7));
    await act(at(t0, 9));
    const live = (await ctx.notifications.listFor(w.csHead)).filter((n) => n.kind === 'offduty.violation' && n.relatedType === 'offduty_session');
    expect(live).toHaveLength(1);
    expect(live[0]!.subject).toMatch(/Sam Okafor is working off duty past 5 minutes/);
    // Starting a session now keeps the one Crier opened; the employee ends it.
    ctx.clock.set(at(t0, 10));
    const s = await ctx.offduty.startSession(w.csEmployee);
    expect(s.startedAt).toBe(t0.toISOString());
    ctx.clock.set(at(t0, 50));
    const entry = await ctx.offduty.endSession(w.csEmployee);
    expect(entry).toMatchObject({ minutes: 50, flags: ['violation'] });
    // Already told while it happened: no second notice for the same session.
    expect((await ctx.notifications.listFor(w.csHead, { relatedId: entry.id })).length).toBe(0);
  });

  it('[IV.C.15(e)] no off-duty session starts in business hours, but one does on a City holiday', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-25T10:00')); // Wednesday
    const e = await refusal(ctx.offduty.startSession(w.poster), 'policy_refusal');
    expect(e.clauses).toContain('IV.C.15(e)');
    ctx.clock.set(pst('2026-11-26T10:00')); // Thanksgiving
    await ctx.offduty.startSession(w.poster);
    ctx.clock.set(pst('2026-11-26T10:04'));
    expect(await ctx.offduty.endSession(w.poster)).toMatchObject({ minutes: 4, flags: [] });
    // A posting action on the holiday is off-duty activity too.
    await ctx.db.db.transaction().execute((tx) => ctx.offduty.noteActivity(tx, w.poster, pst('2026-11-26T11:00'), 'post.submit'));
    ctx.clock.set(pst('2026-11-26T11:00'));
    expect((await ctx.offduty.myLog(w.poster)).openSession).toMatchObject({ openedBy: 'activity' });
  });

  it('[IV.C.15(e)(i)(B)] minutes are real minutes across both DST changes, and the log shows the local times with their zone', async () => {
    const ctx = get();
    // Fall back: 01:50 PDT → 01:10 PST is twenty minutes.
    ctx.clock.set(new Date('2026-11-01T01:50:00-07:00'));
    await ctx.offduty.startSession(w.poster);
    ctx.clock.set(new Date('2026-11-01T01:10:00-08:00'));
    expect((await ctx.offduty.endSession(w.poster)).minutes).toBe(20);
    // Spring forward: 01:55 PST → 03:05 PDT is ten minutes.
    ctx.clock.set(new Date('2027-03-14T01:55:00-08:00'));
    await ctx.offduty.startSession(w.csEmployee);
    ctx.clock.set(new Date('2027-03-14T03:05:00-07:00'));
    expect((await ctx.offduty.endSession(w.csEmployee)).minutes).toBe(10);

    const pwDept = w.poster.roles.find((g) => g.departmentId)!.departmentId!;
    const { csv } = await ctx.offduty.exportCsv(w.pwHead, { departmentId: pwDept, from: '2026-11-01', to: '2026-11-01' });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('2026-11-01 01:50 PDT,2026-11-01 01:10 PST,20,none');
  });
});
