import { beforeAll, expect, it } from 'vitest';
import type { IncomingComment } from '../../src/modules/comments/index.ts';
import { describeWithContext } from '../context.ts';
import { vaultWorld, type VaultWorld } from '../vault/support.ts';

const PW_BLUESKY = 'Carson Public Works on Bluesky';

describeWithContext('comments: the Brown Act guard and bans act on arrival', (get) => {
  let w: VaultWorld;
  let bluesky: string;
  let n = 0;
  beforeAll(async () => {
    w = await vaultWorld(get());
    bluesky = (await w.platform(PW_BLUESKY)).id;
  });
  const comment = (handle: string, text: string): IncomingComment => ({
    platformId: bluesky,
    remoteId: `at://did:plc:guards/app.bsky.feed.post/${++n}`,
    postRemoteId: 'at://did:plc:city/app.bsky.feed.post/guards',
    authorHandle: handle,
    authorName: null,
    text,
    createdAt: '2026-11-19T17:00:00Z',
    native: {},
  });

  it('[IV.B] flags a comment from a registered council member’s account and tells the City Clerk', async () => {
    const ctx = get();
    const clerk = await w.actor('clerk@carsonca.gov');
    const council = await w.personId('ldavis.council@carsonca.gov');
    await ctx.legislativeAccounts.register(clerk, { personId: council, platformId: bluesky, handle: '@LulaDavis.bsky.social' });
    const r = await ctx.comments.ingest([comment('luladavis.bsky.social', 'I agree, the council should fund this.'), comment('resident.bsky.social', 'I agree too.')], 'poll');
    const [member, resident] = await Promise.all(r.ids.map((id) => ctx.comments.get(w.cm, id)));
    expect(member!.legislativePersonId).toBe(council);
    expect(member!.severity).toBeGreaterThanOrEqual(2);
    expect(resident!.legislativePersonId).toBeNull();
    expect((await ctx.notifications.listFor(clerk)).some((x) => x.kind === 'comments.legislative' && x.relatedId === member!.id)).toBe(true);
  });

  it('[V] hides on arrival a comment by someone under a ban, citing the ban, and still queues it for a moderator', async () => {
    const ctx = get();
    const moderator = await w.actor('moderator@carsonca.gov');
    await ctx.bans.createBan(moderator, { platformId: bluesky, handle: 'troll.bsky.social', clauses: ['V.14'], reason: 'Repeated personal attacks on staff', reviewerId: w.pia.personId });
    const r = await ctx.comments.ingest([comment('troll.bsky.social', 'Hello again.')], 'poll');
    const c = await ctx.comments.get(moderator, r.ids[0]!);
    expect(c.reviewState).toBe('open');
    expect(c.decisions[0]).toMatchObject({ automatic: true, decision: 'hide', clauses: ['V.14'] });
    expect(c.decisions[0]!.note).toContain('ban');
  });
});
