import { beforeAll, expect, it } from 'vitest';
import type { IncomingComment } from '../../src/modules/comments/index.ts';
import { newId } from '../../src/kernel/ids.ts';
import { commentTexts } from '../../bench/comments/texts.ts';
import { describeWithContext, type TestContext } from '../context.ts';
import { vaultWorld, type VaultWorld } from '../vault/support.ts';

const PW_BLUESKY = 'Carson Public Works on Bluesky';
const NOW = '2026-11-19T18:00:00.000Z';
const CITY_POST = 'at://did:plc:city/app.bsky.feed.post/batch-known';

/** A published City post on the platform, so comments replying to it are screened against its text. */
async function publishedPost(ctx: TestContext, platformId: string): Promise<void> {
  const db = ctx.db.db;
  const platform = await db.selectFrom('platforms').select(['department_id']).where('id', '=', platformId).executeTakeFirstOrThrow();
  const author = await db.selectFrom('persons').select('id').limit(1).executeTakeFirstOrThrow();
  const id = newId();
  await db.insertInto('posts').values({ id, department_id: platform.department_id, author_id: author.id, status: 'published', version: 1, emergency: 0, emergency_system: null, emergency_release_url: null, emergency_released_at: null, directed_by: null, directed_reason: null, directed_at: null, override_by: null, override_reason: null, override_version: null, scheduled_for: NOW, correction_of: null, created_at: NOW, updated_at: NOW, submitted_at: NOW, published_at: NOW, removed_at: null, removed_by: null, removal_reason: null }).execute();
  await db.insertInto('post_versions').values({ id: newId(), post_id: id, version: 1, title: 'Street sweeping', body: 'Street sweeping on Avalon Boulevard moves to Tuesday mornings. Details: https://ci.carson.ca.us/streets', link: null, targets: JSON.stringify([{ platformId, text: null }]), attachment_ids: '[]', findings: '[]', edited_by: author.id, edited_at: NOW }).execute();
  await db.insertInto('post_publications').values({ id: newId(), post_id: id, platform_id: platformId, version: 1, idempotency_key: `${id}:${platformId}:v1`, status: 'published', attempts: 1, due_at: NOW, next_attempt_at: NOW, first_attempt_at: NOW, locked_by: null, locked_until: null, last_error: null, remote_id: CITY_POST, remote_url: null, native: null, published_at: NOW, removed_at: null, created_at: NOW, updated_at: NOW }).execute();
}

