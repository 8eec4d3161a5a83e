/**
 * Bluesky likes and reposts through the AppView (replies: 'appview', as on bsky.social):
 * app.bsky.feed.getLikes and getRepostedBy, which see everyone's reactions. Against
 * @atproto/dev-env's TestNetwork (a real PDS with the real AppView), which needs PostgreSQL
 * (TEST_DATABASE_URL) and Redis (REDIS_HOST or 127.0.0.1:6379); without them the file is skipped
 * and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlueskyConnector } from '../../src/adapters/connectors/bluesky.ts';
import type { PlatformConnector } from '../../src/ports/platform-connector.ts';
import { createScratchPostgres, postgresUrl } from '../dialects.ts';
import { accountFor, redisHost, startBlueskyNetworkWithAppView, type PdsAccount, type TestBlueskyPds } from '../support/bluesky-pds.ts';

const redis = postgresUrl ? await redisHost() : null;
if (!postgresUrl || !redis) {
  console.warn(`Bluesky AppView reaction tests SKIPPED: they need ${!postgresUrl ? 'TEST_DATABASE_URL (PostgreSQL)' : 'Redis (REDIS_HOST or 127.0.0.1:6379)'}. CI has both.`);
}

describe.skipIf(!postgresUrl || !redis)('Bluesky connector reactions through an AppView (real local PDS + AppView)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let network: TestBlueskyPds;
  let city: PdsAccount;
  let member: PdsAccount;
  let resident: PdsAccount;
  let connector: PlatformConnector;

  beforeAll(async () => {
    scratch = await createScratchPostgres();
    network = await startBlueskyNetworkWithAppView(scratch.url, redis!);
    city = await network.createAccount('carson');
    member = await network.createAccount('luladavis');
    resident = await network.createAccount('resident');
    connector = createBlueskyConnector({ service: network.url, replies: 'appview' });
  }, 120_000);

  afterAll(async () => {
    await network?.close();
    await scratch?.drop();
  });

  it("[IV.B] getLikes and getRepostedBy give everyone's likes and reposts of each City post, not the City's own", async () => {
    const published = await connector.publish(accountFor(city, city.appPassword), { idempotencyKey: 'appview-reactions-1', text: 'Council meets Tuesday' });
    const post = { uri: published.remoteId, cid: (published.native as { cid: string }).cid };
    await member.agent.like(post.uri, post.cid);
    await member.agent.repost(post.uri, post.cid);
    await resident.agent.like(post.uri, post.cid);
    await city.agent.like(post.uri, post.cid);
    await network.processAll();
    const got = await connector.fetchReactions!(accountFor(city, city.appPassword), { postRemoteIds: [post.uri] });
    expect(got.map((r) => [r.kind, r.authorHandle]).sort()).toEqual(
      [
        ['like', member.handle],
        ['like', resident.handle],
        ['repost', member.handle],
      ].sort(),
    );
    expect(got.find((r) => r.kind === 'like' && r.authorHandle === member.handle)?.createdAt).toBeTruthy();
  }, 60_000);
});
