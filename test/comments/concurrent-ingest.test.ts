import { beforeAll, expect, it } from 'vitest';
import type { IncomingComment } from '../../src/modules/comments/index.ts';
import { describeWithContext } from '../context.ts';
import { vaultWorld, type VaultWorld } from '../vault/support.ts';

// Platforms redeliver: a webhook is retried while Crier is still writing the first attempt, and a
// poll can overlap a webhook. Deliveries arriving at the same moment must give what they give one
// after the other: each comment stored once, each edit one version, and no delivery refused.
describeWithContext('comments: deliveries arriving at the same time', (get) => {
  let w: VaultWorld;
  let bluesky: string;
  beforeAll(async () => {
    w = await vaultWorld(get());
    bluesky = (await w.platform('Carson Public Works on Bluesky')).id;
  });
  const c = (id: string, over: Partial<IncomingComment> = {}): IncomingComment => ({ platformId: bluesky, remoteId: id, postRemoteId: 'at://did:plc:city/app.bsky.feed.post/concurrent', authorHandle: 'resident.bsky.social', authorName: 'A Resident', text: `Comment ${id}`, createdAt: '2026-11-19T17:00:00Z', native: { id }, ...over });

  it('[IV.C.11] the same delivery twice at once stores each comment once, and an edit racing it becomes one new version', async () => {
    const ctx = get();
    const delivery = Array.from({ length: 120 }, (_, i) => c(`dup-${i}`));
    const edit = [c('dup-7', { text: 'Comment dup-7, corrected', editedAt: '2026-11-19T17:30:00Z' })];
    const [first, second, edited] = await Promise.all([ctx.comments.ingest(delivery, 'webhook'), ctx.comments.ingest(delivery, 'webhook'), ctx.comments.ingest(edit, 'poll')]);
    expect(first.created + second.created).toBe(120);
    expect(first.unchanged + second.unchanged).toBe(120);
    expect(edited.edited).toBe(1);
    const rows = await ctx.db.db.selectFrom('comments').select(['id', 'remote_id', 'version', 'text']).where('remote_id', 'like', 'dup-%').execute();
    expect(rows).toHaveLength(120);
    const seven = rows.find((r) => r.remote_id === 'dup-7')!;
    expect(seven).toMatchObject({ version: 2, text: 'Comment dup-7, corrected' });
    const versions = await ctx.db.db.selectFrom('comment_versions').select(['version', 'kind']).where('comment_id', '=', seven.id).orderBy('version').execute();
    expect(versions).toEqual([{ version: 1, kind: 'created' }, { version: 2, kind: 'edited' }]);
  });
});
