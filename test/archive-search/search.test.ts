import { beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';
import { capture, desk, ids, refusal, type Desk } from './support.ts';

/** Search over the records archive (SPEC §5): words, phrases, exclusions, filters, ranking, pages. */
describeWithContext('archive search: full text and filters', (get) => {
  let d: Desk;
  const item = {} as Record<'flood' | 'thanks' | 'schedule' | 'decision' | 'hours' | 'deleted', string>;
  beforeAll(async () => {
    const ctx = get();
    d = await desk(ctx);
    ctx.clock.set(new Date('2026-11-02T18:00:00Z'));
    item.flood = await capture(ctx, {
      kind: 'comment',
      platformId: 'plat-fb',
      departmentId: 'dept-pw',
      renderedText: 'The water main on Avalon Boulevard broke again; the street is flooded near the library',
      metadata: { author: { handle: '@Resident.One', name: 'Rosa Diaz' }, createdOnPlatformAt: '2026-11-01T15:00:00Z' },
    });
    ctx.clock.set(new Date('2026-11-19T18:00:00Z'));
    item.thanks = await capture(ctx, {
      kind: 'comment',
      platformId: 'plat-bsky',
      departmentId: 'dept-parks',
      renderedText: 'Thank you Public Works for fixing the pothole on Carson Street',
      metadata: { author: { handle: 'sam.lee.bsky.social', name: 'Sam Lee' }, createdOnPlatformAt: '2026-11-18T20:00:00Z' },
    });
    item.schedule = await capture(ctx, {
      kind: 'post_version',
      departmentId: 'dept-pw',
      renderedText: 'Water main repair schedule: crews will work on Avalon Boulevard overnight',
      metadata: { author: { personId: 'person-ana', name: 'Ana Ruiz' }, version: 1 },
    });
    item.decision = await capture(ctx, {
      kind: 'moderation_decision',
      platformId: 'plat-fb',
      departmentId: 'dept-pw',
      renderedText: 'hide by Mo Derator at 2026-11-19T17:00:00Z (IV.C.1): a threat against staff',
      metadata: { author: { handle: 'resident.one', name: 'Rosa Diaz' }, clauses: ['IV.C.1'], decision: 'hide', reason: 'a threat against staff' },
    });
    item.hours = await capture(ctx, { kind: 'publication', platformId: 'plat-fb', renderedText: 'Holiday library hours: the library closes early on Thursday', metadata: { status: 'published', createdOnPlatformAt: '2026-11-19T16:00:00Z' } });
    item.deleted = await capture(ctx, { kind: 'comment_version', platformId: 'plat-fb', renderedText: '[deleted by the commenter] my basement flooded again', metadata: { change: 'deleted', author: { handle: 'other.person' } } });
  }, 60_000);

  const search = (q: string, filters = {}, more = {}) => get().archiveSearch.search(d.clerk, { q, filters, ...more });

  it('[IV.A.13] words match wherever they appear, stemmed (flooded finds flood and flooded)', async () => {
    expect(new Set(ids(await search('water main')))).toEqual(new Set([item.flood, item.schedule]));
    expect(new Set(ids(await search('flood')))).toEqual(new Set([item.flood, item.deleted]));
    // Metadata is searched too: the commenter's name and the clause cited.
    expect(new Set(ids(await search('rosa')))).toEqual(new Set([item.flood, item.decision]));
  });

  it('a "quoted phrase" must appear as written; -word excludes', async () => {
    expect(ids(await search('"main on Avalon"'))).toEqual([item.flood]);
    expect(ids(await search('water -repair'))).toEqual([item.flood]);
    expect(ids(await search('library -"closes early"'))).toEqual([item.flood]);
  });

  it('hostile or malformed search text never reaches the engine as syntax: it is read as words or refused plainly', async () => {
    for (const q of ['"water main', 'water"', 'NEAR( water main )', 'water*', 'water:', '^water', 'water AND OR NOT', 'water (main', 'water {main} [] \\ @', 'water:* & !main | <->']) {
      const page = await search(q);
      expect(page.hits.map((h) => h.id), q).toContain(item.flood);
    }
    // Engine syntax inside a word is text too: "body:water" is the phrase "body water", found nowhere, no error.
    for (const q of ['body:water', 'NEAR(water', 'archive_search_fts MATCH', '"a" OR "b"', "water'; DROP TABLE archive_items; --", 'x\u200b\u0301y']) expect((await search(q)).hits, q).toEqual([]);
    for (const q of ['***', '"""', 'the and OR', '-', '(  )', '-water', '-"water main" -flood']) {
      const err = await refusal(search(q), 'invalid_input');
      expect(err.message, q).toMatch(/^q: /);
    }
    await refusal(search('x '.repeat(300)), 'invalid_input');
    // The archive is intact afterwards.
    expect((await search('pothole')).hits).toHaveLength(1);
  });

  it('[IV.A.13] filters: platform, department (and the City folder), kind, status', async () => {
    expect(new Set(ids(await search('', { platform: 'plat-fb', kind: 'comment' })))).toEqual(new Set([item.flood]));
    expect(new Set(ids(await search('water', { department: 'dept-pw' })))).toEqual(new Set([item.flood, item.schedule]));
    expect(ids(await search('library', { department: 'city' }))).toEqual([item.hours]);
    expect(ids(await search('', { status: 'hide' }))).toEqual([item.decision]);
    expect(ids(await search('', { status: 'Published' }))).toEqual([item.hours]);
    expect(ids(await search('flooded', { kind: 'comment_version', status: 'deleted' }))).toEqual([item.deleted]);
    const err = await refusal(search('water', { kind: 'tweet' }), 'invalid_input');
    expect(err.message).toMatch(/^kind: not a kind of archived record: tweet/);
  });

  it('[IV.C.11] filters: author (name, handle with or without @, person id), commenter (comments and decisions only), clause', async () => {
    expect(new Set(ids(await search('', { author: 'rosa diaz' })))).toEqual(new Set([item.flood, item.decision]));
    expect(new Set(ids(await search('', { author: 'RESIDENT.ONE' })))).toEqual(new Set([item.flood, item.decision]));
    expect(new Set(ids(await search('', { author: '@resident.one' })))).toEqual(new Set([item.flood, item.decision]));
    expect(ids(await search('', { author: 'person-ana' }))).toEqual([item.schedule]);
    expect(ids(await search('', { commenter: 'Ana Ruiz' }))).toEqual([]);
    expect(ids(await search('threat', { commenter: 'Rosa Diaz' }))).toEqual([item.decision]);
    expect(ids(await search('', { clause: 'IV.C.1' }))).toEqual([item.decision]);
    expect(ids(await search('', { clause: 'IV.C.2' }))).toEqual([]);
  });

  it('filters: a date range on the capture date (City days) or on the date created on the platform', async () => {
    expect(ids(await search('library', { from: '2026-11-01', to: '2026-11-02' }))).toEqual([item.flood]);
    expect(ids(await search('library', { from: '2026-11-03' }))).toEqual([item.hours]);
    expect(new Set(ids(await search('', { dateField: 'created', from: '2026-11-18' })))).toEqual(new Set([item.thanks, item.hours]));
    expect(ids(await search('', { dateField: 'created', to: '2026-11-01T15:00:00.001Z' }))).toEqual([item.flood]);
    expect((await refusal(search('water', { from: 'last tuesday' }), 'invalid_input')).message).toMatch(/^from:/);
    expect((await refusal(search('water', { from: '2026-11-19', to: '2026-11-01' }), 'invalid_input')).message).toMatch(/^to: must be after from/);
  });

  it('results are ranked: an item about the words comes before one that mentions them in passing; snippets mark the hits', async () => {
    const ctx = get();
    const focused = await capture(ctx, { renderedText: 'Budget hearing: the proposed budget, budget amendments and the budget calendar' });
    const passing = await capture(ctx, { renderedText: `The council met on Tuesday. ${'Residents spoke about parking, trees, sidewalks, lighting and noise. '.repeat(6)}One speaker asked about the budget.` });
    const page = await search('budget');
    expect(ids(page)).toEqual([focused, passing]);
    expect(page.hits[0]!.score!).toBeGreaterThan(page.hits[1]!.score!);
    const hit = (await search('avalon', { kind: 'comment' })).hits[0]!;
    expect(hit.snippet.filter((p) => p.hit).map((p) => p.text.toLowerCase())).toContain('avalon');
    expect(hit.snippet.map((p) => p.text).join('')).toContain('Boulevard');
    expect(hit).toMatchObject({ kind: 'comment', platformId: 'plat-fb', departmentId: 'dept-pw', author: { name: 'Rosa Diaz', handle: '@Resident.One' }, createdOnPlatformAt: '2026-11-01T15:00:00.000Z' });
    const decision = (await search('threat')).hits[0]!;
    expect(decision).toMatchObject({ id: item.decision, clauses: ['IV.C.1'], status: 'hide' });
  });

  it('pages are keyset-paginated: every match once, in rank order, ranked or browsing', async () => {
    const ctx = get();
    const made: string[] = [];
    for (let i = 0; i < 23; i++) made.push(await capture(ctx, { renderedText: `Zephyrus ${'zephyrus '.repeat(i % 4)}item number ${i} about the zephyrus pump station` }));
    for (const q of ['zephyrus', '']) {
      const seen: string[] = [];
      const scores: number[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const page = await get().archiveSearch.search(d.clerk, { q, filters: q ? {} : { kind: 'comment', from: '2026-11-19' }, cursor, limit: 10 });
        seen.push(...ids(page));
        scores.push(...page.hits.map((h) => h.score ?? 0));
        cursor = page.next;
        if (!cursor) break;
      }
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of made) expect(seen).toContain(id);
      if (q) {
        expect(seen).toHaveLength(23);
        expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      }
    }
    expect((await refusal(get().archiveSearch.search(d.clerk, { q: 'zephyrus', cursor: 'not-a-cursor' }), 'invalid_input')).message).toMatch(/^cursor:/);
  });

  it('a word among a prolific commenter\'s many items: every match of theirs, ranked, and nobody else\'s', async () => {
    const ctx = get();
    const theirs: string[] = [];
    await ctx.db.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 150; i++) {
        const item = await ctx.archive.capture(tx, { kind: 'comment', sourceId: `prolific-${i}`, departmentId: null, platformId: 'plat-fb', native: { i }, renderedText: i % 10 === 0 ? `Crosswalk ${'crosswalk '.repeat(i % 3)}near the school, again (${i})` : `Comment number ${i} about nothing much`, metadata: { author: { handle: 'prolific.poster', name: 'Pat Prolific' } } });
        if (i % 10 === 0) theirs.push(item.id);
      }
    });
    const other = await capture(ctx, { renderedText: 'Crosswalk paint is fading', metadata: { author: { handle: 'someone.else' } } });
    const page = await search('crosswalk', { commenter: 'prolific.poster' });
    expect(new Set(ids(page))).toEqual(new Set(theirs));
    expect(ids(page)).not.toContain(other);
    expect(page.rankedWithin).toBeNull();
    expect(new Set(ids(await search('crosswalk', { author: 'Pat Prolific', from: '2026-11-19' })))).toEqual(new Set(theirs));
  });

  it('only those the archive lets read may search it (moderators and council members may not)', async () => {
    for (const who of [d.attorney, d.auditor, d.manager]) expect((await get().archiveSearch.search(who, { q: 'pothole' })).hits).toHaveLength(1);
    for (const who of [d.moderator, d.council]) await refusal(get().archiveSearch.search(who, { q: 'pothole' }), 'forbidden');
  });
});
