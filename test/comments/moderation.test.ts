import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PersonActor } from '../../src/kernel/actor.ts';
import { describeWithContext, type TestContext } from '../context.ts';
import { startFacebookServer, type FacebookContractServer } from '../support/contract/facebook-server.ts';
import { postsWorld, type PostsWorld } from '../posts/support.ts';
import { activeFacebookPage, facebookConnectors } from './support.ts';

let server: FacebookContractServer;
let current: TestContext | undefined;
beforeAll(async () => {
  server = await startFacebookServer();
});
afterAll(() => server?.close());

describeWithContext(
  'comments: ingest from the platform, screen, moderate by clause',
  (get) => {
    let w: PostsWorld;
    let fb: string;
    let postRemoteId: string;
    let moderator: PersonActor;
    beforeAll(async () => {
      current = get();
      w = await postsWorld(get());
      fb = await activeFacebookPage(get(), w, server);
      moderator = await w.actor('moderator@carsonca.gov');
      const id = await w.schedule({ targets: [{ platformId: fb }], body: 'The Carson Street repaving finishes Friday. Details: https://ci.carson.ca.us/streets' });
      await get().posts.publisher().runDue();
      postRemoteId = (await get().posts.get(w.poster, id)).publications[0]!.remoteId!;
    });

    it('[IV.A.6] [V.7] polls the Page, screens each comment against its post and queues the most severe first', async () => {
      const ctx = get();
      server.addComment(postRemoteId, 'Thank you, the street looks great now.', { name: 'Resident One' });
      server.addComment(postRemoteId, 'BUY CHEAP WATCHES NOW at www.cheap-watchez.biz!!! limited offer, click here', { name: 'Spam Bot' });
      server.addComment(postRemoteId, 'I will burn down city hall tonight', { name: 'Angry Person' });
      const polled = await ctx.comments.pollAll();
      expect(polled[fb]).toMatchObject({ fetched: 3 });
      const page = await ctx.comments.queue(moderator, { limit: 10 });
      const texts = page.items.map((i) => i.text);
      expect(texts.at(-1)).toBe('Thank you, the street looks great now.');
      expect(texts[0]).toBe('I will burn down city hall tonight');
      expect(page.items[0]!.findings.some((f) => f.clause === 'V.11')).toBe(true);
      expect(page.items.find((i) => i.text.startsWith('BUY'))!.findings.some((f) => f.clause === 'V.7')).toBe(true);
      expect(page.items[0]!.postText).toContain('Carson Street repaving');
      // Polling again takes nothing twice.
      await ctx.comments.pollAll();
      expect((await ctx.comments.queue(moderator, { limit: 10 })).open).toBe(page.open);
    });

    it('[V] [IV.C.11] a removal cites Section V, comes off the platform and stays on record', async () => {
      const ctx = get();
      const spam = (await ctx.comments.queue(moderator, { limit: 10 })).items.find((i) => i.text.startsWith('BUY'))!;
      await expect(ctx.comments.decide(moderator, spam.id, { decision: 'remove', clauses: [] })).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['V'] });
      await expect(ctx.comments.decide(moderator, spam.id, { decision: 'remove', clauses: ['rude'] })).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(ctx.comments.decide(w.poster, spam.id, { decision: 'remove', clauses: ['V.7'] })).rejects.toMatchObject({ code: 'forbidden' });
      const removed = await ctx.comments.decide(moderator, spam.id, { decision: 'remove', clauses: ['V.7'], note: 'Commercial solicitation' });
      expect(removed).toMatchObject({ visibility: 'removed', reviewState: 'decided', text: spam.text, authorName: 'Spam Bot' });
      expect(removed.decisions.at(-1)).toMatchObject({ decision: 'remove', clauses: ['V.7'], moderatorId: moderator.personId, platformAction: 'done' });
      expect(removed.retainUntil! >= '2029-01-01').toBe(true);
      expect(server.comment(spam.remoteId)).toBeUndefined();
      const ev = await ctx.db.db.selectFrom('audit_events').select(['action', 'clauses']).where('target_id', '=', spam.id).where('action', '=', 'comment.remove').executeTakeFirstOrThrow();
      expect(JSON.parse(ev.clauses)).toEqual(['V.7']);
    });

    it('[V] a hide goes through the platform, and so does a restore (Facebook shows the comment again)', async () => {
      const ctx = get();
      const threat = (await ctx.comments.queue(moderator, { limit: 10 })).items.find((i) => i.text.includes('burn down'))!;
      const hidden = await ctx.comments.decide(moderator, threat.id, { decision: 'hide', clauses: ['V.11'] });
      expect(hidden.visibility).toBe('hidden');
      expect(server.comment(threat.remoteId)?.isHidden).toBe(true);
      const restored = await ctx.comments.decide(moderator, threat.id, { decision: 'restore', note: 'Appeal granted' });
      expect(restored).toMatchObject({ visibility: 'visible', reviewState: 'decided' });
      expect(restored.decisions.at(-1)).toMatchObject({ decision: 'restore', platformAction: 'done' });
      expect(server.comment(threat.remoteId)?.isHidden).toBe(false);
    });

    it('[V] [V.3] a clause the City Manager lists hides automatically, and a human still confirms it', async () => {
      const ctx = get();
      await expect(ctx.comments.setSettings(moderator, { autoHideClauses: ['V.3'], twoPersonRule: false })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(ctx.comments.setSettings(w.cm, { autoHideClauses: ['V.4'], twoPersonRule: false })).rejects.toMatchObject({ code: 'invalid_input' });
      await ctx.comments.setSettings(w.cm, { autoHideClauses: ['V.3', 'V.7', 'V.11'], twoPersonRule: false });
      const remoteId = server.addComment(postRemoteId, 'BUY CHEAP WATCHES NOW at www.cheap-watchez.biz!!! best prices click here', { name: 'Spam Bot 2' });
      await ctx.comments.pollAll();
      const c = (await ctx.comments.queue(moderator, { limit: 50 })).items.find((i) => i.remoteId === remoteId)!;
      expect(c).toMatchObject({ visibility: 'hidden', reviewState: 'open' });
      expect(c.decisions[0]).toMatchObject({ automatic: true, decision: 'hide' });
      expect(server.comment(remoteId)?.isHidden).toBe(true);
      const confirmed = await ctx.comments.decide(moderator, c.id, { decision: 'hide', clauses: ['V.7'] });
      expect(confirmed.reviewState).toBe('decided');
    });

    it('[V] the two-person rule makes a removal outside the listed clauses wait for a second moderator', async () => {
      const ctx = get();
      await ctx.comments.setSettings(w.cm, { autoHideClauses: ['V.3', 'V.7', 'V.11'], twoPersonRule: true });
      const remoteId = server.addComment(postRemoteId, 'The mayor is a crook and everyone knows it', { name: 'Critic' });
      await ctx.comments.pollAll();
      const c = (await ctx.comments.queue(moderator, { limit: 50 })).items.find((i) => i.remoteId === remoteId)!;
      const pending = await ctx.comments.decide(moderator, c.id, { decision: 'remove', clauses: ['V.14'] });
      expect(pending).toMatchObject({ visibility: 'visible', reviewState: 'open' });
      expect(server.comment(remoteId)).toBeDefined();
      await expect(ctx.comments.second(moderator, c.id)).rejects.toMatchObject({ code: 'policy_refusal' });
      const done = await ctx.comments.second(w.pia, c.id);
      expect(done.visibility).toBe('removed');
      expect(server.comment(remoteId)).toBeUndefined();
      await ctx.comments.setSettings(w.cm, { autoHideClauses: [], twoPersonRule: false });
    });
  },
  { connectors: facebookConnectors(() => server, () => current) },
);
