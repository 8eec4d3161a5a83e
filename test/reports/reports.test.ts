import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONSISTENCY_WINDOW, inconsistentPairs, type Decided } from '../../src/modules/moderation-reports/index.ts';
import { similarity } from '../../src/screening/similarity.ts';
import { appWithPersonas } from '../api/personas.ts';
import { describeWithContext } from '../context.ts';
import { commentWithDecision, CITY_FEED, modWorld, pdt, PW_BLUESKY, refusal, type ModWorld } from '../bans/support.ts';

const SPAM = 'Buy cheap meds at pharma-deals dot com, best prices in Carson today!!!';

describeWithContext('moderation reports: consistency and transparency', (get) => {
  let w: ModWorld;
  let app: FastifyInstance;
  beforeAll(async () => {
    const ctx = get();
    w = await modWorld(ctx);
    app = await appWithPersonas(ctx, new Map());
    const pw = (await w.platform(PW_BLUESKY)).id;
    const city = (await w.platform(CITY_FEED)).id;
    const m1 = w.moderator.personId;
    const m2 = w.moderator2.personId;
    const fixtures = [
      // September 2026 (Carson time): the last evening of the month is still September.
      { platformId: pw, text: SPAM, decision: 'remove', clauses: ['V.7'], moderatorId: m1, at: pdt('2026-09-30T22:30'), handle: 'spam.one' },
      { platformId: city, text: SPAM.replace('!!!', '!!'), decision: 'keep', clauses: [], moderatorId: m2, at: pdt('2026-09-12T10:00'), handle: 'spam.two' },
      { platformId: pw, text: 'You are all crooks and I will see you in hell', decision: 'hide', clauses: ['V.3', 'V.14'], moderatorId: m2, at: pdt('2026-09-15T10:00') },
      // October: an automatic hide, a superseded decision (not counted), and a clause disagreement.
      { platformId: pw, text: 'Call 555-0100 for hot singles near Dominguez Park', decision: 'hide', clauses: ['V.3'], moderatorId: null, at: pdt('2026-10-02T08:00') },
      { platformId: pw, text: 'Vote yes on Measure K this November, it fixes our streets', decision: 'remove', clauses: ['V.5'], moderatorId: m1, at: pdt('2026-10-03T09:00') },
      { platformId: city, text: 'Vote yes on Measure K this November, it fixes our streets!', decision: 'remove', clauses: ['V.1'], moderatorId: m2, at: pdt('2026-10-04T09:00') },
      { platformId: pw, text: 'Superseded hide', decision: 'hide', clauses: ['V.1'], moderatorId: m1, at: pdt('2026-10-05T09:00'), status: 'superseded' },
      { platformId: pw, text: 'Thanks for the new library hours', decision: 'keep', clauses: [], moderatorId: m1, at: pdt('2026-10-06T09:00') },
    ] as const;
    for (const f of fixtures) await commentWithDecision(ctx, { ...f, clauses: [...f.clauses] });
  }, 120_000);
  afterAll(async () => app?.close());

  const period = { from: '2026-09-01', to: '2026-10-31' };

  it('[V] decisions are counted by clause, by moderator and by City month for staff with oversight', async () => {
    const ctx = get();
    const r = await ctx.moderationReports.decisions(w.auditor, period);
    expect(r.totals).toEqual({ keep: 2, hide: 2, remove: 3, restore: 0, total: 7 });
    expect(r.byMonth).toEqual([
      { month: '2026-09', keep: 1, hide: 1, remove: 1, restore: 0, total: 3 },
      { month: '2026-10', keep: 1, hide: 1, remove: 2, restore: 0, total: 4 },
    ]);
    expect(r.byClause.map((c) => [c.clause, c.hide, c.remove])).toEqual([['V.1', 0, 1], ['V.3', 2, 0], ['V.5', 0, 1], ['V.7', 0, 1], ['V.14', 1, 0]]);
    expect(r.byClause.find((c) => c.clause === 'V.7')?.title).toBe('Commercial solicitation');
    const by = Object.fromEntries(r.byModerator.map((m) => [m.name, [m.keep, m.hide, m.remove]]));
    expect(by).toEqual({ 'Automatic (awaiting or confirmed by a person)': [0, 1, 0], 'Morgan Lee': [1, 0, 2], 'Robin Second': [1, 1, 1] });
    expect((await ctx.moderationReports.decisions(w.cm, { from: '2026-10-01', to: '2026-10-31' })).totals.total).toBe(4);
    await refusal(ctx.moderationReports.decisions(w.moderator, period), 'forbidden');
    await refusal(ctx.moderationReports.decisions(w.poster, period), 'forbidden');
    await refusal(ctx.moderationReports.decisions(w.cm, { from: '2026-11-01', to: '2026-10-01' }), 'invalid_input');
  });

  it('[V] near-identical comments that received different decisions are listed for review', async () => {
    const ctx = get();
    const r = await ctx.moderationReports.consistency(w.pia, period);
    expect(r.examined).toBe(7);
    expect(r.pairs.map((p) => [p.difference, [p.a.decision, p.b.decision].sort(), [p.a.moderatorName, p.b.moderatorName].sort()])).toEqual(
      expect.arrayContaining([
        ['decision', ['keep', 'remove'], ['Morgan Lee', 'Robin Second']],
        ['clauses', ['remove', 'remove'], ['Morgan Lee', 'Robin Second']],
      ]),
    );
    expect(r.pairs).toHaveLength(2);
    expect(r.pairs.every((p) => p.similarity >= 0.85)).toBe(true);
    await refusal(ctx.moderationReports.consistency(w.pia, { ...period, threshold: 0.2 }), 'invalid_input');
  });

  it('[V] [IV.C.11] the public transparency report counts removals and hides by clause and month, with no identities and no comment text', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/public/transparency?from=2026-09-01&to=2026-10-31' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rows.map((r: { month: string; clause: string; hidden: number; removed: number }) => [r.month, r.clause, r.hidden, r.removed])).toEqual([
      ['2026-09', 'V.3', 1, 0],
      ['2026-09', 'V.7', 0, 1],
      ['2026-09', 'V.14', 1, 0],
      ['2026-10', 'V.1', 0, 1],
      ['2026-10', 'V.3', 1, 0],
      ['2026-10', 'V.5', 0, 1],
    ]);
    expect(body.totals).toMatchObject({ hidden: 2, removed: 3, restored: 0 });
    expect(res.body).not.toMatch(/Morgan|Robin|spam\.one|pharma|Measure K|resident/i);
    expect((await app.inject({ method: 'GET', url: '/api/public/transparency?from=yesterday' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/moderation-reports/decisions' })).statusCode).toBe(401);
  });
});

const decided = (commentId: string, text: string, decision: string): Decided => ({ commentId, platformName: 'P', text, decision, clauses: decision === 'keep' ? [] : ['V.1'], moderatorName: null, automatic: false, decidedAt: '2026-10-01T00:00:00Z' });

it('[V] the consistency check scores pairs exactly as screening similarity() does', () => {
  const texts = [SPAM, SPAM.replace('!!!', '!!'), 'BUY cheap m3ds at pharma-deals dot com!!', 'Vote yes on Measure K', 'Vote yes on Measure K!!', 'vote YES on measure k today'];
  const pairs = inconsistentPairs(texts.map((t, i) => decided(`c${i}`, t, i % 2 ? 'keep' : 'remove')), 0.5);
  expect(pairs.length).toBeGreaterThan(0);
  for (const p of pairs) expect(p.similarity).toBe(similarity(p.a.text, p.b.text));
});

it('the consistency check over the 1,000 most recent decided comments stays interactive', () => {
  const items: Decided[] = Array.from({ length: CONSISTENCY_WINDOW }, (_, i) => ({ commentId: `c${i}`, platformName: 'P', text: `Resident ${i} asks about the ${['park', 'library', 'street', 'bus'][i % 4]} schedule on block ${i * 7}`, decision: i % 3 === 0 ? 'keep' : 'remove', clauses: i % 3 === 0 ? [] : ['V.1'], moderatorName: null, automatic: false, decidedAt: '2026-10-01T00:00:00Z' }));
  const t = performance.now();
  inconsistentPairs(items, 0.85);
  expect(performance.now() - t).toBeLessThan(5_000);
});
