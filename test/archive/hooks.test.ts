import { beforeAll, expect, it } from 'vitest';
import type { Executor } from '../../src/db/index.ts';
import type { PersonActor } from '../../src/kernel/actor.ts';
import type { IncomingComment } from '../../src/modules/comments/index.ts';
import type { ArchiveItem } from '../../src/modules/archive/index.ts';
import { describeWithContext } from '../context.ts';
import { postsWorld, type PostsWorld } from '../posts/support.ts';

const PW_BLUESKY = 'Carson Public Works on Bluesky';

/**
 * End to end through the real services: rows made by ctx.posts and ctx.comments, captured by the
 * hooks the lead will call inside those services' transactions (here, right after them).
 */
describeWithContext('archive: post versions, publications, comments and moderation captured through the hooks', (get) => {
  let w: PostsWorld;
  let clerk: PersonActor;
  let bluesky: { id: string; departmentId: string | null };
  const hooks = () => get().archive.hooks;
  const tx = <T>(fn: (t: Executor) => Promise<T>) => get().db.db.transaction().execute(fn);

  beforeAll(async () => {
    w = await postsWorld(get());
    clerk = await w.actor('clerk@carsonca.gov');
    bluesky = await w.platform(PW_BLUESKY);
  });

  it('[IV.A.13] keeps every version of a post and its publication in the department folder', async () => {
    const ctx = get();
    const p = await ctx.posts.create(w.poster, w.draft({ title: 'Leaf pickup week' }));
    await ctx.posts.update(w.poster, p.id, w.draft({ title: 'Leaf pickup week (revised)' }));
    const versions = await ctx.db.db.selectFrom('post_versions').select(['id', 'version']).where('post_id', '=', p.id).orderBy('version').execute();
    const items: ArchiveItem[] = [];
    for (const v of versions) items.push(await tx((t) => hooks().postVersion(t, v.id)));
    expect(items.map((i) => [i.kind, i.departmentId, i.metadata.version, i.renderedText.split('\n')[0]])).toEqual([
      ['post_version', p.departmentId, 1, 'Leaf pickup week'],
      ['post_version', p.departmentId, 2, 'Leaf pickup week (revised)'],
    ]);
    expect(items[0]!.metadata.author).toMatchObject({ personId: w.poster.personId, name: w.poster.name });
    expect(items[0]!.retentionCategory).toBe('posts');

    const id = await w.schedule({ title: 'Holiday trash schedule' });
    await ctx.posts.publisher().runDue();
    const pub = await ctx.db.db.selectFrom('post_publications').selectAll().where('post_id', '=', id).executeTakeFirstOrThrow();
    expect(pub.status).toBe('published');
    const item = await tx((t) => hooks().publication(t, pub.id));
    expect(item).toMatchObject({ kind: 'publication', platformId: w.pwNews, departmentId: p.departmentId, metadata: { platformIds: { remoteId: pub.remote_id }, createdOnPlatformAt: pub.published_at } });
    expect(item.renderedText).toContain('Holiday trash schedule');
    expect(item.renderedText).toContain('Published on Carson Public Works News');
  });

  it('[IV.C.11] keeps a comment, its edit and its deletion by the commenter, each with its native payload', async () => {
    const ctx = get();
    const c: IncomingComment = { platformId: bluesky.id, remoteId: 'at://did:plc:res/app.bsky.feed.post/archive-1', postRemoteId: 'at://did:plc:city/app.bsky.feed.post/p', authorHandle: 'res.bsky.social', authorName: 'A Resident', text: 'When is the pool open?', createdAt: '2026-11-19T17:00:00Z', native: { $type: 'app.bsky.feed.post', text: 'When is the pool open?' } };
    await ctx.comments.ingest([c], 'poll');
    const row = await ctx.db.db.selectFrom('comments').select('id').where('remote_id', '=', c.remoteId).executeTakeFirstOrThrow();
    const first = await tx((t) => hooks().comment(t, row.id));
    expect(first).toMatchObject({ kind: 'comment', departmentId: bluesky.departmentId, platformId: bluesky.id, renderedText: 'When is the pool open?', native: c.native, metadata: { author: { handle: 'res.bsky.social', name: 'A Resident' }, createdOnPlatformAt: '2026-11-19T17:00:00Z', platformIds: { remoteId: c.remoteId } } });
    await ctx.comments.ingest([{ ...c, text: 'When is the pool open on Sunday?', editedAt: '2026-11-19T17:05:00Z', native: { edited: true } }], 'poll');
    await ctx.comments.ingest([{ ...c, deleted: true, editedAt: '2026-11-19T17:10:00Z' }], 'poll');
    const later = await ctx.db.db.selectFrom('comment_versions').select('id').where('comment_id', '=', row.id).where('version', '>', 1).orderBy('version').execute();
    const items: ArchiveItem[] = [];
    for (const v of later) items.push(await tx((t) => hooks().commentVersion(t, v.id)));
    expect(items.map((i) => [i.kind, i.metadata.change, i.renderedText])).toEqual([
      ['comment_version', 'edited', 'When is the pool open on Sunday?'],
      ['comment_version', 'deleted', '[deleted by the commenter] When is the pool open on Sunday?'],
    ]);
    expect(items[0]!.native).toEqual({ edited: true });
    expect(items[1]!.metadata.deletedAt).toBe('2026-11-19T17:10:00Z');
  });

  it('[IV.C.11] a removal is kept with the time, the poster and the reason, once; the decision itself on each change', async () => {
    const ctx = get();
    const moderator = await w.actor('moderator@carsonca.gov');
    const c: IncomingComment = { platformId: bluesky.id, remoteId: 'at://did:plc:res/app.bsky.feed.post/archive-spam', postRemoteId: 'at://did:plc:city/app.bsky.feed.post/p', authorHandle: 'spam.bsky.social', authorName: 'Spam Bot', text: 'BUY CHEAP WATCHES www.cheap-watchez.biz', createdAt: '2026-11-19T16:00:00Z', native: { text: 'BUY CHEAP WATCHES' } };
    await ctx.comments.ingest([c], 'poll');
    const row = await ctx.db.db.selectFrom('comments').select('id').where('remote_id', '=', c.remoteId).executeTakeFirstOrThrow();
    await ctx.comments.decide(moderator, row.id, { decision: 'remove', clauses: ['V.7'], note: 'Commercial spam' });
    const d = await ctx.db.db.selectFrom('moderation_decisions').selectAll().where('comment_id', '=', row.id).orderBy('decided_at', 'desc').executeTakeFirstOrThrow();
    // decide() archives the decision (and the removal) in its own transaction.
    const archived = await ctx.db.db.selectFrom('archive_items').select('id').where('source_id', '=', d.id).orderBy('seq').execute();
    const items = await Promise.all(archived.map((a) => ctx.archive.get(clerk, a.id)));
    expect(d.status).toBe('final');
    expect(items.map((i) => i.kind)).toEqual(['moderation_decision', 'removal']);
    expect(items[0]).toMatchObject({ sourceId: d.id, metadata: { clauses: ['V.7'], reason: 'Commercial spam', decision: 'remove', moderator: { personId: moderator.personId } } });
    const removal = items[1]!;
    expect(removal).toMatchObject({ kind: 'removal', retentionCategory: 'removedComments', departmentId: bluesky.departmentId, metadata: { author: { handle: 'spam.bsky.social', name: 'Spam Bot' }, reason: 'Commercial spam', decidedAt: d.decided_at } });
    expect(removal.renderedText).toContain('Spam Bot (spam.bsky.social) posted 2026-11-19T16:00:00Z');
    expect(removal.renderedText).toContain('Reason: Commercial spam (V.7)');
    expect((await tx((t) => hooks().moderationDecision(t, d.id))).map((i) => i.kind)).toEqual(['moderation_decision']);
  });

  it('[IV.A.11] records staff list by kind, department and date in keyset pages, read one item, and verify', async () => {
    const ctx = get();
    const all = await ctx.archive.list(clerk, { limit: 500 });
    const removals = await ctx.archive.list(clerk, { kind: 'removal', department: bluesky.departmentId!, from: '2026-11-19', to: '2026-11-19' });
    expect(removals.items.map((i) => i.kind)).toEqual(['removal']);
    expect(removals.items[0]).not.toHaveProperty('native');
    expect((await ctx.archive.list(clerk, { kind: 'removal', from: '2026-11-20' })).items).toEqual([]);
    expect((await ctx.archive.list(clerk, { department: 'city' })).items.every((i) => i.departmentId === null)).toBe(true);
    const seen: number[] = [];
    let after: number | undefined;
    for (let page = 0; page < 20; page++) {
      const r = await ctx.archive.list(clerk, { limit: 2, after });
      seen.push(...r.items.map((i) => i.seq));
      if (r.next === null) break;
      after = r.next;
    }
    expect(seen).toEqual(all.items.map((i) => i.seq));
    const one = await ctx.archive.get(clerk, removals.items[0]!.id);
    expect(one.native).toEqual({ text: 'BUY CHEAP WATCHES' });
    await expect(ctx.archive.get(clerk, 'no-such-item')).rejects.toMatchObject({ code: 'not_found' });
    await expect(ctx.archive.list(w.poster, {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(ctx.archive.list(clerk, { from: 'last week' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await ctx.archive.verifyAs(w.auditor)).toMatchObject({ ok: true, items: all.items.length });
    await expect(ctx.archive.verifyAs(w.poster)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
