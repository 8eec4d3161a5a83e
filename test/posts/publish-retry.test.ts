import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createMastodonConnector } from '../../src/adapters/connectors/mastodon.ts';
import { createConnectorFactory } from '../../src/adapters/connectors/index.ts';
import type { ConnectorFactory } from '../../src/ports/platform-connector.ts';
import { completeProfile } from '../../src/modules/platforms/test/factory.ts';
import { describeWithContext, type TestContext } from '../context.ts';
import { startMastodonServer, type MastodonContractServer } from '../support/contract/mastodon-server.ts';
import { postsWorld, type PostsWorld } from './support.ts';

/**
 * Publishing through a real connector and a platform that misbehaves. Mastodon cannot run here:
 * the server is test/support/contract/mastodon-server.ts, which follows the published client API.
 */
let server: MastodonContractServer;
beforeAll(async () => {
  server = await startMastodonServer({ token: 'city-token-1' });
});
afterAll(() => server?.close());

let realConnectors: ConnectorFactory | undefined;
const mastodon = createMastodonConnector({ mediaPollMs: 5 });
const connectors: ConnectorFactory = (type) => (type === 'mastodon' ? mastodon : (realConnectors?.(type) ?? null));

/** An active Public Works Mastodon account on the contract server, with its token in the vault and the demo poster designated. */
async function activeMastodon(ctx: TestContext, w: PostsWorld): Promise<string> {
  const clerk = await w.actor('clerk@carsonca.gov');
  const p = await ctx.platforms.request(w.pwHead, { name: 'Carson Public Works on Mastodon', type: 'mastodon', purpose: 'Service updates', departmentId: (await w.platform('Carson Public Works News')).departmentId, handle: '@city', url: server.accountUrl, domain: new URL(server.origin).hostname });
  await ctx.platforms.itReview(w.it, p.id, { decision: 'approve', notes: 'ok', template: 'IT-TEMPLATE-2026' });
  await ctx.platforms.recordCouncilApproval(clerk, p.id, { approvedOn: '2026-11-02', agendaItem: '2026-11-M' });
  await ctx.platforms.updateProfile(w.it, p.id, { ...completeProfile('Public Works'), contactEmail: 'socialmedia@carsonca.gov', contactPhone: '+13108307600' });
  await ctx.platforms.activate(w.cm, p.id);
  await ctx.vault.submit(w.pwHead, p.id, { apiTokens: [{ name: 'client', token: 'city-token-1' }] });
  await ctx.people.designate(w.pwHead, w.poster.personId, { departmentId: p.departmentId!, platformIds: [p.id, w.pwNews] });
  await ctx.people.recordTraining(w.pwHead, w.poster.personId, { kind: 'training', platformType: 'mastodon', completedOn: '2026-11-10' });
  await ctx.people.recordTraining(w.pwHead, w.poster.personId, { kind: 'provider_terms', platformType: 'mastodon', completedOn: '2026-11-10' });
  return p.id;
}

describeWithContext(
  'posts: publishing retries through a real connector',
  (get) => {
    let w: PostsWorld;
    let platformId: string;
    beforeAll(async () => {
      realConnectors = createConnectorFactory({ db: get().db.db, clock: get().clock, publicUrl: 'http://crier.test' });
      w = await postsWorld(get());
      platformId = await activeMastodon(get(), w);
    });
    beforeEach(() => {
      server.failNext(0);
    });

    const scheduleToMastodon = () => w.schedule({ targets: [{ platformId, text: `Pothole crews on Carson Street this week. https://ci.carson.ca.us/streets ${Math.random().toString(36).slice(2, 8)}` }] });

    it('[IV.C.15(i)(ii)] a 503 is retried with backoff; the post goes out once, with the token read from the vault', async () => {
      const ctx = get();
      const before = server.statusCount();
      const id = await scheduleToMastodon();
      server.failNext(2, { status: 503 });
      const publisher = ctx.posts.publisher();
      expect(await publisher.runDue()).toMatchObject({ retrying: 1, published: 0 });
      const first = (await ctx.posts.get(w.poster, id)).publications[0]!;
      expect(first.status).toBe('pending');
      expect(new Date(first.nextAttemptAt).getTime() - ctx.clock.now().getTime()).toBe(30_000);
      ctx.clock.advance(30_000);
      expect(await publisher.runDue()).toMatchObject({ retrying: 1 });
      const second = (await ctx.posts.get(w.poster, id)).publications[0]!;
      expect(new Date(second.nextAttemptAt).getTime() - ctx.clock.now().getTime()).toBe(60_000);
      ctx.clock.advance(60_000);
      expect(await publisher.runDue()).toMatchObject({ published: 1 });
      const done = await ctx.posts.get(w.poster, id);
      expect(done.status).toBe('published');
      expect(done.publications[0]).toMatchObject({ status: 'published', attempts: 3 });
      expect(server.statusCount()).toBe(before + 1);
      expect(server.status(done.publications[0]!.remoteId!)?.text).toContain('Pothole crews');
    });

    it('a response lost after the platform acted is retried with the same idempotency key: one status', async () => {
      const ctx = get();
      const before = server.statusCount();
      const id = await scheduleToMastodon();
      server.dropNextResponse();
      expect(await ctx.posts.publisher().runDue()).toMatchObject({ retrying: 1 });
      ctx.clock.advance(30_000);
      expect(await ctx.posts.publisher().runDue()).toMatchObject({ published: 1 });
      expect(server.statusCount()).toBe(before + 1);
      expect((await ctx.posts.get(w.poster, id)).status).toBe('published');
    });

    it('a refused token fails at once, without retries, and tells the author and the IT Manager', async () => {
      const ctx = get();
      const id = await scheduleToMastodon();
      server.failNext(1, { status: 401, body: { error: 'The access token is invalid' } });
      expect(await ctx.posts.publisher().runDue()).toMatchObject({ failed: 1 });
      const post = await ctx.posts.get(w.poster, id);
      expect(post.publications[0]).toMatchObject({ status: 'failed', attempts: 1 });
      expect(post.status).toBe('scheduled');
      expect((await ctx.notifications.listFor(w.poster)).some((n) => n.kind === 'post.publication_failed' && n.relatedId === id)).toBe(true);
      expect((await ctx.notifications.listFor(w.it)).some((n) => n.kind === 'post.publication_failed' && n.relatedId === id)).toBe(true);
    });
  },
  { connectors },
);
