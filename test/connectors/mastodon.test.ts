import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMastodonConnector } from '../../src/adapters/connectors/mastodon.ts';
import { ConnectorError, UnsupportedByConnector, type ConnectorAccount } from '../../src/ports/platform-connector.ts';
import { startMastodonServer, type MastodonContractServer } from '../support/contract/mastodon-server.ts';

/** Mastodon cannot run here: these run against test/support/contract/mastodon-server.ts, which follows the published client API contract. */
let server: MastodonContractServer;
let token: string;
let tokenReads: number;
const connector = createMastodonConnector({ mediaPollMs: 5 });

const account = (): ConnectorAccount => ({
  platformId: 'p-masto',
  handle: '@city',
  url: server.accountUrl,
  secrets: {
    async get(kind) {
      expect(kind).toBe('api_token');
      tokenReads += 1;
      return token;
    },
  },
});

const post = (text: string, extra: Partial<Parameters<typeof connector.publish>[1]> = {}) => ({ idempotencyKey: `key-${text}`, text, ...extra });

async function rejection(p: Promise<unknown>): Promise<ConnectorError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

beforeEach(async () => {
  server = await startMastodonServer();
  token = server.token;
  tokenReads = 0;
});
afterEach(async () => {
  await server.close();
});

describe('Mastodon connector: publishing', () => {
  it('publishes a public status with its link and returns its id, URL and time', async () => {
    const result = await connector.publish(account(), post('Street sweeping resumes Monday.', { link: 'https://ci.carson.ca.us/sweeping' }));
    const stored = server.status(result.remoteId)!;
    expect(stored.text).toBe('Street sweeping resumes Monday.\n\nhttps://ci.carson.ca.us/sweeping');
    expect(stored.visibility).toBe('public');
    expect(result.url).toBe(`${server.url}/@city/${result.remoteId}`);
    expect(Date.parse(result.publishedAt)).not.toBeNaN();
    const sent = server.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/statuses')!;
    expect(sent.headers['idempotency-key']).toBe('key-Street sweeping resumes Monday.');
  });

  it('uploads an image with its alt text as the description and attaches it once processed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crier-masto-'));
    const file = join(dir, 'park.png');
    writeFileSync(file, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const result = await connector.publish(account(), post('The new park opens Saturday.', { media: [{ path: file, mimeType: 'image/png', altText: 'Children on the new playground slide' }] }));
    const stored = server.status(result.remoteId)!;
    expect(stored.media).toHaveLength(1);
    expect(stored.media[0]!.description).toBe('Children on the new playground slide');
    // The instance answered 202 (still processing); the connector waited for 200 before posting.
    expect(server.requests.some((r) => r.method === 'GET' && r.path.startsWith('/api/v1/media/'))).toBe(true);
  });

  it('edits a status in place (text and attachments replaced)', async () => {
    const first = await connector.publish(account(), post('Council meets at 6 pm.'));
    const edited = await connector.edit(account(), first.remoteId, post('Council meets at 7 pm (corrected).'));
    expect(edited.remoteId).toBe(first.remoteId);
    expect(server.status(first.remoteId)!.text).toBe('Council meets at 7 pm (corrected).');
    expect(server.status(first.remoteId)!.editedAt).not.toBeNull();
    expect(server.statusCount()).toBe(1);
  });

  it('[IV.C.15(i)(vi)] the City can remove its post; removing one already gone still succeeds', async () => {
    const p = await connector.publish(account(), post('Library closed for the holiday.'));
    await connector.delete(account(), p.remoteId);
    expect(server.status(p.remoteId)).toBeUndefined();
    expect(server.statusCount()).toBe(0);
    await expect(connector.delete(account(), p.remoteId)).resolves.toBeUndefined();
  });
});

describe('Mastodon connector: replies and profile', () => {
  it("fetches other accounts' replies (nested too) as plain text, not the City's own", async () => {
    const p = await connector.publish(account(), post('Tell us about potholes on your street.'));
    const r1 = server.addReply(p.remoteId, 'Big one on Main & 5th <see photo>', 'alice');
    server.addReply(r1, 'Same here!\n\nStill there: https://example.org/pothole-photo-of-the-week-2026', 'bob');
    server.addReply(p.remoteId, 'Thanks, we have logged it.', 'city');
    const comments = await connector.fetchComments(account(), { postRemoteIds: [p.remoteId] });
    expect(comments.map((c) => c.authorHandle)).toEqual(['alice', 'bob']);
    expect(comments[0]).toMatchObject({ postRemoteId: p.remoteId, text: 'Big one on Main & 5th <see photo>', authorName: 'Alice' });
    expect(comments[1]!.text).toBe('Same here!\n\nStill there: https://example.org/pothole-photo-of-the-week-2026');
  });

  it('without post ids, walks the account statuses across Link-header pages back to `since`', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 45; i++) ids.push(server.addOwnStatus(`Update number ${i}`));
    server.addReply(ids[0]!, 'Reply to the oldest', 'alice');
    server.addReply(ids[44]!, 'Reply to the newest', 'bob');
    const comments = await connector.fetchComments(account(), { since });
    expect(comments.map((c) => c.text).sort()).toEqual(['Reply to the newest', 'Reply to the oldest']);
    const pages = server.requests.filter((r) => r.path.startsWith('/api/v1/accounts/1/statuses'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[1]!.path).toContain('max_id=');
  });

  it('declares it cannot hide or delete replies by others, and refuses rather than pretend', async () => {
    expect(connector.capabilities).toMatchObject({ hideComment: false, deleteComment: false, deletePost: true, editPost: true });
    await expect(connector.hideComment(account(), { remoteId: '1', postRemoteId: '2' })).rejects.toBeInstanceOf(UnsupportedByConnector);
    await expect(connector.deleteComment(account(), { remoteId: '1', postRemoteId: '2' })).rejects.toBeInstanceOf(UnsupportedByConnector);
  });

  it('reads the profile: name, plain-text bio, avatar and website', async () => {
    const profile = await connector.readProfile(account());
    expect(profile).toMatchObject({ displayName: 'City of Carson', description: 'Official account of the City of Carson.', website: 'https://ci.carson.ca.us' });
    expect(profile.avatarUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/system\/accounts\/avatars\//);
  });
});

