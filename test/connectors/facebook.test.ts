import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFacebookConnector } from '../../src/adapters/connectors/facebook.ts';
import { ConnectorError, type ConnectorAccount, type PlatformConnector, type PublishRequest } from '../../src/ports/platform-connector.ts';
import { startFacebookServer, type FacebookContractServer } from '../support/contract/facebook-server.ts';

/** Facebook cannot run here: these run against test/support/contract/facebook-server.ts, which follows the published Graph API contract. */
let server: FacebookContractServer;
let connector: PlatformConnector;
let token: string;
let tokenReads: number;

const account = (): ConnectorAccount => ({
  platformId: 'p-fb',
  handle: server.pageId,
  url: `https://www.facebook.com/${server.pageId}`,
  secrets: {
    async get(kind) {
      expect(kind).toBe('api_token');
      tokenReads += 1;
      return token;
    },
  },
});

const post = (text: string, extra: Partial<PublishRequest> = {}): PublishRequest => ({ idempotencyKey: `key-${text}`, text, ...extra });

async function rejection(p: Promise<unknown>): Promise<ConnectorError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

function imageFile(name: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'crier-fb-')), name);
  writeFileSync(file, Buffer.from('ffd8ffe000104a464946', 'hex'));
  return file;
}

beforeEach(async () => {
  server = await startFacebookServer();
  connector = createFacebookConnector({ graphUrl: server.graphUrl });
  token = server.token;
  tokenReads = 0;
});
afterEach(async () => {
  await server.close();
});

describe('Facebook Page connector: publishing', () => {
  it('publishes a Page post with a link attachment and returns its id, permalink and time', async () => {
    const result = await connector.publish(account(), post('Street sweeping resumes Monday.', { link: 'https://ci.carson.ca.us/sweeping' }));
    expect(result.remoteId).toMatch(new RegExp(`^${server.pageId}_\\d+$`));
    expect(server.post(result.remoteId)).toMatchObject({ message: 'Street sweeping resumes Monday.', link: 'https://ci.carson.ca.us/sweeping' });
    expect(result.url).toMatch(/^https:\/\/www\.facebook\.com\//);
    expect(Date.parse(result.publishedAt)).not.toBeNaN();
    // The token travels in the Authorization header, never in a URL.
    expect(server.requests.every((r) => !r.path.includes('access_token'))).toBe(true);
  });

  it('posts two images with their alt text as one post (unpublished photos attached to the feed post)', async () => {
    const media = [
      { path: imageFile('park.jpg'), mimeType: 'image/jpeg', altText: 'Children on the new playground slide' },
      { path: imageFile('ribbon.jpg'), mimeType: 'image/jpeg', altText: 'The mayor cutting the ribbon' },
    ];
    const result = await connector.publish(account(), post('The new park opens Saturday.', { media, link: 'https://ci.carson.ca.us/parks' }));
    expect(server.postCount()).toBe(1);
    const stored = server.post(result.remoteId)!;
    expect(stored.photos.map((p) => p.altText)).toEqual(['Children on the new playground slide', 'The mayor cutting the ribbon']);
    expect(stored.message).toBe('The new park opens Saturday.\n\nhttps://ci.carson.ca.us/parks');
  });

  it('refuses a video rather than post it half-made', async () => {
    const err = await rejection(connector.publish(account(), post('Watch the meeting', { media: [{ path: imageFile('m.mp4'), mimeType: 'video/mp4', altText: 'x' }] })));
    expect(err.retryable).toBe(false);
    expect(server.postCount()).toBe(0);
  });

  it('edits the message of a post in place', async () => {
    const p = await connector.publish(account(), post('Council meets at 6 pm.'));
    const edited = await connector.edit(account(), p.remoteId, post('Council meets at 7 pm (corrected).'));
    expect(edited.remoteId).toBe(p.remoteId);
    expect(server.post(p.remoteId)!.message).toBe('Council meets at 7 pm (corrected).');
  });

  it('[IV.C.15(i)(vi)] the City can remove its post; removing one already gone still succeeds', async () => {
    const p = await connector.publish(account(), post('Library closed for the holiday.'));
    await connector.delete(account(), p.remoteId);
    expect(server.post(p.remoteId)).toBeUndefined();
    await expect(connector.delete(account(), p.remoteId)).resolves.toBeUndefined();
  });
});

describe('Facebook Page connector: comments and profile', () => {
  it('fetches every comment across cursor pages, replies included, but not the Page’s own', async () => {
    const p = await connector.publish(account(), post('Tell us about potholes on your street.'));
    const first = server.addComment(p.remoteId, 'Comment 0', { name: 'Alice Resident' });
    for (let i = 1; i < 130; i++) server.addComment(p.remoteId, `Comment ${i}`);
    server.addComment(p.remoteId, 'A reply to the first', { parentId: first, name: 'Bob' });
    server.addComment(p.remoteId, 'Thanks, logged.', { fromPage: true });
    const comments = await connector.fetchComments(account(), { postRemoteIds: [p.remoteId] });
    expect(comments).toHaveLength(131);
    expect(comments[0]).toMatchObject({ postRemoteId: p.remoteId, text: 'Comment 0', authorName: 'Alice Resident' });
    expect(comments.some((c) => c.text === 'A reply to the first')).toBe(true);
    expect(comments.some((c) => c.text === 'Thanks, logged.')).toBe(false);
    expect(server.requests.filter((r) => r.path.includes('/comments')).length).toBe(2);
  });

  it('without post ids, reads comments on the Page posts made since `since`', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const older = server.addPagePost('Last month', new Date(Date.now() - 30 * 86_400_000));
    server.addComment(older, 'On an old post');
    const p = await connector.publish(account(), post('Fresh news'));
    server.addComment(p.remoteId, 'On the new post');
    const comments = await connector.fetchComments(account(), { since });
    expect(comments.map((c) => c.text)).toEqual(['On the new post']);
  });

  it('[IV.C.15(j)] the City can hide a comment on its post', async () => {
    const p = await connector.publish(account(), post('Budget hearing Tuesday.'));
    const c = server.addComment(p.remoteId, 'Buy cheap watches at spam.example');
    await connector.hideComment(account(), { remoteId: c, postRemoteId: p.remoteId });
    expect(server.comment(c)!.isHidden).toBe(true);
  });

  it('[IV.C.15(j)] the City can delete a comment on its post; deleting one already gone still succeeds', async () => {
    const p = await connector.publish(account(), post('Budget hearing Tuesday.'));
    const c = server.addComment(p.remoteId, 'Your home address is …');
    await connector.deleteComment(account(), { remoteId: c, postRemoteId: p.remoteId });
    expect(server.comment(c)).toBeUndefined();
    await expect(connector.deleteComment(account(), { remoteId: c, postRemoteId: p.remoteId })).resolves.toBeUndefined();
  });

  it('reads the Page profile: name, about, website and picture', async () => {
    const profile = await connector.readProfile(account());
    expect(profile).toMatchObject({ displayName: 'City of Carson', description: 'Official Page of the City of Carson.', website: 'https://ci.carson.ca.us' });
    expect(profile.avatarUrl).toContain(`/static/page-${server.pageId}.jpg`);
  });
});

