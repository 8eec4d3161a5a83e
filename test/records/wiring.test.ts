import { beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';
import { postsWorld, type PostsWorld } from '../posts/support.ts';

describeWithContext('records: posts, comments and moderation land in the archive as they happen', (get) => {
  let w: PostsWorld;
  beforeAll(async () => {
    w = await postsWorld(get());
  });

  const kinds = async (sourceIds: string[]) =>
    (await get().db.db.selectFrom('archive_items').select(['kind', 'source_id', 'department_id']).where('source_id', 'in', sourceIds).orderBy('seq').execute()).map((r) => r.kind);

  it('[IV.A.9] [IV.A.13] every post version and publication is archived in its department folder', async () => {
    const ctx = get();
    const id = await w.schedule();
    await ctx.posts.publisher().runDue();
    const post = await ctx.posts.get(w.poster, id);
    const versions = await ctx.db.db.selectFrom('post_versions').select('id').where('post_id', '=', id).execute();
    expect(await kinds([...versions.map((v) => v.id), post.publications[0]!.id])).toEqual(['post_version', 'publication']);
    const folder = await ctx.db.db.selectFrom('archive_items').select('department_id').where('source_id', '=', versions[0]!.id).executeTakeFirstOrThrow();
    expect(folder.department_id).toBe(post.departmentId);
  });

  it('[IV.C.11] comments, their edits and the decisions on them are archived; the chain verifies', async () => {
    const ctx = get();
    const bluesky = (await w.platform('Carson Public Works on Bluesky')).id;
    const c = { platformId: bluesky, remoteId: 'at://did:plc:r/app.bsky.feed.post/arch1', postRemoteId: 'at://did:plc:city/app.bsky.feed.post/x', authorHandle: 'r.bsky.social', authorName: 'R', text: 'Buy cheap watches at www.cheap-watchez.biz', createdAt: '2026-11-19T17:00:00Z', native: { n: 1 } };
    const [commentId] = (await ctx.comments.ingest([c], 'poll')).ids;
    await ctx.comments.ingest([{ ...c, text: 'Buy cheap watches!!', editedAt: '2026-11-19T17:05:00Z' }], 'poll');
    const moderator = await w.actor('moderator@carsonca.gov');
    const decided = await ctx.comments.decide(moderator, commentId!, { decision: 'keep' });
    const versions = await ctx.db.db.selectFrom('comment_versions').select('id').where('comment_id', '=', commentId!).where('version', '>', 1).execute();
    expect(await kinds([commentId!, ...versions.map((v) => v.id), decided.decisions[0]!.id])).toEqual(['comment', 'comment_version', 'moderation_decision']);
    expect(await ctx.archive.verify()).toMatchObject({ ok: true });
  });
});
