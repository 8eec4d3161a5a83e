import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PersonActor } from '../../src/kernel/actor.ts';
import { createHttpApp } from '../../src/main.ts';
import { snapshot } from '../api/db-snapshot.ts';
import { describeWithContext, type TestContext } from '../context.ts';
import { postsWorld, type PostsWorld } from '../posts/support.ts';
import { startFacebookServer, type FacebookContractServer } from '../support/contract/facebook-server.ts';
import { activeFacebookPage, facebookConnectors } from './support.ts';

const APP_SECRET = 'facebook-app-secret-for-tests';
const VERIFY_TOKEN = 'crier-verify-token-42';
const URL = '/api/webhooks/facebook';

let server: FacebookContractServer;
let current: TestContext | undefined;
beforeAll(async () => {
  server = await startFacebookServer();
});
afterAll(() => server?.close());

const sign = (raw: string, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** A delivery as Facebook sends it for the Page's feed field. */
function delivery(pageId: string, changes: Record<string, unknown>[], time = '2026-11-19T18:05:00Z') {
  return JSON.stringify({ object: 'page', entry: [{ id: pageId, time: seconds(time), changes: changes.map((value) => ({ field: 'feed', value })) }] });
}
const commentChange = (over: Record<string, unknown>) => ({ item: 'comment', verb: 'add', from: { id: '5550001', name: 'Resident One' }, created_time: seconds('2026-11-19T18:04:00Z'), ...over });

describeWithContext(
  'comments: Facebook webhooks',
  (get) => {
    let w: PostsWorld;
    let fb: string;
    let postId: string;
    let app: FastifyInstance;
    let moderator: PersonActor;
    const post = (body: string, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'application/json', ...headers }, payload: body });
    const signed = (body: string) => post(body, { 'x-hub-signature-256': sign(body) });

    beforeAll(async () => {
      current = get();
      w = await postsWorld(get());
      fb = await activeFacebookPage(get(), w, server);
      moderator = await w.actor('moderator@carsonca.gov');
      const id = await w.schedule({ targets: [{ platformId: fb }], body: 'Carson Street reopens Friday after repaving. Details: https://ci.carson.ca.us/streets' });
      await get().posts.publisher().runDue();
      postId = (await get().posts.get(w.poster, id)).publications[0]!.remoteId!;
      app = await createHttpApp(get(), { webRoot: null });
      await app.ready();
    });
    afterAll(async () => app?.close());

    it('answers the subscription handshake with the challenge, only for the right verify token', async () => {
      const ok = await app.inject({ method: 'GET', url: `${URL}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444` });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toBe('1158201444');
      const wrong = await app.inject({ method: 'GET', url: `${URL}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444` });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.body).not.toContain('1158201444');
    });

    it('is switched off (404, nothing accepted) when the app secret is not configured', async () => {
      const off = await createHttpApp({ ...get(), config: { ...get().config, facebookWebhooks: undefined } }, { webRoot: null });
      try {
        const body = delivery(server.pageId, [commentChange({ comment_id: `${postId.split('_')[1]}_off`, post_id: postId, parent_id: postId, message: 'unsigned' })]);
        const before = await snapshot(get().db.db);
        const res = await off.inject({ method: 'POST', url: URL, headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) }, payload: body });
        expect(res.statusCode).toBe(404);
        expect(res.json().error.message).toContain('CRIER_FACEBOOK_APP_SECRET');
        expect((await off.inject({ method: 'GET', url: `${URL}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1` })).statusCode).toBe(404);
        expect(await snapshot(get().db.db)).toBe(before);
      } finally {
        await off.close();
      }
    });

    it('refuses missing, forged and re-serialized signatures before reading the body, writing nothing', async () => {
      const body = delivery(server.pageId, [commentChange({ comment_id: '900_forged', post_id: postId, parent_id: postId, message: 'I was never sent by Facebook' })]);
      const before = await snapshot(get().db.db);
      expect((await post(body)).statusCode).toBe(401);
      expect((await post(body, { 'x-hub-signature-256': sign(body, 'not-the-secret') })).statusCode).toBe(403);
      expect((await post(body, { 'x-hub-signature-256': 'sha256=zz' })).statusCode).toBe(403);
      expect((await post(body, { 'x-hub-signature-256': sign(body).replace('sha256=', 'sha1=') })).statusCode).toBe(403);
      // The signature covers the bytes as sent: the same JSON written differently does not pass.
      expect((await post(JSON.stringify(JSON.parse(body), null, 1), { 'x-hub-signature-256': sign(body) })).statusCode).toBe(403);
      // A bad signature on a body that is not even JSON is refused for the signature, not the JSON.
      expect((await post('{not json', { 'x-hub-signature-256': sign('other') })).statusCode).toBe(403);
      expect(await snapshot(get().db.db)).toBe(before);
    });

    it('refuses an oversized delivery early (413), writing nothing', async () => {
      const huge = delivery(server.pageId, [commentChange({ comment_id: '900_huge', post_id: postId, parent_id: postId, message: 'x'.repeat(1024 * 1024 + 10) })]);
      const before = await snapshot(get().db.db);
      const res = await signed(huge);
      expect(res.statusCode).toBe(413);
      expect(await snapshot(get().db.db)).toBe(before);
    });

    it('[IV.A.6] takes signed comments, replies (even to posts Crier does not know) and skips the Page’s own replies and reactions', async () => {
      const ctx = get();
      const n = postId.split('_')[1];
      const body = delivery(server.pageId, [
        commentChange({ comment_id: `${n}_7001`, post_id: postId, parent_id: postId, message: 'Will the bike lane be repainted too?' }),
        commentChange({ comment_id: `${n}_7002`, post_id: postId, parent_id: `${n}_7001`, from: { id: '5550002', name: 'Resident Two' }, message: 'I asked the same thing' }),
        commentChange({ comment_id: '424242_7003', post_id: `${server.pageId}_424242`, parent_id: `${server.pageId}_424242`, from: { id: '5550003', name: 'Resident Three' }, message: 'Old post, new question' }),
        commentChange({ comment_id: `${n}_7004`, post_id: postId, parent_id: `${n}_7001`, from: { id: server.pageId, name: 'City of Carson' }, message: 'Yes, next week.' }),
        { item: 'reaction', verb: 'add', reaction_type: 'like', post_id: postId, from: { id: '5550004', name: 'Liker' } },
      ]);
      const res = await signed(body);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ comments: 3, created: 3, skipped: 2, refused: [] });
      const rows = await ctx.db.db.selectFrom('comments').select(['remote_id', 'post_remote_id', 'parent_remote_id', 'source', 'post_id', 'author_name', 'text']).where('platform_id', '=', fb).where('remote_id', 'in', [`${n}_7001`, `${n}_7002`, '424242_7003', `${n}_7004`]).orderBy('remote_id').execute();
      expect(rows).toHaveLength(3);
      expect(rows.every((r) => r.source === 'webhook')).toBe(true);
      expect(rows.find((r) => r.remote_id === `${n}_7001`)).toMatchObject({ parent_remote_id: null, author_name: 'Resident One' });
      expect(rows.find((r) => r.remote_id === `${n}_7001`)!.post_id).not.toBeNull();
      expect(rows.find((r) => r.remote_id === `${n}_7002`)).toMatchObject({ parent_remote_id: `${n}_7001` });
      expect(rows.find((r) => r.remote_id === '424242_7003')).toMatchObject({ post_remote_id: `${server.pageId}_424242`, post_id: null });
      const queue = await ctx.comments.queue(moderator, { limit: 100, platformId: fb });
      expect(queue.items.map((i) => i.text)).toContain('Will the bike lane be repainted too?');
      // Facebook redelivers on any doubt: the same delivery again adds nothing.
      const again = await signed(body);
      expect(again.json()).toMatchObject({ created: 0, unchanged: 3 });
    });

    it('[IV.C.11] an edit becomes a new version and a removal by its author is kept on record', async () => {
      const ctx = get();
      const n = postId.split('_')[1];
      const id = `${n}_7101`;
      await signed(delivery(server.pageId, [commentChange({ comment_id: id, post_id: postId, parent_id: postId, message: 'The detour signs are wrong' })], '2026-11-19T18:10:00Z'));
      await signed(delivery(server.pageId, [commentChange({ verb: 'edited', comment_id: id, post_id: postId, parent_id: postId, message: 'The detour signs on 223rd are wrong' })], '2026-11-19T18:12:00Z'));
      const removed = await signed(delivery(server.pageId, [commentChange({ verb: 'remove', comment_id: id, post_id: postId, parent_id: postId })], '2026-11-19T18:14:00Z'));
      expect(removed.json()).toMatchObject({ deleted: 1 });
      const row = await ctx.db.db.selectFrom('comments').select(['id', 'text', 'deleted_on_platform_at']).where('platform_id', '=', fb).where('remote_id', '=', id).executeTakeFirstOrThrow();
      expect(row.text).toBe('The detour signs on 223rd are wrong');
      expect(row.deleted_on_platform_at).toBe('2026-11-19T18:14:00.000Z');
      const c = await ctx.comments.get(moderator, row.id);
      expect(c.versions.map((v) => [v.kind, v.text])).toEqual([
        ['created', 'The detour signs are wrong'],
        ['edited', 'The detour signs on 223rd are wrong'],
        ['deleted', 'The detour signs on 223rd are wrong'],
      ]);
    });

    it('[IV.A.6] refuses comments for a Page whose comments the City Manager has not authorized, and ignores unknown Pages', async () => {
      const ctx = get();
      await ctx.platforms.setComments(w.cm, fb, { enabled: false, note: 'Paused for the election period' });
      try {
        const res = await signed(delivery(server.pageId, [commentChange({ comment_id: '77_1', post_id: postId, parent_id: postId, message: 'Anyone there?' })]));
        expect(res.statusCode).toBe(200);
        expect(res.json().refused).toEqual([expect.objectContaining({ remoteId: '77_1', clauses: ['IV.A.6'] })]);
        const unknown = await signed(delivery('999999999', [commentChange({ comment_id: '88_1', post_id: '999999999_88', parent_id: '999999999_88', message: 'Hello' })]));
        expect(unknown.json()).toMatchObject({ comments: 0, unknownPages: ['999999999'] });
        expect(await ctx.db.db.selectFrom('comments').select('id').where('remote_id', 'in', ['77_1', '88_1']).execute()).toEqual([]);
      } finally {
        await ctx.platforms.setComments(w.cm, fb, { enabled: true, note: 'Moderated under Section V' });
      }
    });

    it('answers 400 for a signed delivery that is not a Page delivery', async () => {
      expect((await signed('{"object":"instagram","entry":[]}')).statusCode).toBe(400);
      expect((await signed('[1,2')).statusCode).toBe(400);
    });
  },
  { connectors: facebookConnectors(() => server, () => current), config: { facebookWebhooks: { appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN } } },
);