describe('Facebook Page connector: exactly once', () => {
  it('after a crash between sending and recording, findPublished finds the post and no second one is made', async () => {
    const since = new Date().toISOString();
    server.addPagePost('Cooling centers open today.', new Date(Date.now() - 2 * 86_400_000));
    server.dropNextResponse();
    const err = await rejection(connector.publish(account(), post('Cooling centers open today.')));
    expect(err.retryable).toBe(true);
    expect(server.postCount()).toBe(2);
    const found = await connector.findPublished(account(), post('Cooling centers open today.'), since);
    expect(found).not.toBeNull();
    expect(Date.parse(found!.publishedAt)).toBeGreaterThanOrEqual(Date.parse(since) - 1000);
    expect(server.post(found!.remoteId)!.message).toBe('Cooling centers open today.');
    expect(await connector.findPublished(account(), post('A post never sent.'), since)).toBeNull();
    expect(server.postCount()).toBe(2);
  });

  it('findPublished walks the feed across pages', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const target = server.addPagePost('Needle in the feed', new Date(Date.now() - 30_000));
    for (let i = 0; i < 120; i++) server.addPagePost(`Filler ${i}`);
    const found = await connector.findPublished(account(), post('Needle in the feed'), since);
    expect(found?.remoteId).toBe(target);
    expect(server.requests.filter((r) => r.path.includes('/feed')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('Facebook Page connector: failures', () => {
  it('Graph rate limit (code 4) is retryable, with the wait from X-Business-Use-Case-Usage', async () => {
    server.rateLimit.limit = 1;
    await connector.readProfile(account());
    const err = await rejection(connector.readProfile(account()));
    expect(err).toMatchObject({ retryable: true, status: 400 });
    expect(err.message).toContain('code 4');
    expect(err.retryAfterMs).toBeGreaterThanOrEqual(60_000);
  });

  it('page rate limits (32) and custom limits (613) are retryable too', async () => {
    server.rateLimit.limit = 0;
    for (const code of [32, 613]) {
      server.rateLimitCode = code;
      expect((await rejection(connector.readProfile(account()))).retryable).toBe(true);
    }
  });

  it('HTTP 429 is retryable with the wait from Retry-After', async () => {
    server.failNext(1, { status: 429, headers: { 'retry-after': '7' }, body: { error: { message: 'Too many calls', type: 'OAuthException', code: 4 } } });
    const err = await rejection(connector.publish(account(), post('Road closure')));
    expect(err).toMatchObject({ retryable: true, status: 429, retryAfterMs: 7000 });
    expect(server.postCount()).toBe(0);
  });

  it('[IV.C.15(i)(ii)] reads the token from the vault at each use: a refused token (190) is not retryable, a replaced one works at once', async () => {
    token = 'expired-token';
    const err = await rejection(connector.publish(account(), post('Hello')));
    expect(err).toMatchObject({ retryable: false });
    expect(err.message).toContain('code 190');
    token = server.token;
    await expect(connector.publish(account(), post('Hello'))).resolves.toMatchObject({ remoteId: expect.any(String) });
    expect(tokenReads).toBeGreaterThanOrEqual(2);
  });

  it('5xx and an unreachable Graph host are retryable; the retry then succeeds', async () => {
    server.failNext(1, { status: 500, body: { error: { message: 'An unknown error occurred', type: 'OAuthException', code: 1, is_transient: true } } });
    server.failNext(1);
    expect((await rejection(connector.publish(account(), post('Road closure')))).retryable).toBe(true);
    expect((await rejection(connector.publish(account(), post('Road closure')))).status).toBe(503);
    await connector.publish(account(), post('Road closure'));
    expect(server.postCount()).toBe(1);
    const offline = createFacebookConnector({ graphUrl: 'http://127.0.0.1:1/v21.0' });
    expect((await rejection(offline.readProfile(account()))).retryable).toBe(true);
  });

  it('editing a post that is gone (code 100/33) is not retryable', async () => {
    const err = await rejection(connector.edit(account(), `${server.pageId}_999`, post('Corrected text')));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('code 100/33');
  });

  it('a handle that is not a numeric Page id is refused, not retried', async () => {
    const err = await rejection(connector.readProfile({ ...account(), handle: '@carson' }));
    expect(err.retryable).toBe(false);
  });
});
