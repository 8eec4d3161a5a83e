/**
 * The Bluesky connector's reply path for bsky.social and other PDSes with an AppView
 * (replies: 'appview', app.bsky.feed.getPostThread), against @atproto/dev-env's TestNetwork: a
 * real PDS with the real AppView and Ozone, which need PostgreSQL (TEST_DATABASE_URL, a scratch
 * database per run) and Redis (REDIS_HOST or 127.0.0.1:6379). Without them the file is skipped,
 * and says so.
 */
import { AtUri, type AppBskyFeedDefs } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlueskyConnector } from '../../src/adapters/connectors/bluesky.ts';
import type { PlatformConnector } from '../../src/ports/platform-connector.ts';
import { createScratchPostgres, postgresUrl } from '../dialects.ts';
import { accountFor, redisHost, startBlueskyNetworkWithAppView, type PdsAccount, type TestBlueskyPds } from '../support/bluesky-pds.ts';

const redis = postgresUrl ? await redisHost() : null;
if (!postgresUrl || !redis) {
  console.warn(`Bluesky AppView tests SKIPPED: they need ${!postgresUrl ? 'TEST_DATABASE_URL (PostgreSQL)' : 'Redis (REDIS_HOST or 127.0.0.1:6379)'}. CI has both.`);
}

describe.skipIf(!postgresUrl || !redis)('Bluesky connector with an AppView (real local PDS + AppView)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let network: TestBlueskyPds;
  let city: PdsAccount;
  let resident: PdsAccount;
  let neighbour: PdsAccount;
  let connector: PlatformConnector;
  let post: { uri: string; cid: string };
  let reply: { uri: string; cid: string };
  let nested: { uri: string; cid: string };

  beforeAll(async () => {
    const started = Date.now();
    scratch = await createScratchPostgres();
    network = await startBlueskyNetworkWithAppView(scratch.url, redis!);
    // Seen here: 10–15 s (the AppView and Ozone migrate their schemas).
    console.info(`bluesky PDS + AppView up in ${Date.now() - started} ms`);
    city = await network.createAccount('carson');
    resident = await network.createAccount('resident');
    neighbour = await network.createAccount('neighbour');
    connector = createBlueskyConnector({ service: network.url, replies: 'appview' });

    const published = await connector.publish(accountFor(city, city.appPassword), { idempotencyKey: 'appview-post-1', text: 'Street sweeping resumes Monday' });
    post = { uri: published.remoteId, cid: (published.native as { cid: string }).cid };
    await resident.agent.upsertProfile(() => ({ displayName: 'A Resident' }));
    reply = await resident.agent.post({ text: 'Which streets first?', reply: { root: post, parent: post }, createdAt: new Date().toISOString() });
    nested = await neighbour.agent.post({ text: 'Mine, I hope', reply: { root: post, parent: reply }, createdAt: new Date().toISOString() });
    await city.agent.post({ text: 'North of Del Amo first', reply: { root: post, parent: reply }, createdAt: new Date().toISOString() });
    await network.processAll();
  }, 120_000);

  afterAll(async () => {
    await network?.close();
    await scratch?.drop();
  });

  it("[V] fetches replies through the AppView, replies to replies included, not the City's own, with who wrote them", async () => {
    const comments = await connector.fetchComments(accountFor(city, city.appPassword), { postRemoteIds: [post.uri] });
    expect(comments.map((c) => c.remoteId)).toEqual([reply.uri, nested.uri]);
    expect(comments[0]).toMatchObject({ postRemoteId: post.uri, authorHandle: 'resident.test', authorName: 'A Resident', text: 'Which streets first?' });
    expect(comments[1]).toMatchObject({ postRemoteId: post.uri, authorHandle: 'neighbour.test', text: 'Mine, I hope' });

    // Without post ids, the City's posts are found in its repository.
    const recent = await connector.fetchComments(accountFor(city, city.appPassword), {});
    expect(recent.map((c) => c.remoteId)).toEqual([reply.uri, nested.uri]);
  });

  it('[V] a hidden reply is in the threadgate the AppView serves with the post', async () => {
    await connector.hideComment(accountFor(city, city.appPassword), { remoteId: nested.uri, postRemoteId: post.uri });
    await network.processAll();
    const thread = (await city.agent.app.bsky.feed.getPostThread({ uri: post.uri })).data.thread as AppBskyFeedDefs.ThreadViewPost;
    const gate = thread.post.threadgate?.record as { hiddenReplies?: string[] } | undefined;
    expect(gate?.hiddenReplies).toEqual([nested.uri]);
    expect(new AtUri(thread.post.threadgate!.uri!).rkey).toBe(new AtUri(post.uri).rkey);
  });

  it('[IV.C.15(i)(vi)] a removed post is gone from the AppView too, and its replies are no longer fetched', async () => {
    await connector.delete(accountFor(city, city.appPassword), post.uri);
    await network.processAll();
    await expect(city.agent.app.bsky.feed.getPostThread({ uri: post.uri })).rejects.toMatchObject({ error: 'NotFound' });
    expect(await connector.fetchComments(accountFor(city, city.appPassword), { postRemoteIds: [post.uri] })).toEqual([]);
  });
});
