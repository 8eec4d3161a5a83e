import { beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';
import { PW_BLUESKY, pst, refusal, world, type World } from './support.ts';

describeWithContext('offduty: pre-authorization of off-duty work', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await world(get());
  }, 120_000);

  it('[IV.C.15(e)(i)(A)] an employee asks for pre-authorization and their department head approves it', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-19T10:00'));
    const bluesky = await w.platform(PW_BLUESKY);
    const p = await ctx.offduty.requestPreauth(w.poster, { windowStart: '2026-11-19T19:00:00-08:00', windowEnd: '2026-11-19T21:00:00-08:00', reason: 'Storm updates tonight', platformIds: [bluesky.id] });
    expect(p).toMatchObject({ status: 'pending', personName: 'Jordan Patel', platformIds: [bluesky.id], abilities: { 'preauth.decide': false } });

    const toDecide = await ctx.offduty.listPreauths(w.pwHead, 'decide');
    expect(toDecide.find((x) => x.id === p.id)?.abilities['preauth.decide']).toBe(true);
    expect((await ctx.offduty.listPreauths(w.csHead, 'decide')).map((x) => x.id)).not.toContain(p.id);
    expect((await ctx.notifications.listFor(w.pwHead, { relatedId: p.id })).map((n) => n.kind)).toEqual(['offduty.preauth_requested']);

    await refusal(ctx.offduty.decidePreauth(w.csHead, p.id, { decision: 'approve' }), 'forbidden');
    const own = await refusal(ctx.offduty.decidePreauth(w.poster, p.id, { decision: 'approve' }), 'forbidden');
    expect(own.message).toMatch(/own/);

    const ok = await ctx.offduty.decidePreauth(w.pwHead, p.id, { decision: 'approve', note: 'Go ahead' });
    expect(ok).toMatchObject({ status: 'approved', decidedByName: 'Dana Whitfield', decisionNote: 'Go ahead' });
    expect((await ctx.notifications.listFor(w.poster, { relatedId: p.id })).map((n) => n.kind)).toContain('offduty.preauth_approved');
    await refusal(ctx.offduty.decidePreauth(w.pwHead, p.id, { decision: 'deny', note: 'Changed my mind' }), 'conflict');
  });

  it("[IV.C.15(e)(i)(A)] a department head's request is decided by the City Manager; no one decides their own", async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-19T10:00'));
    const p = await ctx.offduty.requestPreauth(w.pwHead, { windowStart: '2026-11-21T08:00:00-08:00', windowEnd: '2026-11-21T12:00:00-08:00', reason: 'Street fair coverage' });
    await refusal(ctx.offduty.decidePreauth(w.pwHead, p.id, { decision: 'approve' }), 'forbidden');
    await refusal(ctx.offduty.decidePreauth(w.csHead, p.id, { decision: 'approve' }), 'forbidden');
    expect((await ctx.notifications.listFor(w.cm, { relatedId: p.id })).map((n) => n.kind)).toEqual(['offduty.preauth_requested']);
    expect((await ctx.offduty.decidePreauth(w.cm, p.id, { decision: 'approve' })).status).toBe('approved');

    const cmOwn = await ctx.offduty.requestPreauth(w.cm, { windowStart: '2026-11-21T08:00:00-08:00', windowEnd: '2026-11-21T09:00:00-08:00', reason: 'Council follow-up' });
    await refusal(ctx.offduty.decidePreauth(w.cm, cmOwn.id, { decision: 'approve' }), 'forbidden');
  });

  it('[IV.C.15(e)(i)(A)] work is authorized before it happens: a past window is refused, and a denial says why', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-19T10:00'));
    const late = await refusal(ctx.offduty.requestPreauth(w.poster, { windowStart: '2026-11-18T19:00:00-08:00', windowEnd: '2026-11-18T20:00:00-08:00', reason: 'Last night' }), 'policy_refusal');
    expect(late.clauses).toContain('IV.C.15(e)(i)(A)');
    await refusal(ctx.offduty.requestPreauth(w.poster, { windowStart: '2026-11-20T19:00:00-08:00', windowEnd: '2026-11-20T18:00:00-08:00', reason: 'Backwards' }), 'invalid_input');
    await refusal(ctx.offduty.requestPreauth(w.poster, { windowStart: 'tonight', windowEnd: '2026-11-20T18:00:00-08:00', reason: 'Vague' }), 'invalid_input');

    const p = await ctx.offduty.requestPreauth(w.poster, { windowStart: '2026-11-20T19:00:00-08:00', windowEnd: '2026-11-20T20:00:00-08:00', reason: 'Newsletter' });
    await refusal(ctx.offduty.decidePreauth(w.pwHead, p.id, { decision: 'deny' }), 'invalid_input');
    expect(await ctx.offduty.decidePreauth(w.pwHead, p.id, { decision: 'deny', note: 'Can wait until Monday' })).toMatchObject({ status: 'denied', decisionNote: 'Can wait until Monday' });

    const q = await ctx.offduty.requestPreauth(w.poster, { windowStart: '2026-11-19T19:00:00-08:00', windowEnd: '2026-11-19T20:00:00-08:00', reason: 'Evening check' });
    ctx.clock.set(pst('2026-11-19T20:30'));
    await refusal(ctx.offduty.decidePreauth(w.pwHead, q.id, { decision: 'approve' }), 'policy_refusal');
  });

  it('[IV.C.15(e)(i)] council members and the read-only auditor have no off-duty log to keep', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-19T10:00'));
    await refusal(ctx.offduty.requestPreauth(w.auditor, { windowStart: '2026-11-20T19:00:00-08:00', windowEnd: '2026-11-20T20:00:00-08:00', reason: 'Audit work' }), 'forbidden');
    const council = await w.actor('ldavis.council@carsonca.gov');
    await refusal(ctx.offduty.startSession(council), 'forbidden');
  });
});
