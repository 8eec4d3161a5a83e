import { beforeAll, expect, it } from 'vitest';
import { recordDestruction } from '../../src/modules/archive/index.ts';
import { describeWithContext } from '../context.ts';
import { capture, desk, FORM, ids, refusal, type Desk } from './support.ts';

/** Saved searches and collecting archive items into a records request (SPEC §5; IV.A.11). */
describeWithContext('archive search: saved searches and collection into a records request', (get) => {
  let d: Desk;
  const item = {} as Record<'a' | 'b' | 'c' | 'other', string>;
  beforeAll(async () => {
    const ctx = get();
    d = await desk(ctx);
    item.a = await capture(ctx, { renderedText: 'Dominguez Channel cleanup starts Saturday at 8am', platformId: 'plat-fb', metadata: { author: { handle: 'resident.two' } } });
    item.b = await capture(ctx, { renderedText: 'Will the Dominguez Channel cleanup include the bike path?', platformId: 'plat-fb' });
    item.c = await capture(ctx, { renderedText: 'Dominguez Channel cleanup photos', platformId: 'plat-bsky' });
    item.other = await capture(ctx, { renderedText: 'Street sweeping resumes Monday', platformId: 'plat-fb' });
  }, 60_000);

  it('[IV.A.11] a saved search keeps its name, query, filters and owner; re-running it finds what was captured since', async () => {
    const ctx = get();
    const s = await ctx.archiveSearch.save(d.clerk, { name: '  Channel cleanup on Facebook ', q: '"channel cleanup" -photos', filters: { platform: 'plat-fb', author: '', kind: 'comment' } });
    expect(s).toMatchObject({ name: 'Channel cleanup on Facebook', query: '"channel cleanup" -photos', filters: { platform: 'plat-fb', kind: 'comment' }, ownerId: d.clerk.personId, ownerName: 'Carla Nguyen' });
    expect(new Set(ids(await ctx.archiveSearch.rerun(d.attorney, s.id)))).toEqual(new Set([item.a, item.b]));
    const later = await capture(ctx, { renderedText: 'Thanks for the channel cleanup!', platformId: 'plat-fb' });
    const again = await ctx.archiveSearch.rerun(d.clerk, s.id);
    expect(new Set(ids(again))).toEqual(new Set([item.a, item.b, later]));
    expect(again.savedSearch.id).toBe(s.id);
    // The records team shares them; "mine" narrows to the owner's.
    expect((await ctx.archiveSearch.listSaved(d.auditor)).map((x) => x.id)).toContain(s.id);
    expect((await ctx.archiveSearch.listSaved(d.auditor, { mine: true })).map((x) => x.id)).not.toContain(s.id);
    const audit = await ctx.audit.list(d.auditor, { targetId: s.id });
    expect(audit.map((e) => e.action)).toEqual(['archive_search.saved']);
  });

  it('a saved search needs a name and a query that runs; filters are checked when saving', async () => {
    const ctx = get();
    expect((await refusal(ctx.archiveSearch.save(d.clerk, { name: '  ', q: 'cleanup' }), 'invalid_input')).message).toMatch(/^name:/);
    expect((await refusal(ctx.archiveSearch.save(d.clerk, { name: 'x', q: '-cleanup' }), 'invalid_input')).message).toMatch(/^q:/);
    expect((await refusal(ctx.archiveSearch.save(d.clerk, { name: 'x', q: 'cleanup', filters: { to: 'soon' } }), 'invalid_input')).message).toMatch(/^to:/);
    await refusal(ctx.archiveSearch.save(d.moderator, { name: 'x', q: 'cleanup' }), 'forbidden');
  });

  it('deleting a saved search is soft and audited, and only its owner may do it', async () => {
    const ctx = get();
    const s = await ctx.archiveSearch.save(d.attorney, { name: 'Street sweeping', q: 'sweeping' });
    await refusal(ctx.archiveSearch.deleteSaved(d.clerk, s.id), 'forbidden');
    await ctx.archiveSearch.deleteSaved(d.attorney, s.id);
    await refusal(ctx.archiveSearch.rerun(d.attorney, s.id), 'not_found');
    await refusal(ctx.archiveSearch.deleteSaved(d.attorney, s.id), 'not_found');
    expect((await ctx.archiveSearch.listSaved(d.attorney)).map((x) => x.id)).not.toContain(s.id);
    const row = await ctx.db.db.selectFrom('archive_saved_searches').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'Street sweeping', deleted_by: d.attorney.personId });
    expect(row.deleted_at).not.toBeNull();
    const audit = await ctx.audit.list(d.auditor, { targetId: s.id });
    expect(audit.map((e) => e.action).sort()).toEqual(['archive_search.deleted', 'archive_search.saved']);
  });

  it('[IV.A.11] the City Clerk collects a saved search\'s results into a request, once each, recording which search collected what and when', async () => {
    const ctx = get();
    const request = await ctx.recordsRequests.create(d.clerk, { ...FORM, channel: 'email' });
    const s = await ctx.archiveSearch.save(d.clerk, { name: 'Cleanup, all platforms', q: 'dominguez cleanup', filters: { kind: 'comment' } });
    const first = await ctx.archiveSearch.collect(d.clerk, request.id, { savedSearchId: s.id });
    expect(first).toMatchObject({ matched: 3, added: 3, alreadyCollected: 0 });
    // Re-running the collection adds only what is new.
    const d2 = await capture(ctx, { renderedText: 'Dominguez cleanup volunteers needed' });
    const second = await ctx.archiveSearch.collect(d.clerk, request.id, { savedSearchId: s.id });
    expect(second).toMatchObject({ matched: 4, added: 1, alreadyCollected: 3 });
    // An explicit list of items, one already there.
    const third = await ctx.archiveSearch.collect(d.clerk, request.id, { itemIds: [item.other, item.a, item.other] });
    expect(third).toMatchObject({ matched: 2, added: 1, alreadyCollected: 1 });
    const listed = await ctx.archiveSearch.collected(d.attorney, request.id);
    expect(listed.items.map((i) => i.archiveItemId)).toEqual([item.a, item.b, item.c, item.other, d2]);
    const a = listed.items[0]!;
    expect(a.collection).toMatchObject({ id: first.collectionId, savedSearchId: s.id, savedSearchName: 'Cleanup, all platforms', query: 'dominguez cleanup', explicitIds: false, collectedBy: d.clerk.personId, collectedByName: 'Carla Nguyen' });
    expect(a.collectedAt).toBe(ctx.clock.now().toISOString());
    expect(a.excerpt).toBe('Dominguez Channel cleanup starts Saturday at 8am');
    expect(listed.items[3]!.collection).toMatchObject({ id: third.collectionId, savedSearchId: null, explicitIds: true });
    const audit = await ctx.audit.list(d.auditor, { targetId: request.id, action: 'records_request.items_collected' });
    expect(audit).toHaveLength(3);
    expect(audit.every((e) => e.clauses.includes('IV.A.11'))).toBe(true);
    // Keyset pages.
    const p1 = await ctx.archiveSearch.collected(d.clerk, request.id, { limit: 2 });
    const p2 = await ctx.archiveSearch.collected(d.clerk, request.id, { limit: 2, after: p1.next! });
    expect([...p1.items, ...p2.items].map((i) => i.archiveItemId)).toEqual(listed.items.slice(0, 4).map((i) => i.archiveItemId));
  });

  it('[IV.A.11] bad collections are refused whole, naming the problem; nothing is half-collected', async () => {
    const ctx = get();
    const request = await ctx.recordsRequests.create(d.clerk, { ...FORM, channel: 'email' });
    expect((await refusal(ctx.archiveSearch.collect(d.clerk, request.id, { itemIds: [item.a, 'no-such-item'] }), 'invalid_input')).message).toMatch(/^itemIds: not in the archive: no-such-item/);
    expect((await refusal(ctx.archiveSearch.collect(d.clerk, request.id, { itemIds: [] }), 'invalid_input')).message).toMatch(/^itemIds:/);
    await refusal(ctx.archiveSearch.collect(d.clerk, request.id, { savedSearchId: 'nope' }), 'not_found');
    await refusal(ctx.archiveSearch.collect(d.clerk, 'no-such-request', { itemIds: [item.a] }), 'not_found');
    expect((await ctx.archiveSearch.collected(d.clerk, request.id)).items).toEqual([]);
  });

  it('an item destroyed under disposition is no longer found, browsed or collected', async () => {
    const ctx = get();
    const gone = await capture(ctx, { renderedText: 'Quetzalcoatl festival flyer', kind: 'attachment', platformId: 'plat-gone' });
    const kept = await capture(ctx, { renderedText: 'Quetzalcoatl festival schedule', kind: 'attachment', platformId: 'plat-gone' });
    const at = ctx.clock.now().toISOString();
    await ctx.db.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('archive_items').select(['id', 'seq', 'content_sha256', 'item_hash']).where('id', '=', gone).executeTakeFirstOrThrow();
      await tx.insertInto('disposition_batches').values({ id: 'batch-search-test', status: 'destroyed', note: 'test', item_count: 1, proposed_at: at } as never).execute();
      const who = { id: null, name: 'test' };
      await recordDestruction(tx, ctx.db.dialect, { batchId: 'batch-search-test', proposedBy: who, proposedAt: at, consentedBy: who, consentedAt: at, consentText: 'consent', resolutionNumber: 'R-1', formNumber: 'F-1', destroyedBy: who, destroyedAt: at, authority: null }, [{ id: row.id, seq: Number(row.seq), contentSha256: row.content_sha256, itemHash: row.item_hash }]);
    });
    expect(ids(await ctx.archiveSearch.search(d.clerk, { q: 'quetzalcoatl' }))).toEqual([kept]);
    expect(ids(await ctx.archiveSearch.search(d.clerk, { q: '', filters: { platform: 'plat-gone' } }))).toEqual([kept]);
    const request = await ctx.recordsRequests.create(d.clerk, { ...FORM, channel: 'email' });
    expect((await refusal(ctx.archiveSearch.collect(d.clerk, request.id, { itemIds: [kept, gone] }), 'invalid_input')).message).toMatch(/^itemIds: destroyed under the retention schedule/);
    const s = await ctx.archiveSearch.save(d.clerk, { name: 'Gone platform', q: '', filters: { platform: 'plat-gone' } });
    expect(await ctx.archiveSearch.collect(d.clerk, request.id, { savedSearchId: s.id })).toMatchObject({ matched: 1, added: 1 });
  });

  it('[IV.A.11] only the City Clerk collects; the request desk\'s readers may read what was collected; others may not', async () => {
    const ctx = get();
    const request = await ctx.recordsRequests.create(d.clerk, { ...FORM, channel: 'email' });
    for (const who of [d.attorney, d.auditor, d.manager]) {
      const err = await refusal(ctx.archiveSearch.collect(who, request.id, { itemIds: [item.a] }), 'forbidden');
      expect(err.clauses).toEqual(['IV.A.11']);
      expect((await ctx.archiveSearch.collected(who, request.id)).items).toEqual([]);
    }
    for (const who of [d.moderator, d.council]) {
      await refusal(ctx.archiveSearch.collect(who, request.id, { itemIds: [item.a] }), 'forbidden');
      await refusal(ctx.archiveSearch.collected(who, request.id), 'forbidden');
    }
  });
});