describeWithContext('comments: the batch ingest path gives the same results as taking comments one at a time', (get) => {
  let w: VaultWorld;
  let bluesky: string;
  let council: string;
  beforeAll(async () => {
    const ctx = get();
    w = await vaultWorld(ctx);
    bluesky = (await w.platform(PW_BLUESKY)).id;
    await publishedPost(ctx, bluesky);
    const clerk = await w.actor('clerk@carsonca.gov');
    council = await w.personId('ldavis.council@carsonca.gov');
    await ctx.legislativeAccounts.register(clerk, { personId: council, platformId: bluesky, handle: '@LulaDavis.bsky.social' });
    const moderator = await w.actor('moderator@carsonca.gov');
    await ctx.bans.createBan(moderator, { platformId: bluesky, handle: 'troll.bsky.social', clauses: ['V.14'], reason: 'Repeated personal attacks on staff', reviewerId: w.pia.personId });
  });

  /**
   * One delivery with everything at once, for a world whose remote ids start with `p`: a comment
   * stored before (`old`) then edited, edited out of order and deleted; new comments delivered twice,
   * edited within the delivery, deleted within it; replies to an unknown post; a council member; a
   * banned commenter; a comment from a platform not authorized; a malformed item; and enough
   * generated comments that the batch is screened by the worker threads.
   */
  function delivery(p: string, unauthorized: string): IncomingComment[] {
    const c = (id: string, over: Partial<IncomingComment> = {}): IncomingComment => ({ platformId: bluesky, remoteId: `${p}-${id}`, postRemoteId: CITY_POST, authorHandle: 'resident.bsky.social', authorName: 'A Resident', text: `Comment ${id}`, createdAt: '2026-11-19T17:00:00Z', native: { id }, ...over });
    const text = commentTexts(41);
    return [
      c('old', { text: 'Old text, now edited', editedAt: '2026-11-19T17:20:00Z' }),
      c('old', { text: 'An older edit arriving late', editedAt: '2026-11-19T17:05:00Z' }),
      c('old', { deleted: true, editedAt: '2026-11-19T17:40:00Z' }),
      c('new', { text: 'Is the library open Saturday?' }),
      c('new', { text: 'Is the library open Saturday?' }),
      c('new', { text: 'Is the library open on Saturday? Edited.', editedAt: '2026-11-19T17:10:00Z' }),
      c('gone', { text: 'I regret this' }),
      c('gone', { deleted: true, editedAt: '2026-11-19T17:30:00Z' }),
      c('gone', { deleted: true, editedAt: '2026-11-19T17:31:00Z' }),
      c('orphan', { postRemoteId: 'at://did:plc:city/app.bsky.feed.post/nobody-knows', text: 'Replying to a post Crier never saw' }),
      c('member', { authorHandle: 'luladavis.bsky.social', text: 'I agree, the council should fund this.' }),
      c('troll', { authorHandle: 'Troll.bsky.social', text: 'Hello again.' }),
      c('spam', { text: 'BUY CHEAP PILLS NOW http://spam.example.com call 310-555-0199 you idiot' }),
      { ...c('elsewhere'), platformId: unauthorized },
      { ...c('broken'), createdAt: 'yesterday' },
      ...Array.from({ length: 90 }, (_, i) => c(`gen${i}`, { text: text(), authorHandle: `resident${i % 7}.bsky.social` })),
    ];
  }

  /** What a world holds, with its remote-id prefix taken out so two worlds compare. */
  async function state(ctx: TestContext, p: string) {
    const db = ctx.db.db;
    const rows = await db.selectFrom('comments').selectAll().where('remote_id', 'like', `${p}-%`).orderBy('remote_id').execute();
    const out = [];
    for (const r of rows) {
      const versions = await db.selectFrom('comment_versions').select(['version', 'kind', 'text', 'native', 'sha256', 'at_on_platform']).where('comment_id', '=', r.id).orderBy('version').execute();
      const versionIds = (await db.selectFrom('comment_versions').select('id').where('comment_id', '=', r.id).execute()).map((v) => v.id);
      const archived = await db.selectFrom('archive_items').select(['kind', 'rendered_text', 'metadata', 'native', 'retain_until', 'department_id', 'platform_id']).where('source_id', 'in', [r.id, ...versionIds]).execute();
      const decisions = await db.selectFrom('moderation_decisions').select(['decision', 'clauses', 'automatic', 'status']).where('comment_id', '=', r.id).execute();
      const strip = (s: string) => s.split(`${p}-`).join('*-').replace(new RegExp(r.id, 'g'), '<id>');
      out.push({
        remoteId: strip(r.remote_id),
        comment: { text: r.text, version: r.version, post: r.post_id !== null, severity: r.severity, findings: JSON.parse(r.findings), visibility: r.visibility, reviewState: r.review_state, member: r.legislative_person_id, deletedAt: r.deleted_on_platform_at, retainUntil: r.retain_until, source: r.source },
        versions,
        archived: archived.map((a) => ({ ...a, metadata: strip(a.metadata) })).sort((a, b) => (a.kind + a.metadata < b.kind + b.metadata ? -1 : 1)),
        decisions,
      });
    }
    return out;
  }

  it('[IV.C.11] [IV.A.6] [IV.B] [V] one mixed delivery in one call equals the same items taken one at a time, and the archive chain verifies', async () => {
    const ctx = get();
    const retired = await ctx.db.db.selectFrom('platforms').select('id').where((eb) => eb.or([eb('status', '<>', 'active'), eb('comments_enabled', '=', 0)])).limit(1).executeTakeFirstOrThrow();
    // The comment stored before the delivery, in both worlds.
    for (const p of ['one', 'all']) await ctx.comments.ingest([{ platformId: bluesky, remoteId: `${p}-old`, postRemoteId: CITY_POST, authorHandle: 'resident.bsky.social', authorName: 'A Resident', text: 'Old text', createdAt: '2026-11-19T16:00:00Z', native: { first: true } }], 'poll');

    const totals = { created: 0, edited: 0, deleted: 0, unchanged: 0, refused: 0 };
    for (const item of delivery('one', retired.id)) {
      const r = await ctx.comments.ingest([item], 'poll');
      totals.created += r.created;
      totals.edited += r.edited;
      totals.deleted += r.deleted;
      totals.unchanged += r.unchanged;
      totals.refused += r.refused.length;
    }
    const batch = await ctx.comments.ingest(delivery('all', retired.id), 'poll');
    expect({ created: batch.created, edited: batch.edited, deleted: batch.deleted, unchanged: batch.unchanged, refused: batch.refused.length }).toEqual(totals);
    expect(totals).toEqual({ created: 96, edited: 3, deleted: 2, unchanged: 2, refused: 2 });
    expect(batch.refused.map((r) => r.index)).toEqual([13, 14]);
    expect(batch.refused[0]!.clauses).toEqual(['IV.A.6']);

    const [one, all] = [await state(ctx, 'one'), await state(ctx, 'all')];
    expect(all.filter((c, i) => JSON.stringify(c) !== JSON.stringify(one[i])).map((c) => c.remoteId)).toEqual([]);
    expect(all).toEqual(one);
    const byId = new Map(all.map((c) => [c.remoteId, c]));
    expect(byId.get('*-old')!.versions.map((v) => [v.kind, v.text])).toEqual([['created', 'Old text'], ['edited', 'Old text, now edited'], ['edited', 'An older edit arriving late'], ['deleted', 'Old text, now edited']]);
    expect(byId.get('*-old')!.comment).toMatchObject({ text: 'Old text, now edited', version: 4 });
    expect(byId.get('*-new')!.versions.map((v) => v.kind)).toEqual(['created', 'edited']);
    expect(byId.get('*-orphan')!.comment.post).toBe(false);
    expect(byId.get('*-member')!.comment.member).toBe(council);
    expect(byId.get('*-troll')!.decisions).toEqual([expect.objectContaining({ decision: 'hide', automatic: 1 })]);
    expect(byId.get('*-spam')!.comment.severity).toBeGreaterThan(0);
    expect(all.filter((c) => c.comment.findings.length > 0).length).toBeGreaterThan(5);
    // Every comment and every later version has its archive record.
    expect(all.every((c) => c.archived.length === c.versions.length)).toBe(true);
    expect((await ctx.archive.verify()).ok).toBe(true);
  });

  it('[IV.C.11] a delivery larger than one transaction is written in several, each chunk whole, and redelivered it adds nothing', async () => {
    const ctx = get();
    const text = commentTexts(5);
    const items: IncomingComment[] = Array.from({ length: 1_100 }, (_, i) => ({ platformId: bluesky, remoteId: `big-${i}`, postRemoteId: CITY_POST, authorHandle: `resident${i % 50}.bsky.social`, authorName: null, text: text(), createdAt: '2026-11-19T17:00:00Z', native: { i } }));
    // The same comment twice, either side of a chunk boundary: one comment, one edit.
    items[700] = { ...items[100]!, text: 'Edited after a chunk boundary', editedAt: '2026-11-19T17:50:00Z' };
    const countAudits = async () => (await ctx.db.db.selectFrom('audit_events').select('id').where('action', '=', 'comments.ingested').execute()).length;
    const before = await countAudits();
    const r = await ctx.comments.ingest(items, 'import');
    expect(r).toMatchObject({ created: 1_099, edited: 1, refused: [] });
    expect(r.ids).toHaveLength(1_099);
    const edited = await ctx.db.db.selectFrom('comments').select(['text', 'version']).where('remote_id', '=', 'big-100').executeTakeFirstOrThrow();
    expect(edited).toEqual({ text: 'Edited after a chunk boundary', version: 2 });
    // Three transactions (500, 500, 100), each audited with what it took.
    expect((await countAudits()) - before).toBe(3);
    const again = await ctx.comments.ingest(items.filter((_, i) => i !== 700), 'import');
    expect(again).toMatchObject({ created: 0, unchanged: 1_098 });
    expect((await ctx.archive.verify()).ok).toBe(true);
  });
});
