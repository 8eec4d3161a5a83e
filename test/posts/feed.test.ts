import { parseFeed } from '@rowanmanning/feed-parser';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpApp } from '../../src/main.ts';
import { describeWithContext } from '../context.ts';
import { postsWorld, type PostsWorld } from './support.ts';

describeWithContext('City feed: published posts served as Atom and RSS', (get) => {
  let w: PostsWorld;
  let app: FastifyInstance;
  beforeAll(async () => {
    w = await postsWorld(get());
    app = await createHttpApp(get(), { webRoot: null });
  });
  afterAll(() => app?.close());

  it('[IV.A.3] serves each published post in valid Atom and RSS, and drops a removed one at once', async () => {
    const ctx = get();
    const kept = await w.schedule({ title: 'Leaf pickup', body: 'Leaf pickup <starts> Monday & runs all week. https://ci.carson.ca.us/leaves' });
    const gone = await w.schedule({ title: 'Wrong week', body: 'Bulky item day is Tuesday. https://ci.carson.ca.us/bulky' });
    await ctx.posts.publisher().runDue();

    for (const kind of ['atom', 'rss'] as const) {
      const res = await app.inject({ method: 'GET', url: `/feeds/${w.pwNews}/${kind}.xml` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain(kind === 'atom' ? 'application/atom+xml' : 'application/rss+xml');
      const feed = parseFeed(res.body);
      expect(feed.meta.type).toBe(kind);
      const titles = feed.items.map((i) => i.title);
      expect(titles).toEqual(expect.arrayContaining(['Leaf pickup', 'Wrong week']));
      const item = feed.items.find((i) => i.title === 'Leaf pickup')!;
      expect(item.content ?? item.description).toContain('Leaf pickup <starts> Monday & runs all week.');
    }

    await ctx.posts.remove(w.it, gone, { reason: 'Wrong week announced' });
    const after = parseFeed((await app.inject({ method: 'GET', url: `/feeds/${w.pwNews}/atom.xml` })).body);
    expect(after.items.map((i) => i.title)).not.toContain('Wrong week');
    expect(after.items.map((i) => i.title)).toContain('Leaf pickup');

    const entry = (await ctx.posts.get(w.poster, kept)).publications[0]!;
    const page = await app.inject({ method: 'GET', url: new URL(entry.remoteUrl!).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Leaf pickup &lt;starts&gt; Monday &amp; runs all week.');
  });

  it('serves no feed for a platform that is not an active City feed', async () => {
    const relay = (await w.platform('Old News Relay')).id;
    expect((await app.inject({ method: 'GET', url: `/feeds/${relay}/atom.xml` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/feeds/nope/rss.xml` })).statusCode).toBe(404);
  });
});
