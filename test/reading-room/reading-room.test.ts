import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PersonActor } from '../../src/kernel/actor.ts';
import { createArchiveImport } from '../../src/modules/archive-import/index.ts';
import type { IncomingComment } from '../../src/modules/comments/index.ts';
import type { PublishedEntry, ReadingRoomPage } from '../../src/modules/reading-room/index.ts';
import { appWithPersonas } from '../api/personas.ts';
import { describeWithContext } from '../context.ts';
import { postsWorld, type PostsWorld } from '../posts/support.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'archive-import');
const CS_FACEBOOK = 'Carson Community Services on Facebook';
const PW_BLUESKY = 'Carson Public Works on Bluesky';

describeWithContext('public reading room: what the City published, searchable, no sign-in', (get) => {
  let w: PostsWorld;
  let app: FastifyInstance;
  let removed: string;
  let facebook: { id: string; departmentId: string | null };
  const json = async (query = ''): Promise<ReadingRoomPage> => {
    const res = await app.inject({ method: 'GET', url: `/api/public/reading-room${query ? `?${query}` : ''}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ReadingRoomPage;
  };
  const texts = (p: ReadingRoomPage) => p.entries.map((e) => e.text.split('\n')[0]);

  beforeAll(async () => {
    const ctx = get();
    w = await postsWorld(ctx);
    app = await appWithPersonas(ctx, new Map<string, PersonActor>());
    facebook = await w.platform(CS_FACEBOOK);
    await w.schedule({ title: 'Reading room: holiday trash pickup', body: 'Trash pickup moves one day later in Thanksgiving week on the Quillback routes. Details: https://ci.carson.ca.us/trash' });
    removed = await w.schedule({ title: 'Reading room: wrong street closure', body: 'Avalon Boulevard closes Saturday (posted in error). Details: https://ci.carson.ca.us/closures' });
    await ctx.posts.publisher().runDue();
    await ctx.posts.remove(w.cm, removed, { reason: 'Posted in error: the closure is on Main Street' });
    const bluesky = await w.platform(PW_BLUESKY);
    const c: IncomingComment = { platformId: bluesky.id, remoteId: 'at://did:plc:res/app.bsky.feed.post/rr-1', postRemoteId: 'at://did:plc:city/app.bsky.feed.post/p', authorHandle: 'pat.bsky.social', authorName: 'Pat Resident', text: 'Trash pickup on my street was missed again', createdAt: '2026-11-19T17:00:00Z', native: { text: 'Trash pickup on my street was missed again' } };
    await ctx.comments.ingest([c], 'poll');
    const importer = createArchiveImport({ db: ctx.db.db, dialect: ctx.db.dialect, pack: ctx.pack, audit: ctx.audit, archive: ctx.archive });
    await importer.importFile(w.it, { format: 'facebook-page', path: join(FIXTURES, 'your_posts_1.json'), platformId: facebook.id });
    await importer.importFile(w.it, { format: 'facebook-page', path: join(FIXTURES, 'comments.json'), platformId: facebook.id });
    await importer.importFile(w.it, { format: 'x-archive', path: join(FIXTURES, 'tweets.js'), accountHandle: 'CityofCarson' });
  }, 120_000);
  afterAll(async () => app?.close());

  it('[IV.A.11] lists published and imported City posts, newest first; never comments, replies, commenters or a post later removed', async () => {
    const page = await json('limit=100');
    const all = texts(page);
    expect(all).toContain('Reading room: holiday trash pickup');
    expect(all).toContain('Summer swim: Carson pools open June 29 & stay open daily #CarsonCA https://ci.carson.ca.us/pools');
    expect(all).toContain('Cooling centers are open today 10 a.m. to 8 p.m. at the Community Center <b>and</b> Dignity Health Sports Park.');
    expect(all).not.toContain('Reading room: wrong street closure');
    const body = JSON.stringify(page);
    for (const hidden of ['Pat Resident', 'pat.bsky.social', 'missed again', 'Maria', 'patresident', 'Heat advisory', 'Carson Connect']) expect(body).not.toContain(hidden);
    const times = page.entries.map((e) => e.publishedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const post = page.entries.find((e) => e.text.startsWith('Reading room: holiday'))!;
    expect(post).toMatchObject({ source: 'post', platform: { id: w.pwNews, name: 'Carson Public Works News' } });
    const swim = page.entries.find((e) => e.text.startsWith('Summer swim'))!;
    expect(swim).toMatchObject({ source: 'imported', platform: null, department: null, url: 'https://x.com/cityofcarson/status/1541839001234567890', publishedAt: '2022-06-28T17:30:00.000Z' });
  });

  it('[IV.A.11] searches by words and filters by platform, department and date; pages by cursor without repeats', async () => {
    expect(texts(await json('q=cooling%20centers'))).toEqual(['Cooling centers are open today 10 a.m. to 8 p.m. at the Community Center <b>and</b> Dignity Health Sports Park.']);
    expect(texts(await json('q=quillback'))).toEqual(['Reading room: holiday trash pickup']);
    expect((await json('q=missed')).entries).toEqual([]);
    const fb = await json(`platform=${facebook.id}`);
    expect(fb.entries).toHaveLength(3);
    expect(fb.entries.every((e: PublishedEntry) => e.platform?.id === facebook.id)).toBe(true);
    expect((await json(`department=${facebook.departmentId}`)).entries).toHaveLength(3);
    expect(texts(await json('department=city'))).toEqual(expect.arrayContaining(['Lap swim hours: 6-8 a.m. weekdays.']));
    expect(texts(await json('from=2022-06-01&to=2022-06-30'))).toEqual(['Safe and sane fireworks only. Report illegal fireworks at the link below.', 'Lap swim hours: 6-8 a.m. weekdays.', 'Summer swim: Carson pools open June 29 & stay open daily #CarsonCA https://ci.carson.ca.us/pools']);
    // City days: 2022-05-31T16:00Z is May 31 in Carson, so it is outside June.
    expect(texts(await json('from=2022-05-31&to=2022-05-31'))).toEqual(['Thank you to the 120 volunteers who joined the Dominguez Channel cleanup this morning! Café con pan dulce at Carson Park until noon.']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: ReadingRoomPage = await json(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...p.entries.map((e) => e.id));
      cursor = p.next;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual((await json('limit=100')).entries.map((e) => e.id));
  });

  it('the page escapes every text and carries the app’s CSP; bad input is named', async () => {
    const res = await app.inject({ method: 'GET', url: '/reading-room?q=cooling&from=2022-01-01' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.body).toContain('Community Center &lt;b&gt;and&lt;/b&gt; Dignity Health');
    expect(res.body).not.toContain('<b>and</b>');
    expect(res.body).toContain('value="cooling"');
    const hostile = await app.inject({ method: 'GET', url: `/reading-room?q=${encodeURIComponent('"><script>alert(1)</script>')}` });
    expect(hostile.statusCode).toBe(200);
    expect(hostile.body).not.toContain('<script>');
    const bad = await app.inject({ method: 'GET', url: '/reading-room?from=June' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('from: a date as YYYY-MM-DD');
    // The filter choices: platforms the public knows (active or terminated), never one still being requested.
    const choices = (await app.inject({ method: 'GET', url: '/api/public/reading-room/choices' })).json() as { platforms: { name: string }[]; departments: { name: string }[] };
    expect(choices.platforms.map((p) => p.name)).toEqual(expect.arrayContaining(['Carson Public Works News', 'Old News Relay']));
    expect(choices.platforms.map((p) => p.name)).not.toContain('Public Works Field Updates Feed');
    const badJson = await app.inject({ method: 'GET', url: '/api/public/reading-room?cursor=nonsense' });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.message).toContain('cursor');
  });
});
