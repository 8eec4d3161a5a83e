import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { systemActor, type PersonActor } from '../../src/kernel/actor.ts';
import { createArchiveImport, IMPORTER_VERSION, type ArchiveImportService } from '../../src/modules/archive-import/index.ts';
import { describeWithContext } from '../context.ts';
import { vaultWorld, type VaultWorld } from '../vault/support.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'archive-import');
const fixture = (name: string) => join(FIXTURES, name);
const sha = (name: string) => createHash('sha256').update(readFileSync(fixture(name))).digest('hex');
const CS_FACEBOOK = 'Carson Community Services on Facebook';

describeWithContext('archive import: platform data downloads into the archive, marked imported', (get) => {
  let w: VaultWorld;
  let importer: ArchiveImportService;
  let clerk: PersonActor;
  let facebook: { id: string; departmentId: string | null };
  const items = (kind: string) => get().archive.list(systemActor('test'), { kind, limit: 500 }).then((r) => r.items);

  beforeAll(async () => {
    const ctx = get();
    w = await vaultWorld(ctx);
    clerk = await w.actor('clerk@carsonca.gov');
    facebook = await w.platform(CS_FACEBOOK);
    importer = createArchiveImport({ db: ctx.db.db, dialect: ctx.db.dialect, pack: ctx.pack, audit: ctx.audit, archive: ctx.archive });
  });

  it('[IV.A.13] a Facebook Page posts file lands in the department folder on the hash chain, each item marked imported with its source file, and a second import adds nothing', async () => {
    const r = await importer.importFile(clerk, { format: 'facebook-page', path: fixture('your_posts_1.json'), platformId: facebook.id });
    expect(r).toMatchObject({ layout: 'facebook-posts', records: 3, added: 3, skipped: 0, malformed: [], fileSha256: sha('your_posts_1.json'), importerVersion: IMPORTER_VERSION });
    const posts = await items('imported_post');
    expect(posts).toHaveLength(3);
    const cleanup = posts.find((p) => p.renderedText.includes('Dominguez Channel'))!;
    expect(cleanup).toMatchObject({ departmentId: facebook.departmentId, platformId: facebook.id, retentionCategory: 'posts' });
    expect(cleanup.metadata).toMatchObject({ imported: true, importer: { format: 'facebook-page', version: IMPORTER_VERSION }, sourceFile: { name: 'your_posts_1.json', sha256: sha('your_posts_1.json') }, createdOnPlatformAt: '2022-05-31T16:00:00.000Z', editedAt: '2022-05-31T17:00:00.000Z' });
    // Facebook's escaped UTF-8 ("CafÃ©") is read as the text that was posted.
    expect(cleanup.renderedText).toContain('Café con pan dulce');
    expect(cleanup.renderedText).toContain('[attachment] Volunteers clearing the Dominguez Channel bank');
    // Retention runs from the day it was posted, not the day it was imported (current year + 2).
    expect(cleanup.retainUntil.slice(0, 4)).toBe('2025');
    const full = await get().archive.get(clerk, cleanup.id);
    expect(full.native).toMatchObject({ timestamp: 1654012800, title: 'City of Carson updated their status.' });

    const again = await importer.importFile(clerk, { format: 'facebook-page', path: fixture('your_posts_1.json'), platformId: facebook.id });
    expect(again).toMatchObject({ records: 3, added: 0, skipped: 3 });
    expect(await items('imported_post')).toHaveLength(3);
    expect((await get().archive.verify()).ok).toBe(true);
    const audit = await get().audit.list(systemActor('test'), { action: 'archive.imported' });
    expect(audit[0]).toMatchObject({ targetId: sha('your_posts_1.json'), targetLabel: 'your_posts_1.json', after: { added: 3, format: 'facebook-page' } });
  });

  it('[IV.A.9] comments the Page made are kept as replies (they name the people answered)', async () => {
    const r = await importer.importFile(clerk, { format: 'facebook-page', path: fixture('comments.json'), platformId: facebook.id });
    expect(r).toMatchObject({ layout: 'facebook-comments', records: 2, added: 2, malformed: [] });
    const replies = await items('imported_reply');
    expect(replies.map((i) => i.renderedText).sort()).toEqual(['Thank you for coming out, Maria! The next cleanup is July 9.', 'You can report it on the Carson Connect app as well.']);
    expect(replies[0]!.retentionCategory).toBe('comments');
  });

  it('[IV.A.9] a malformed Facebook file: each bad record named with its position and line, the good ones kept', async () => {
    const r = await importer.importFile(clerk, { format: 'facebook-page', path: fixture('your_posts_malformed.json'), platformId: facebook.id });
    expect(r.added).toBe(2);
    expect(r.malformed).toEqual([
      { location: 'record 2 (line 7)', problem: 'timestamp is missing or not a Unix time in seconds' },
      { location: 'record 3 (line 11)', problem: expect.stringMatching(/^not valid JSON: /) },
      { location: 'record 5 (line 19)', problem: 'the file ends inside record 5 (begun on line 19): it is truncated' },
    ]);
    const texts = (await items('imported_post')).map((i) => i.renderedText);
    expect(texts).toContain('Labor Day: City Hall is closed Monday. Trash pickup is one day late all week.');
    expect(texts).toContain('Veterans Day ceremony at 11 a.m. in the Civic Center Veterans Memorial.');
  });

  it('[IV.A.13] an X archive: own posts and self-thread replies are posts; replies to residents and reposts are replies; text as posted, links expanded, media kept', async () => {
    const r = await importer.importFile(clerk, { format: 'x-archive', path: fixture('tweets.js'), accountHandle: '@CityofCarson' });
    expect(r).toMatchObject({ layout: 'x-tweets', records: 4, added: 4, malformed: [] });
    const xPosts = (await items('imported_post')).filter((i) => i.sourceId.startsWith('x:'));
    expect(xPosts.map((i) => i.sourceId).sort()).toEqual(['x:1541839001234567890', 'x:1541839555555555555']);
    const swim = xPosts.find((i) => i.sourceId === 'x:1541839001234567890')!;
    expect(swim.renderedText).toBe('Summer swim: Carson pools open June 29 & stay open daily #CarsonCA https://ci.carson.ca.us/pools\n[photo: Children at the Hemingway Park pool] https://pbs.twimg.com/media/FWabcdEXoAAbcde.jpg');
    expect(swim.metadata).toMatchObject({ imported: true, platformIds: { remoteId: '1541839001234567890', url: 'https://x.com/cityofcarson/status/1541839001234567890' }, createdOnPlatformAt: '2022-06-28T17:30:00.000Z', sourceFile: { name: 'tweets.js' } });
    expect(swim.departmentId).toBeNull();
    const replies = (await items('imported_reply')).filter((i) => i.sourceId.startsWith('x:'));
    expect(replies.map((i) => i.sourceId).sort()).toEqual(['x:1541901111111111111', 'x:1542000000000000001']);
    expect((await importer.importFile(clerk, { format: 'x-archive', path: fixture('tweets.js'), accountHandle: 'CityofCarson' })).added).toBe(0);
  });

  it('[IV.A.9] a malformed X archive: bad dates, a missing id and broken JSON are reported by record and line; the rest are kept', async () => {
    const r = await importer.importFile(clerk, { format: 'x-archive', path: fixture('tweets_malformed.js') });
    expect(r.added).toBe(2);
    expect(r.malformed).toEqual([
      { location: 'record 2 (line 3)', problem: 'tweet 1600000000000000002: created_at "sometime in December" is not a date' },
      { location: 'record 3 (line 4)', problem: 'id_str is missing or not a tweet id' },
      { location: 'record 4 (line 5)', problem: expect.stringMatching(/^not valid JSON: /) },
    ]);
    const sweep = (await items('imported_post')).find((i) => i.sourceId === 'x:1600000000000000005')!;
    expect(sweep.renderedText).toBe('Street sweeping resumes Monday <all routes>.');
  });

  it('bad input is refused before anything is written: a ZIP, a file of another kind, a platform of another type, an unknown format, a missing file', async () => {
    const before = (await get().archive.verify()) as { items: number };
    const dir = mkdtempSync(join(tmpdir(), 'crier-import-'));
    writeFileSync(join(dir, 'twitter-2022.zip'), 'PK\u0003\u0004');
    writeFileSync(join(dir, 'like.js'), 'window.YTD.like.part0 = [ { "like": { "tweetId": "1" } } ]');
    await expect(importer.importFile(clerk, { format: 'x-archive', path: join(dir, 'twitter-2022.zip') })).rejects.toThrow('twitter-2022.zip is cut short: its ZIP directory (at the end of the file) is missing');
    await expect(importer.importFile(clerk, { format: 'x-archive', path: join(dir, 'like.js') })).rejects.toThrow('like.js holds "like", not tweets');
    await expect(importer.importFile(clerk, { format: 'x-archive', path: fixture('tweets.js'), platformId: facebook.id })).rejects.toThrow(/is a facebook platform; a x-archive download belongs to a x or twitter platform/);
    await expect(importer.importFile(clerk, { format: 'instagram', path: fixture('tweets.js') })).rejects.toThrow('format: one of facebook-page, x-archive');
    await expect(importer.importFile(clerk, { format: 'x-archive', path: join(dir, 'nope.js') })).rejects.toThrow(/does not exist/);
    expect(((await get().archive.verify()) as { items: number }).items).toBe(before.items);
  });

  it('[IV.A.9] a download read in many chunks and batches: every record once, a record repeated in the file counted as skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crier-import-big-'));
    const tweet = (i: number) => ({ tweet: { id_str: String(1700000000000000000n + BigInt(i)), created_at: 'Fri Jan 06 16:00:00 +0000 2023', full_text: `Council meeting notice ${i}: agenda posted — “é” ${'·'.repeat(200)}` } });
    const list = Array.from({ length: 450 }, (_, i) => tweet(i));
    list.push(tweet(7));
    const path = join(dir, 'tweets.js');
    writeFileSync(path, `window.YTD.tweets.part0 = ${JSON.stringify(list, null, 2)}`);
    const r = await importer.importFile(clerk, { format: 'x-archive', path });
    expect(r).toMatchObject({ records: 451, added: 450, skipped: 1, malformed: [] });
    const seven = (await items('imported_post')).filter((i) => i.sourceId === 'x:1700000000000000007');
    expect(seven).toHaveLength(1);
    expect(seven[0]!.renderedText).toBe(`Council meeting notice 7: agenda posted — “é” ${'·'.repeat(200)}`);
  });

  it('only the City Clerk or the IT Manager imports into the archive', async () => {
    await expect(importer.importFile(w.poster, { format: 'x-archive', path: fixture('tweets.js') })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(importer.importFile(w.it, { format: 'x-archive', path: fixture('tweets.js') })).resolves.toMatchObject({ added: 0 });
  });
});
