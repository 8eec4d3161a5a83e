import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PersonActor } from '../../src/kernel/actor.ts';
import { REACTION_EVERY_MS } from '../../src/modules/comments/poll.ts';
import { appWithPersonas, as, persona } from '../api/personas.ts';
import { describeWithContext, type TestContext } from '../context.ts';
import { personWith } from '../bans/support.ts';
import { activeFacebookPage, facebookConnectors } from '../comments/support.ts';
import { postsWorld, type PostsWorld } from '../posts/support.ts';
import { startFacebookServer, type FacebookContractServer } from '../support/contract/facebook-server.ts';

/**
 * The Brown Act guard beyond comments (IV.B; Gov. Code 54952.2(b)(3)): members' reactions to City
 * posts, read by the comments poll, and a member answering another member's comment. Facebook
 * through its connector against the contract server (test/support/contract/facebook-server.ts).
 */
let server: FacebookContractServer;
let current: TestContext | undefined;
beforeAll(async () => {
  server = await startFacebookServer();
});
afterAll(() => server?.close());

const LULA = { id: '100000555001', name: 'Lula Davis' };
const RAY = { id: '100000555002', name: 'Ray Ortiz' };

describeWithContext(
  'Brown Act guard: members’ reactions and responses to each other',
  (get) => {
    let w: PostsWorld;
    let fb: string;
    let postId: string;
    let postRemoteId: string;
    let clerk: PersonActor;
    let moderator: PersonActor;
    let rayPersonId: string;
    beforeAll(async () => {
      const ctx = get();
      current = ctx;
      w = await postsWorld(ctx);
      fb = await activeFacebookPage(ctx, w, server);
      clerk = await w.actor('clerk@carsonca.gov');
      moderator = await w.actor('moderator@carsonca.gov');
      postId = await w.schedule({ targets: [{ platformId: fb }], body: 'The City Council meets Tuesday at 6 pm to discuss the park budget.' });
      await ctx.posts.publisher().runDue();
      postRemoteId = (await ctx.posts.get(w.poster, postId)).publications[0]!.remoteId!;
      const council = await ctx.db.db.selectFrom('persons').select('id').where('email', '=', 'ldavis.council@carsonca.gov').executeTakeFirstOrThrow();
      rayPersonId = (await personWith(ctx, 'legislative_member', 'Commissioner Ray Ortiz')).personId;
      await ctx.legislativeAccounts.register(clerk, { personId: council.id, platformId: fb, handle: LULA.id });
      await ctx.legislativeAccounts.register(clerk, { personId: rayPersonId, platformId: fb, handle: RAY.id });
    }, 120_000);

    const activity = async (kind: 'reaction' | 'response') => (await get().legislativeAccounts.activity(clerk, { kind })).items;
    const audits = (action: string) => get().db.db.selectFrom('audit_events').select(['target_id', 'clauses', 'target_label']).where('action', '=', action).execute();
    const notices = (kind: string) => get().db.db.selectFrom('notifications').select(['role', 'subject', 'related_id']).where('kind', '=', kind).execute();

    it('[IV.B] a member’s reaction to a City post is flagged and logged once per member × post × kind; residents’ reactions are not kept', async () => {
      const ctx = get();
      server.addReaction(postRemoteId, LULA, 'LIKE');
      server.addReaction(postRemoteId, { id: '700123', name: 'Pat Resident' }, 'LOVE');
      const first = await ctx.comments.pollAll();
      expect(first[fb]).toMatchObject({ reactionsFlagged: 1 });
      expect(first[fb]!.reactionsError).toBeUndefined();
      const items = await activity('reaction');
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ kind: 'reaction', reaction: 'like', personName: 'Councilmember Lula Davis', handle: LULA.id, postId, postRemoteId, platformId: fb });
      const trail = await audits('legislative.reaction_flagged');
      expect(trail).toHaveLength(1);
      expect(JSON.parse(trail[0]!.clauses)).toEqual(['IV.B']);
      expect(trail[0]!.target_label).toContain('Councilmember Lula Davis: like');
      expect((await notices('legislative.reaction')).map((n) => [n.role, n.related_id])).toEqual([['city_clerk', postId]]);

      // Reactions are read every 15 minutes, not at each minute's comments poll (platforms limit calls).
      server.addReaction(postRemoteId, LULA, 'LOVE');
      expect((await ctx.comments.pollAll())[fb]!.reactionsFlagged).toBeUndefined();
      // Then: a changed reaction is a new kind, flagged once; the earlier one stays on the log.
      ctx.clock.advance(REACTION_EVERY_MS);
      expect((await ctx.comments.pollAll())[fb]).toMatchObject({ reactionsFlagged: 1 });
      expect((await activity('reaction')).map((i) => i.reaction).sort()).toEqual(['like', 'love']);
      // Reading again flags nothing twice.
      ctx.clock.advance(REACTION_EVERY_MS);
      expect((await ctx.comments.pollAll())[fb]).toMatchObject({ reactionsFlagged: 0 });
      const stored = await ctx.db.db.selectFrom('legislative_activity').select('handle').execute();
      expect(stored.every((r) => r.handle === LULA.id)).toBe(true);
    });

    it('[IV.B] a member answering another member’s comment is flagged as a possible serial meeting, naming both', async () => {
      const ctx = get();
      const rays = server.addComment(postRemoteId, 'The park budget should double.', { fromId: RAY.id, name: RAY.name });
      server.addComment(postRemoteId, 'I agree with Commissioner Ortiz.', { fromId: LULA.id, name: LULA.name, parentId: rays });
      server.addComment(postRemoteId, 'Me too!', { name: 'Pat Resident', parentId: rays });
      await ctx.comments.pollAll();
      const items = await activity('response');
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ kind: 'response', personName: 'Councilmember Lula Davis', otherPersonName: 'Commissioner Ray Ortiz', otherPersonId: rayPersonId, postId });
      const lulaComment = await ctx.comments.get(moderator, items[0]!.commentId!);
      expect(lulaComment).toMatchObject({ text: 'I agree with Commissioner Ortiz.', parentRemoteId: rays });
      const trail = await audits('legislative.member_response_flagged');
      expect(trail.map((t) => [t.target_id, JSON.parse(t.clauses)])).toEqual([[lulaComment.id, ['IV.B']]]);
      expect(trail[0]!.target_label).toContain('Councilmember Lula Davis answered Commissioner Ray Ortiz');
      expect((await notices('legislative.member_response')).map((n) => n.role).sort()).toEqual(['city_attorney', 'city_clerk']);
      // Polling again flags nothing twice; a member answering their own comment is not a discussion among members.
      server.addComment(postRemoteId, 'And the pool too.', { fromId: RAY.id, name: RAY.name, parentId: rays });
      await ctx.comments.pollAll();
      expect(await activity('response')).toHaveLength(1);
    });

    it('[IV.B] a reply that arrives before the comment it answers is still flagged', async () => {
      const ctx = get();
      const base = { platformId: fb, postRemoteId, createdAt: '2026-11-19T17:00:00.000Z', native: {} };
      await ctx.comments.ingest([{ ...base, remoteId: 'late-reply', parentRemoteId: 'late-parent', authorHandle: RAY.id, authorName: RAY.name, text: 'Replying to the Councilmember' }], 'import');
      expect(await activity('response')).toHaveLength(1);
      await ctx.comments.ingest([{ ...base, remoteId: 'late-parent', authorHandle: LULA.id, authorName: LULA.name, text: 'We should vote on this.' }], 'import');
      const items = await activity('response');
      expect(items).toHaveLength(2);
      // The reply that came first is the one flagged, once its parent is known.
      const late = await ctx.db.db.selectFrom('comments').select('id').where('remote_id', '=', 'late-reply').executeTakeFirstOrThrow();
      expect(items.find((i) => i.commentId === late.id)).toMatchObject({ personName: 'Commissioner Ray Ortiz', otherPersonName: 'Councilmember Lula Davis' });
    });

    it('[IV.B] the log is read by the register’s readers only; bad input is named', async () => {
      const ctx = get();
      expect((await ctx.legislativeAccounts.activity(moderator)).items.length).toBeGreaterThanOrEqual(4);
      expect((await ctx.legislativeAccounts.activity(clerk, { personId: rayPersonId })).items.every((i) => i.personName === 'Commissioner Ray Ortiz')).toBe(true);
      await expect(ctx.legislativeAccounts.activity(w.poster)).rejects.toMatchObject({ code: 'forbidden', clauses: ['IV.B'] });
      await expect(ctx.legislativeAccounts.activity(clerk, { limit: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(ctx.legislativeAccounts.activity(clerk, { kind: 'like' })).rejects.toMatchObject({ code: 'invalid_input' });
    });

    it('[IV.B] over HTTP: the City Clerk reads the log; a department head may not; a bad filter is a 400 naming it', async () => {
      const app = await appWithPersonas(get(), new Map([['clerk', persona('p-clerk', 'Clara Clerk', [{ role: 'city_clerk' }])], ['head', persona('p-head', 'Hal Head', [{ role: 'department_head' }])]]));
      try {
        const ok = await app.inject({ method: 'GET', url: '/api/legislative-accounts/activity?kind=response&limit=10', headers: as('clerk') });
        expect(ok.statusCode).toBe(200);
        expect(ok.json().items.map((i: { kind: string; otherPersonName: string }) => i.kind)).toEqual(['response', 'response']);
        const bad = await app.inject({ method: 'GET', url: '/api/legislative-accounts/activity?kind=like', headers: as('clerk') });
        expect(bad.statusCode).toBe(400);
        expect(bad.body).toContain('kind');
        const noRole = await app.inject({ method: 'GET', url: '/api/legislative-accounts/activity', headers: as('head') });
        expect(noRole.statusCode).toBe(403);
      } finally {
        await app.close();
      }
    });

    it('[V] [IV.C.11] a comment the platform deleted cannot be restored there: the restore waits for a moderator, the text stays on record', async () => {
      const ctx = get();
      const remoteId = server.addComment(postRemoteId, 'BUY CHEAP WATCHES at www.cheap-watchez.biz', { name: 'Spam Bot' });
      await ctx.comments.pollAll();
      const c = (await ctx.comments.queue(moderator, { limit: 50 })).items.find((i) => i.remoteId === remoteId)!;
      await ctx.comments.decide(moderator, c.id, { decision: 'remove', clauses: ['V.7'] });
      expect(server.comment(remoteId)).toBeUndefined();
      const restored = await ctx.comments.decide(moderator, c.id, { decision: 'restore', note: 'Appeal granted' });
      expect(restored).toMatchObject({ visibility: 'removed', reviewState: 'open', text: c.text });
      expect(restored.decisions.at(-1)).toMatchObject({ decision: 'restore', platformAction: 'manual_pending' });
      expect(restored.decisions.at(-1)!.platformNote).toContain('cannot be shown again');
    });
  },
  { connectors: facebookConnectors(() => server, () => current) },
);
