/**
 * The Bluesky connector against a real local PDS (@atproto/dev-env, no AppView), started once
 * for the file. Replies are found by reading the PDS's repositories (replies: 'pds'), the way
 * that works without an AppView.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtUri } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlueskyConnector } from '../../src/adapters/connectors/bluesky.ts';
import { recordKeyFor } from '../../src/adapters/connectors/bluesky-records.ts';
import { SESSION_TTL_MS } from '../../src/adapters/connectors/bluesky-session.ts';
import { connectorCapabilities } from '../../src/adapters/connectors/index.ts';
import { ConnectorError, type PlatformConnector } from '../../src/ports/platform-connector.ts';
import { accountFor, startBlueskyPds, type PdsAccount, type TestBlueskyPds } from '../support/bluesky-pds.ts';

// A 1×1 PNG: the PDS stores the bytes as a blob; the record says what they are.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let pds: TestBlueskyPds;
let city: PdsAccount;
let resident: PdsAccount;
let connector: PlatformConnector;
let dir: string;
let keys = 0;
const key = () => `publication-${++keys}-${Date.now()}`;
const cityAccount = () => accountFor(city, city.appPassword);

beforeAll(async () => {
  const started = Date.now();
  pds = await startBlueskyPds();
  city = await pds.createAccount('carson');
  resident = await pds.createAccount('resident');
  connector = createBlueskyConnector({ service: pds.url, replies: 'pds' });
  dir = await mkdtemp(join(tmpdir(), 'crier-bsky-media-'));
  // Seen here: ~1 s for the PDS and two accounts.
  console.info(`bluesky PDS up with two accounts in ${Date.now() - started} ms`);
});

afterAll(async () => {
  await pds?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const getPost = (uri: string) => {
  const u = new AtUri(uri);
  return city.agent.com.atproto.repo.getRecord({ repo: u.host, collection: u.collection, rkey: u.rkey });
};

const countPosts = async () => (await city.agent.com.atproto.repo.listRecords({ repo: city.did, collection: 'app.bsky.feed.post', limit: 100 })).data.records.length;

describe('Bluesky connector (real local PDS)', () => {
  it('declares the capabilities of the bluesky descriptor (no edit, 300 characters)', () => {
    expect(connector.capabilities).toEqual(connectorCapabilities('bluesky'));
    expect(connector.capabilities).toMatchObject({ publish: true, deletePost: true, editPost: false, hideComment: true, deleteComment: false, maxLength: 300 });
  });

  it('publishes a post whose link, hashtag and mention are clickable facets', async () => {
    const published = await connector.publish(cityAccount(), {
      idempotencyKey: key(),
      text: 'Road work on Avalon Blvd this week #CarsonCity — thanks @resident.test for the report',
      link: 'https://ci.carson.ca.us/roads',
    });
    expect(published.remoteId).toMatch(new RegExp(`^at://${city.did}/app\\.bsky\\.feed\\.post/`));
    expect(published.url).toBe(`https://bsky.app/profile/carson.test/post/${new AtUri(published.remoteId).rkey}`);

    const record = (await getPost(published.remoteId)).data.value as { text: string; facets: { features: Record<string, string>[] }[] };
    expect(record.text).toBe('Road work on Avalon Blvd this week #CarsonCity — thanks @resident.test for the report\n\nhttps://ci.carson.ca.us/roads');
    const features = record.facets.flatMap((f) => f.features);
    expect(features).toContainEqual({ $type: 'app.bsky.richtext.facet#link', uri: 'https://ci.carson.ca.us/roads' });
    expect(features).toContainEqual({ $type: 'app.bsky.richtext.facet#tag', tag: 'CarsonCity' });
    expect(features).toContainEqual({ $type: 'app.bsky.richtext.facet#mention', did: resident.did });
  });

  it('publishes an image with its alt text, and the PDS serves the image', async () => {
    const path = join(dir, 'crosswalk.png');
    await writeFile(path, PNG);
    const published = await connector.publish(cityAccount(), {
      idempotencyKey: key(),
      text: 'The new crosswalk at Carson St',
      media: [{ path, mimeType: 'image/png', altText: 'A painted crosswalk with a flashing beacon' }],
    });
    const record = (await getPost(published.remoteId)).data.value as { embed: { $type: string; images: { alt: string; image: { ref: { toString(): string }; mimeType: string } }[] } };
    expect(record.embed.$type).toBe('app.bsky.embed.images');
    expect(record.embed.images).toHaveLength(1);
    expect(record.embed.images[0]!.alt).toBe('A painted crosswalk with a flashing beacon');
    expect(record.embed.images[0]!.image.mimeType).toBe('image/png');
    const blob = await city.agent.com.atproto.sync.getBlob({ did: city.did, cid: record.embed.images[0]!.image.ref.toString() });
    expect(Buffer.from(blob.data)).toEqual(PNG);
  });

  it('refuses, without sending anything, an image without alt text and a text over 300 characters', async () => {
    const before = await countPosts();
    const noAlt = connector.publish(cityAccount(), { idempotencyKey: key(), text: 'Photo', media: [{ path: join(dir, 'x.png'), mimeType: 'image/png', altText: '  ' }] });
    await expect(noAlt).rejects.toMatchObject({ name: 'ConnectorError', retryable: false, message: expect.stringMatching(/alt text/) });
    const long = connector.publish(cityAccount(), { idempotencyKey: key(), text: 'é'.repeat(301) });
    await expect(long).rejects.toMatchObject({ retryable: false, message: expect.stringMatching(/301 characters.*300/) });
    expect(await countPosts()).toBe(before);
  });

  it('publishes exactly once per idempotency key: a retry returns the first post, and findPublished finds it', async () => {
    const request = { idempotencyKey: key(), text: 'Council meeting tonight at 6 pm' };
    const before = await countPosts();
    expect(await connector.findPublished(cityAccount(), request, new Date().toISOString())).toBeNull();

    const first = await connector.publish(cityAccount(), request);
    // The second attempt, as after a crash before the first answer was recorded.
    const second = await connector.publish(cityAccount(), request);
    expect(second.remoteId).toBe(first.remoteId);
    expect(await countPosts()).toBe(before + 1);
    expect(new AtUri(first.remoteId).rkey).toBe(recordKeyFor(request.idempotencyKey));

    const found = await connector.findPublished(cityAccount(), request, new Date().toISOString());
    expect(found).toMatchObject({ remoteId: first.remoteId, url: first.url, publishedAt: first.publishedAt });

    // Two attempts at once (two workers): still one post, both answers name it.
    const racing = { idempotencyKey: key(), text: 'Library hours change on Monday' };
    const [a, b] = await Promise.all([connector.publish(cityAccount(), racing), connector.publish(cityAccount(), racing)]);
    expect(a.remoteId).toBe(b.remoteId);
    expect(await countPosts()).toBe(before + 2);
  });

  it('derives record keys that are valid TIDs and differ per idempotency key', () => {
    const a = recordKeyFor('k-1');
    expect(a).toMatch(/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/);
    expect(recordKeyFor('k-1')).toBe(a);
    expect(recordKeyFor('k-2')).not.toBe(a);
  });

  it('[IV.C.15(i)(vi)] the City can remove its post; removing one already gone still succeeds', async () => {
    const published = await connector.publish(cityAccount(), { idempotencyKey: key(), text: 'Posted by mistake' });
    await connector.delete(cityAccount(), published.remoteId);
    await expect(getPost(published.remoteId)).rejects.toMatchObject({ error: 'RecordNotFound' });
    await connector.delete(cityAccount(), published.remoteId);
  });

  it("refuses to remove a post that is not the City account's", async () => {
    const theirs = await resident.agent.post({ text: 'my own post', createdAt: new Date().toISOString() });
    await expect(connector.delete(cityAccount(), theirs.uri)).rejects.toMatchObject({ name: 'ConnectorError', retryable: false });
    expect((await getPost(theirs.uri)).data.uri).toBe(theirs.uri);
  });

  describe('replies', () => {
    let post: { remoteId: string; cid: string };
    let reply: { uri: string; cid: string };

    beforeAll(async () => {
      const published = await connector.publish(cityAccount(), { idempotencyKey: key(), text: 'Tell us about potholes on your street' });
      post = { remoteId: published.remoteId, cid: (published.native as { cid: string }).cid };
      await resident.agent.upsertProfile(() => ({ displayName: 'A Resident' }));
      const ref = { uri: post.remoteId, cid: post.cid };
      reply = await resident.agent.post({ text: 'There is a big one on 223rd St', reply: { root: ref, parent: ref }, createdAt: new Date().toISOString() });
      // Not comments: the resident's unrelated post, and the City's own answer in the thread.
      await resident.agent.post({ text: 'Nice weather today', createdAt: new Date().toISOString() });
      await city.agent.post({ text: 'Thanks, crews are on the way', reply: { root: ref, parent: { uri: reply.uri, cid: reply.cid } }, createdAt: new Date().toISOString() });
    });

    it("[V] fetches the public's replies to the City's posts with who wrote them and when (retained with the poster's identity)", async () => {
      const comments = await connector.fetchComments(cityAccount(), { postRemoteIds: [post.remoteId] });
      expect(comments).toHaveLength(1);
      expect(comments[0]).toMatchObject({
        remoteId: reply.uri,
        postRemoteId: post.remoteId,
        authorHandle: 'resident.test',
        authorName: 'A Resident',
        text: 'There is a big one on 223rd St',
        url: `https://bsky.app/profile/resident.test/post/${new AtUri(reply.uri).rkey}`,
      });
      expect(Date.parse(comments[0]!.createdAt)).toBeGreaterThan(Date.now() - 60_000);

      // Without post ids: the City's recent posts are looked at; `since` after the reply finds nothing new.
      const recent = await connector.fetchComments(cityAccount(), {});
      expect(recent.map((c) => c.remoteId)).toContain(reply.uri);
      expect(await connector.fetchComments(cityAccount(), { postRemoteIds: [post.remoteId], since: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
    });

    it("[V] hides a reply in the post's threadgate (hiddenReplies), keeping earlier hidden ones, once", async () => {
      const ref = { uri: post.remoteId, cid: post.cid };
      const second = await resident.agent.post({ text: 'Buy cheap watches at spam.example', reply: { root: ref, parent: ref }, createdAt: new Date().toISOString() });
      await connector.hideComment(cityAccount(), { remoteId: reply.uri, postRemoteId: post.remoteId });
      await connector.hideComment(cityAccount(), { remoteId: second.uri, postRemoteId: post.remoteId });
      await connector.hideComment(cityAccount(), { remoteId: second.uri, postRemoteId: post.remoteId });

      const gate = await city.agent.com.atproto.repo.getRecord({ repo: city.did, collection: 'app.bsky.feed.threadgate', rkey: new AtUri(post.remoteId).rkey });
      expect(gate.data.value).toMatchObject({ $type: 'app.bsky.feed.threadgate', post: post.remoteId, hiddenReplies: [reply.uri, second.uri] });
      // No reply rules were added: everyone can still reply.
      expect((gate.data.value as { allow?: unknown }).allow).toBeUndefined();
    });
  });

  it('reads the profile record', async () => {
    expect(await connector.readProfile(accountFor(resident, resident.appPassword))).toMatchObject({ displayName: 'A Resident', avatarUrl: null, website: null });

    const avatar = (await city.agent.uploadBlob(PNG, { encoding: 'image/png' })).data.blob;
    await city.agent.upsertProfile(() => ({ displayName: 'City of Carson', description: 'Official account of the City of Carson, California', website: 'https://ci.carson.ca.us', avatar }));
    const profile = await connector.readProfile(cityAccount());
    expect(profile).toMatchObject({ displayName: 'City of Carson', description: 'Official account of the City of Carson, California', website: 'https://ci.carson.ca.us' });
    // The avatar is served by the PDS itself (there is no AppView CDN here).
    const res = await fetch(profile.avatarUrl!);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
  });

  it('reads the app password from the vault at sign-in, keeps the session briefly, then signs in again', async () => {
    let now = Date.now();
    const timed = createBlueskyConnector({ service: pds.url, replies: 'pds', now: () => now });
    const account = cityAccount();
    await timed.readProfile(account);
    await timed.readProfile(account);
    expect(account.passwordReads).toBe(1);
    now += SESSION_TTL_MS + 1;
    await timed.readProfile(account);
    expect(account.passwordReads).toBe(2);
  });

  it('replaces a session the service no longer accepts with a new sign-in, and signs in once for calls made together', async () => {
    // A revoked session: its access token and its refresh token are both refused until the next
    // sign-in. (Refusing only the access token let @atproto/api renew it with the refresh token
    // whenever the renewed token differed, i.e. when the calls straddled a second: a flaky test.)
    let revoked = false;
    const revoking: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('com.atproto.server.createSession')) revoked = false;
      if (revoked && (url.includes('com.atproto.repo.getRecord') || url.includes('com.atproto.server.refreshSession'))) {
        return new Response(JSON.stringify({ error: 'InvalidToken', message: 'Token has been revoked' }), { status: 401, headers: { 'content-type': 'application/json' } });
      }
      return fetch(input, init);
    };
    const c = createBlueskyConnector({ service: pds.url, fetch: revoking });
    const account = cityAccount();
    await Promise.all([c.readProfile(account), c.readProfile(account), c.readProfile(account)]);
    expect(account.passwordReads).toBe(1);
    revoked = true;
    expect((await c.readProfile(account)).displayName).toBe('City of Carson');
    expect(account.passwordReads).toBe(2);
  });

  it('renews an expired access token with the refresh token, without reading the app password again', async () => {
    // The PDS answers an expired access token with 400 ExpiredToken; @atproto/api then renews the
    // session with its refresh token. Tokens carry their issue time in seconds, so the pause makes
    // the renewed token differ from the expired one (as it does in use, minutes later).
    let expireNext = false;
    const refreshes: string[] = [];
    const expiring: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('com.atproto.server.refreshSession')) refreshes.push(url);
      if (expireNext && url.includes('com.atproto.repo.getRecord')) {
        expireNext = false;
        return new Response(JSON.stringify({ error: 'ExpiredToken', message: 'Token has expired' }), { status: 400, headers: { 'content-type': 'application/json' } });
      }
      return fetch(input, init);
    };
    const c = createBlueskyConnector({ service: pds.url, fetch: expiring });
    const account = cityAccount();
    await c.readProfile(account);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expireNext = true;
    expect((await c.readProfile(account)).displayName).toBe('City of Carson');
    expect(refreshes).toHaveLength(1);
    expect(account.passwordReads).toBe(1);
  });

  it('a wrong app password is a ConnectorError that is not retryable', async () => {
    const wrong = accountFor(city, 'wrong-pass-word-xxxx', 'other-platform');
    const err = await connector.publish(wrong, { idempotencyKey: key(), text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ retryable: false, status: 401, message: expect.stringMatching(/sign-in/) });
    // One attempt, not a second sign-in with the same refused password.
    expect(wrong.passwordReads).toBe(1);
  });

  it('a rate limit is retryable, after the wait the service named', async () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    const limited: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('com.atproto.repo.createRecord')) {
        return new Response(JSON.stringify({ error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }), {
          status: 429,
          headers: { 'content-type': 'application/json', 'ratelimit-reset': String(reset) },
        });
      }
      return fetch(input, init);
    };
    const err = (await createBlueskyConnector({ service: pds.url, fetch: limited }).publish(cityAccount(), { idempotencyKey: key(), text: 'x' }).catch((e: unknown) => e)) as ConnectorError;
    expect(err).toMatchObject({ name: 'ConnectorError', retryable: true, status: 429 });
    expect(err.retryAfterMs).toBeGreaterThan(100_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('a PDS that is down is a retryable ConnectorError', async () => {
    const other = await startBlueskyPds();
    try {
      const someone = await other.createAccount('downtown');
      const down = createBlueskyConnector({ service: other.url, replies: 'pds' });
      const account = accountFor(someone, someone.appPassword);
      await down.readProfile(account); // signed in while it was up
      await other.stop();
      const err = await down.publish(account, { idempotencyKey: key(), text: 'x' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectorError);
      expect(err).toMatchObject({ retryable: true });
      const signIn = await createBlueskyConnector({ service: other.url }).readProfile(account).catch((e: unknown) => e);
      expect(signIn).toMatchObject({ name: 'ConnectorError', retryable: true });
    } finally {
      await other.close();
    }
  });
});
