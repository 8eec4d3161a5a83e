/**
 * Reactions (IV.B) and showing a hidden comment again (V), through the Facebook and Mastodon
 * connectors against the contract servers (test/support/contract), which follow the published
 * Graph API and Mastodon client API.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFacebookConnector } from '../../src/adapters/connectors/facebook.ts';
import { createMastodonConnector } from '../../src/adapters/connectors/mastodon.ts';
import type { ConnectorAccount } from '../../src/ports/platform-connector.ts';
import { startFacebookServer, type FacebookContractServer } from '../support/contract/facebook-server.ts';
import { startMastodonServer, type MastodonContractServer } from '../support/contract/mastodon-server.ts';

const account = (handle: string | null, url: string, token: string): ConnectorAccount => ({ platformId: 'p', handle, url, secrets: { get: async () => token } });

describe('Facebook Page connector: reactions and unhiding', () => {
  let server: FacebookContractServer;
  beforeEach(async () => {
    server = await startFacebookServer();
  });
  afterEach(() => server.close());
  const fb = () => account(server.pageId, `https://www.facebook.com/${server.pageId}`, server.token);

  it('[IV.B] reads who reacted to each post and how, across cursor pages, leaving out the Page itself', async () => {
    const connector = createFacebookConnector({ graphUrl: server.graphUrl });
    expect(connector.capabilities).toMatchObject({ fetchReactions: true, unhideComment: true });
    const a = server.addPagePost('Council meets Tuesday');
    const b = server.addPagePost('Library hours');
    for (let i = 0; i < 120; i++) server.addReaction(a, { id: String(800000 + i), name: `Resident ${i}` });
    server.addReaction(a, { id: '555', name: 'Councilmember Lula Davis' }, 'LOVE');
    server.addReaction(b, { id: '555', name: 'Councilmember Lula Davis' }, 'HAHA');
    server.addReaction(b, { id: server.pageId, name: 'City of Carson' });
    const got = await connector.fetchReactions!(fb(), { postRemoteIds: [a, b] });
    expect(got.filter((r) => r.postRemoteId === a)).toHaveLength(121);
    expect(got.filter((r) => r.authorHandle === '555').map((r) => [r.postRemoteId, r.kind, r.authorName])).toEqual([
      [a, 'love', 'Councilmember Lula Davis'],
      [b, 'haha', 'Councilmember Lula Davis'],
    ]);
    expect(got.some((r) => r.authorHandle === server.pageId)).toBe(false);
    // A post removed on Facebook has no reactions to read, and does not fail the rest.
    expect(await connector.fetchReactions!(fb(), { postRemoteIds: [`${server.pageId}_999999`, b] })).toHaveLength(1);
  });

  it('[V] a hidden comment is shown again with is_hidden=false', async () => {
    const connector = createFacebookConnector({ graphUrl: server.graphUrl });
    const p = server.addPagePost('Street sweeping');
    const c = server.addComment(p, 'Which streets?');
    await connector.hideComment(fb(), { remoteId: c, postRemoteId: p });
    expect(server.comment(c)?.isHidden).toBe(true);
    await connector.unhideComment!(fb(), { remoteId: c, postRemoteId: p });
    expect(server.comment(c)?.isHidden).toBe(false);
  });

  it('[IV.B] a reply to a comment carries the comment it answers', async () => {
    const connector = createFacebookConnector({ graphUrl: server.graphUrl });
    const p = server.addPagePost('Budget hearing');
    const top = server.addComment(p, 'What about parks?', { fromId: '555', name: 'Lula' });
    server.addComment(p, 'Agreed', { fromId: '556', name: 'Ray', parentId: top });
    const got = await connector.fetchComments(fb(), { postRemoteIds: [p] });
    expect(got.map((c) => [c.text, c.authorHandle, c.parentRemoteId])).toEqual([
      ['What about parks?', '555', null],
      ['Agreed', '556', top],
    ]);
  });
});

describe('Mastodon connector: favourites, boosts and replies to replies', () => {
  let server: MastodonContractServer;
  beforeEach(async () => {
    server = await startMastodonServer();
  });
  afterEach(() => server.close());
  const md = () => account('city', server.accountUrl, server.token);

  it('[IV.B] reads favourites and boosts of each status, following the Link header', async () => {
    const connector = createMastodonConnector();
    expect(connector.capabilities).toMatchObject({ fetchReactions: true, unhideComment: false, hideComment: false });
    expect(connector.unhideComment).toBeUndefined();
    const s = server.addOwnStatus('Council meets Tuesday');
    for (let i = 0; i < 90; i++) server.react(s, 'favourite', `fan${i}`);
    server.react(s, 'favourite', 'lula');
    server.react(s, 'boost', 'lula');
    server.react(s, 'favourite', 'city');
    const got = await connector.fetchReactions!(md(), { postRemoteIds: [s] });
    expect(got.filter((r) => r.kind === 'favourite')).toHaveLength(91);
    expect(got.filter((r) => r.authorHandle === 'lula').map((r) => r.kind).sort()).toEqual(['boost', 'favourite']);
    expect(got.some((r) => r.authorHandle === 'city')).toBe(false);
    // A deleted status is skipped, not an error.
    expect(await connector.fetchReactions!(md(), { postRemoteIds: ['1'] })).toEqual([]);
  });

  it('[IV.B] a reply to a reply carries the reply it answers; a reply to the post carries none', async () => {
    const connector = createMastodonConnector();
    const s = server.addOwnStatus('Budget hearing');
    const top = server.addReply(s, 'What about parks?', 'lula');
    server.addReply(top, 'Agreed', 'ray');
    const got = await connector.fetchComments(md(), { postRemoteIds: [s] });
    expect(got.map((c) => [c.authorHandle, c.parentRemoteId])).toEqual([
      ['lula', null],
      ['ray', top],
    ]);
  });
});
