/**
 * Bluesky likes, reposts, reply parents and unhiding against a real local PDS with no AppView
 * (replies: 'pds'). Such a PDS cannot answer app.bsky.feed.getLikes (it would forward it to an
 * AppView), so the connector reads the registered members' own like and repost records with
 * com.atproto.repo.listRecords: only the accounts it is given are seen.
 */
import { AtUri } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlueskyConnector } from '../../src/adapters/connectors/bluesky.ts';
import type { PlatformConnector } from '../../src/ports/platform-connector.ts';
import { accountFor, startBlueskyPds, type PdsAccount, type TestBlueskyPds } from '../support/bluesky-pds.ts';

let pds: TestBlueskyPds;
let city: PdsAccount;
let member: PdsAccount;
let resident: PdsAccount;
let connector: PlatformConnector;
let post: { uri: string; cid: string };
let other: { uri: string; cid: string };
const cityAccount = () => accountFor(city, city.appPassword);

beforeAll(async () => {
  pds = await startBlueskyPds();
  city = await pds.createAccount('carson');
  member = await pds.createAccount('luladavis');
  resident = await pds.createAccount('resident');
  connector = createBlueskyConnector({ service: pds.url, replies: 'pds' });
  const a = await connector.publish(cityAccount(), { idempotencyKey: `reactions-a-${Date.now()}`, text: 'Council meets Tuesday' });
  const b = await connector.publish(cityAccount(), { idempotencyKey: `reactions-b-${Date.now()}`, text: 'Library hours change' });
  post = { uri: a.remoteId, cid: (a.native as { cid: string }).cid };
  other = { uri: b.remoteId, cid: (b.native as { cid: string }).cid };
}, 120_000);

afterAll(async () => {
  await pds?.close();
});

describe('Bluesky connector: reactions and unhiding (real local PDS, no AppView)', () => {
  it("[IV.B] reads the given members' likes and reposts of City posts from their own repositories", async () => {
    expect(connector.capabilities).toMatchObject({ fetchReactions: true, unhideComment: true });
    await member.agent.like(post.uri, post.cid);
    await member.agent.repost(post.uri, post.cid);
    await member.agent.like(other.uri, other.cid);
    await resident.agent.like(post.uri, post.cid);
    // A like of something that is not a City post is not a reaction to one.
    const own = await member.agent.post({ text: 'My own news', createdAt: new Date().toISOString() });
    await member.agent.like(own.uri, own.cid);

    // This PDS has no AppView to forward getLikes to: that is why the records are read instead.
    await expect(city.agent.app.bsky.feed.getLikes({ uri: post.uri })).rejects.toThrow();
    const got = await connector.fetchReactions!(cityAccount(), { postRemoteIds: [post.uri, other.uri], accountHandles: [member.handle, 'gone.test'] });
    expect(got.map((r) => [r.postRemoteId, r.kind, r.authorHandle]).sort()).toEqual(
      [
        [post.uri, 'like', member.handle],
        [post.uri, 'repost', member.handle],
        [other.uri, 'like', member.handle],
      ].sort(),
    );
    expect(got.every((r) => r.createdAt !== null && Date.parse(r.createdAt) > Date.now() - 120_000)).toBe(true);
    // Without an AppView only the accounts named are read: the resident's like is not seen.
    expect(got.some((r) => r.authorHandle === resident.handle)).toBe(false);
    expect(await connector.fetchReactions!(cityAccount(), { postRemoteIds: [post.uri] })).toEqual([]);
  });

  it('[IV.B] a reply to a reply carries the reply it answers', async () => {
    const top = await member.agent.post({ text: 'What about parks?', reply: { root: post, parent: post }, createdAt: new Date().toISOString() });
    const answer = await resident.agent.post({ text: 'Agreed', reply: { root: post, parent: top }, createdAt: new Date().toISOString() });
    const got = await connector.fetchComments(cityAccount(), { postRemoteIds: [post.uri] });
    expect(got.find((c) => c.remoteId === top.uri)).toMatchObject({ postRemoteId: post.uri, parentRemoteId: null });
    expect(got.find((c) => c.remoteId === answer.uri)).toMatchObject({ postRemoteId: post.uri, parentRemoteId: top.uri });
  });

  it("[V] a hidden reply is shown again: taken out of the threadgate's hiddenReplies, the others kept", async () => {
    const r1 = await resident.agent.post({ text: 'First', reply: { root: other, parent: other }, createdAt: new Date().toISOString() });
    const r2 = await resident.agent.post({ text: 'Second', reply: { root: other, parent: other }, createdAt: new Date().toISOString() });
    const ref = (uri: string) => ({ remoteId: uri, postRemoteId: other.uri });
    await connector.hideComment(cityAccount(), ref(r1.uri));
    await connector.hideComment(cityAccount(), ref(r2.uri));
    await connector.unhideComment!(cityAccount(), ref(r1.uri));
    await connector.unhideComment!(cityAccount(), ref(r1.uri)); // again: nothing to do
    const gate = await city.agent.com.atproto.repo.getRecord({ repo: city.did, collection: 'app.bsky.feed.threadgate', rkey: new AtUri(other.uri).rkey });
    expect((gate.data.value as { hiddenReplies: string[] }).hiddenReplies).toEqual([r2.uri]);
  });
});