describe('Mastodon connector: exactly once', () => {
  it('a retry with the same idempotency key returns the status already made', async () => {
    const a = await connector.publish(account(), post('Water main repair on Avalon.'));
    const b = await connector.publish(account(), post('Water main repair on Avalon.'));
    expect(b.remoteId).toBe(a.remoteId);
    expect(server.statusCount()).toBe(1);
  });

  it('after a crash between sending and recording, the retry within the hour posts nothing new', async () => {
    server.dropNextResponse();
    const err = await rejection(connector.publish(account(), post('Cooling centers open today.')));
    expect(err.retryable).toBe(true);
    expect(server.statusCount()).toBe(1);
    await connector.publish(account(), post('Cooling centers open today.'));
    expect(server.statusCount()).toBe(1);
  });

  it('findPublished finds the status after the idempotency key has expired, and nothing when none was made', async () => {
    const since = new Date().toISOString();
    server.addOwnStatus('An older, unrelated status.', new Date(Date.now() - 3 * 86_400_000).toISOString());
    server.dropNextResponse();
    await rejection(connector.publish(account(), post('Fireworks are illegal in Carson.')));
    server.expireIdempotencyKeys();
    const found = await connector.findPublished(account(), post('Fireworks are illegal in Carson.'), since);
    expect(found).not.toBeNull();
    expect(server.status(found!.remoteId)!.text).toBe('Fireworks are illegal in Carson.');
    expect(await connector.findPublished(account(), post('A post never sent.'), since)).toBeNull();
    // The same text posted before the first attempt is not taken for this one.
    server.addOwnStatus('Recycling pickup moves to Friday.', new Date(Date.now() - 86_400_000).toISOString());
    expect(await connector.findPublished(account(), post('Recycling pickup moves to Friday.'), since)).toBeNull();
  });
});

describe('Mastodon connector: failures', () => {
  it('429 is retryable, with the wait taken from X-RateLimit-Reset', async () => {
    server.rateLimit.limit = 1;
    await connector.readProfile(account());
    const err = await rejection(connector.readProfile(account()));
    expect(err).toMatchObject({ retryable: true, status: 429 });
    expect(err.retryAfterMs).toBeGreaterThan(0);
    expect(err.retryAfterMs).toBeLessThanOrEqual(5 * 60_000);
  });

  it('[IV.C.15(i)(ii)] reads the token from the vault at each use: a refused token is not retryable, a rotated one works at once', async () => {
    token = 'revoked-token';
    const err = await rejection(connector.publish(account(), post('Hello')));
    expect(err).toMatchObject({ retryable: false, status: 401 });
    token = server.token;
    await expect(connector.publish(account(), post('Hello'))).resolves.toMatchObject({ remoteId: expect.any(String) });
    expect(tokenReads).toBe(2);
  });

  it('a text the instance rejects (422) is not retryable', async () => {
    const err = await rejection(connector.publish(account(), post('x'.repeat(501))));
    expect(err).toMatchObject({ retryable: false, status: 422 });
    expect(err.message).toContain('character limit');
  });

  it('editing a status that is gone (404) is not retryable', async () => {
    const err = await rejection(connector.edit(account(), '999999', post('Corrected text')));
    expect(err).toMatchObject({ retryable: false, status: 404 });
  });

  it('5xx and unreachable instances are retryable; the retry then succeeds', async () => {
    server.failNext(2);
    const err = await rejection(connector.publish(account(), post('Road closure')));
    expect(err).toMatchObject({ retryable: true, status: 503 });
    await rejection(connector.publish(account(), post('Road closure')));
    await connector.publish(account(), post('Road closure'));
    expect(server.statusCount()).toBe(1);
    const offline = await rejection(connector.readProfile({ ...account(), url: 'http://127.0.0.1:1/@city' }));
    expect(offline.retryable).toBe(true);
  });
});
