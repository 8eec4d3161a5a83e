import { beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';
import { capture, desk, type Desk } from './support.ts';

/**
 * A person filter narrows a search without changing its ranking: each of their items keeps the
 * score it has in the same search without the filter (on SQLite their matches are found through
 * their name in the index's metadata column, scored with that column weighted 0, which is only
 * the same score when the query's words are not in their metadata: see sqlite-person.ts).
 */
describeWithContext('archive search: a person filter keeps the ranking', (get) => {
  let d: Desk;
  const by = {} as Record<'pat' | 'dana' | 'staff' | 'wang' | 'dash', string[]>;
  beforeAll(async () => {
    const ctx = get();
    d = await desk(ctx);
    const add = async (who: keyof typeof by, renderedText: string, over: Parameters<typeof capture>[1] = { renderedText }) => ((by[who] ??= []).push(await capture(ctx, { ...over, renderedText })));
    const pat = { author: { handle: '@Pat.Example', name: 'Pat Example' } };
    await add('pat', 'Crosswalk paint is gone at the school', { renderedText: '', metadata: pat });
    await add('pat', 'Crosswalk crosswalk crosswalk: three times I asked about this crosswalk', { renderedText: '', metadata: pat });
    await add('pat', `A long note about many things, the crosswalk among them; ${'and more words '.repeat(30)}`, { renderedText: '', metadata: pat });
    await add('pat', 'hide by moderator (IV.C.1): Pat Example wrote about the crosswalk again', { renderedText: '', kind: 'moderation_decision', metadata: { ...pat, clauses: ['IV.C.1'], decision: 'hide', reason: 'off-topic' } });
    await add('dana', 'The crosswalk signal on Main is broken', { renderedText: '', metadata: { author: { handle: 'dana.crosswalk', name: 'Dana Crosswalk' } } });
    await add('dana', 'Nothing to add', { renderedText: '', metadata: { author: { handle: 'dana.crosswalk', name: 'Dana Crosswalk' } } });
    await add('staff', 'Crews will repaint the crosswalk on Avalon Boulevard', { renderedText: '', kind: 'post_version', metadata: { author: { personId: 'person-kim', name: 'Kim Staff' } } });
    await add('wang', '请修理 crosswalk 的灯', { renderedText: '', metadata: { author: { name: '王芳' } } });
    await add('dash', 'crosswalk crosswalk near the park', { renderedText: '', metadata: { author: { name: '—' } } });
    for (const text of ['Crosswalk at Carson Street', 'a crosswalk, a crosswalk', 'The crosswalk is fine']) await capture(ctx, { renderedText: text, metadata: { author: { handle: 'someone.else', name: 'Some One' } } });
  }, 60_000);

  const search = (filters = {}) => get().archiveSearch.search(d.clerk, { q: 'crosswalk', filters, limit: 100 });
  /** The unfiltered search's hits (id and score, in its order) that are among `ids`. */
  const unfilteredOf = async (ids: string[]) => (await search()).hits.filter((h) => ids.includes(h.id)).map((h) => [h.id, h.score]);

  it('[IV.C.11] a commenter\'s or author\'s hits come in the order and with the scores they have unfiltered', async () => {
    for (const [filters, who] of [
      [{ commenter: 'Pat Example' }, 'pat'],
      [{ commenter: '@pat.example' }, 'pat'],
      [{ author: 'PAT.EXAMPLE' }, 'pat'],
      [{ author: 'person-kim' }, 'staff'],
    ] as const) {
      const page = await search(filters);
      expect(page.hits.map((h) => [h.id, h.score]), JSON.stringify(filters)).toEqual(await unfilteredOf(by[who]));
      expect(page.rankedWithin).toBeNull();
    }
  });

  it('[IV.C.11] the same when the words are in the person\'s name, or the name has no letters the index keeps', async () => {
    for (const [filters, who] of [
      [{ commenter: 'Dana Crosswalk' }, 'dana'],
      [{ author: '王芳' }, 'wang'],
      [{ commenter: '—' }, 'dash'],
    ] as const) {
      const page = await search(filters);
      expect(page.hits.map((h) => [h.id, h.score]), JSON.stringify(filters)).toEqual(await unfilteredOf(by[who]));
      expect(page.hits.length).toBeGreaterThan(0);
    }
  });
});
