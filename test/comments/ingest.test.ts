import { beforeAll, expect, it } from 'vitest';
import type { IncomingComment } from '../../src/modules/comments/index.ts';
import { describeWithContext } from '../context.ts';
import { vaultWorld, type VaultWorld } from '../vault/support.ts';

const PW_BLUESKY = 'Carson Public Works on Bluesky';

describeWithContext('comments: ingest is durable, idempotent and keeps every version', (get) => {
  let w: VaultWorld;
  let bluesky: string;
  let n = 0;
  beforeAll(async () => {
    w = await vaultWorld(get());
    bluesky = (await w.platform(PW_BLUESKY)).id;
  });
  const comment = (over: Partial<IncomingComment> = {}): IncomingComment => ({
    platformId: bluesky,
    remoteId: `at://did:plc:resident/app.bsky.feed.post/${++n}`,
    postRemoteId: 'at://did:plc:city/app.bsky.feed.post/unknown-post',
    authorHandle: 'resident.bsky.social',
    authorName: 'A Resident',
    text: 'Is the library open on Saturday?',
    createdAt: '2026-11-19T17:00:00Z',
    native: { raw: true },
    ...over,
  });

  it('[IV.C.11] takes a duplicate delivery once, and keeps a reply to a post Crier does not know', async () => {
    const c = comment();
    const first = await get().comments.ingest([c, c], 'poll');
    expect(first).toMatchObject({ created: 1, unchanged: 1 });
    const again = await get().comments.ingest([c], 'webhook');
    expect(again).toMatchObject({ created: 0, unchanged: 1 });
    const rows = await get().db.db.selectFrom('comments').selectAll().where('remote_id', '=', c.remoteId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ post_id: null, post_remote_id: c.postRemoteId, review_state: 'open' });
  });

  it('[IV.C.11] an edit is a new version, the old text kept; an older edit arriving late never replaces a newer one', async () => {
    const c = comment({ text: 'First words' });
    await get().comments.ingest([c], 'poll');
    await get().comments.ingest([{ ...c, text: 'Third words', editedAt: '2026-11-19T17:30:00Z' }], 'poll');
    await get().comments.ingest([{ ...c, text: 'Second words', editedAt: '2026-11-19T17:10:00Z' }], 'poll');
    const row = await get().db.db.selectFrom('comments').selectAll().where('remote_id', '=', c.remoteId).executeTakeFirstOrThrow();
    expect(row.text).toBe('Third words');
    const versions = await get().comments.get(w.cm, row.id);
    expect(versions.versions.map((v) => [v.version, v.kind, v.text])).toEqual([
      [1, 'created', 'First words'],
      [2, 'edited', 'Third words'],
      [3, 'edited', 'Second words'],
    ]);
  });

  it('[IV.C.11] a deletion by the commenter is recorded as a version; the text is kept', async () => {
    const c = comment({ text: 'Something I regret' });
    await get().comments.ingest([c], 'poll');
    expect(await get().comments.ingest([{ ...c, deleted: true, editedAt: '2026-11-19T18:00:00Z' }], 'poll')).toMatchObject({ deleted: 1 });
    const row = await get().db.db.selectFrom('comments').selectAll().where('remote_id', '=', c.remoteId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ text: 'Something I regret', deleted_on_platform_at: '2026-11-19T18:00:00Z', version: 2 });
  });

  it('[IV.A.6] refuses comments from a platform whose comments the City Manager has not authorized, and records it', async () => {
    const feed = (await w.platform('Carson City News')).id;
    const r = await get().comments.ingest([comment({ platformId: feed }), comment()], 'poll');
    expect(r.created).toBe(1);
    expect(r.refused).toMatchObject([{ index: 0, clauses: ['IV.A.6'] }]);
    const ev = await get().db.db.selectFrom('audit_events').select('action').where('action', '=', 'comments.unauthorized_platform').where('target_id', '=', feed).execute();
    expect(ev.length).toBeGreaterThan(0);
    expect((await get().notifications.listFor(w.cm)).some((n) => n.kind === 'comments.unauthorized_platform' && n.relatedId === feed)).toBe(true);
  });

  it('reports malformed items by position and keeps the good ones', async () => {
    const good = comment();
    const r = await get().comments.ingest([{ ...comment(), createdAt: 'yesterday' }, good, { ...comment(), remoteId: '' }, null as unknown as IncomingComment], 'import');
    expect(r.created).toBe(1);
    expect(r.refused.map((x) => x.index)).toEqual([0, 2, 3]);
    expect(r.refused[0]!.reason).toContain('createdAt');
  });

  it('takes hostile text as text: HTML, control characters, lone surrogates and 1 MB', async () => {
    const texts = ['<script>alert(1)</script>', 'a\u0000b\u0007c', 'x\uD800y', '😀'.repeat(10), 'z'.repeat(1_000_000)];
    const r = await get().comments.ingest(texts.map((text) => comment({ text })), 'poll');
    expect(r.created).toBe(5);
    const stored = await get().db.db.selectFrom('comments').select('text').where('id', 'in', r.ids).execute();
    expect(stored.map((s) => s.text)).toContain('<script>alert(1)</script>');
    expect(Math.max(...stored.map((s) => s.text.length))).toBe(100_000);
  });
});
