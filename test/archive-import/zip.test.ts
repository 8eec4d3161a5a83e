import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { systemActor, type PersonActor } from '../../src/kernel/actor.ts';
import { createArchiveImport, DEFAULT_ZIP_LIMITS, type ArchiveImportService } from '../../src/modules/archive-import/index.ts';
import { describeWithContext } from '../context.ts';
import { vaultWorld } from '../vault/support.ts';
import { declareSize, makeZip, renameInPlace, sha256, tweetsPart } from './zip-support.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'archive-import');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const id = (i: number) => String(1800000000000000000n + BigInt(i));

describeWithContext('archive import: the platforms’ ZIP downloads, read in place', (get) => {
  let importer: ArchiveImportService;
  let clerk: PersonActor;
  let dir: string;
  const items = (kind: string) => get().archive.list(systemActor('test'), { kind, limit: 500 }).then((r) => r.items);
  const count = async () => ((await get().archive.verify()) as { items: number }).items;
  const write = (name: string, data: Buffer | string) => {
    const path = join(dir, name);
    writeFileSync(path, data);
    return path;
  };

  beforeAll(async () => {
    const ctx = get();
    const w = await vaultWorld(ctx);
    clerk = await w.actor('clerk@carsonca.gov');
    importer = createArchiveImport({ db: ctx.db.db, dialect: ctx.db.dialect, pack: ctx.pack, audit: ctx.audit, archive: ctx.archive });
    dir = mkdtempSync(join(tmpdir(), 'crier-import-zip-'));
  });

  it('[IV.A.13] an X archive ZIP: data/tweets.js and its part files in order, each media file in data/tweets_media/ recorded by name and SHA-256 in its tweet; a second import adds nothing', async () => {
    const photo = Buffer.from('\u0089PNG fake photo bytes of the pool opening', 'latin1');
    const zip = await makeZip([
      { name: 'Your archive.html', data: '<html></html>' },
      // The part files are listed out of order: they are read by number.
      { name: 'data/tweets-part2.js', data: tweetsPart(2, [{ id: id(5), text: 'Part two: street sweeping resumes' }]) },
      { name: 'data/tweets.js', data: tweetsPart(0, [{ id: id(1), text: 'Pools open June 29 “é”', media: 'FWpool.jpg' }, { id: id(2), text: 'Council meets Tuesday' }]) },
      { name: 'data/tweets-part1.js', data: tweetsPart(1, [{ id: id(3), text: 'Part one: library hours' }, { id: id(4), text: 'Part one: cooling centers' }]) },
      { name: 'data/like.js', data: 'window.YTD.like.part0 = [ { "like": { "tweetId": "1" } } ]' },
      { name: `data/tweets_media/${id(1)}-FWpool.jpg`, data: photo, compress: false },
    ]);
    const path = write('twitter-2026-11-19.zip', zip);
    const seen: number[] = [];
    const r = await importer.importFile(clerk, { format: 'x-archive', path, accountHandle: 'CityofCarson', onProgress: (p) => void seen.push(p.done) });
    expect(r).toMatchObject({ fileName: 'twitter-2026-11-19.zip', fileSha256: sha256(zip), layout: 'x-tweets', records: 5, added: 5, skipped: 0, malformed: [], mediaFiles: 1 });
    expect(r.parts.map((p) => [p.name, p.records, p.added])).toEqual([
      ['data/tweets.js', 2, 2],
      ['data/tweets-part1.js', 2, 2],
      ['data/tweets-part2.js', 1, 1],
    ]);
    expect(r.outcomes[2]).toEqual({ location: 'data/tweets-part1.js record 1 (line 2)', key: `x:${id(3)}`, outcome: 'added' });
    expect(seen.at(-1)).toBeGreaterThan(0);
    const posts = (await items('imported_post')).filter((i) => i.sourceId.startsWith('x:18'));
    expect(posts).toHaveLength(5);
    const pool = posts.find((p) => p.sourceId === `x:${id(1)}`)!;
    expect(pool.renderedText).toContain('Pools open June 29 “é”');
    expect(pool.metadata).toMatchObject({ sourceFile: { name: 'twitter-2026-11-19.zip', sha256: sha256(zip) }, mediaFiles: [{ name: `data/tweets_media/${id(1)}-FWpool.jpg`, bytes: photo.length, sha256: sha256(photo) }] });
    expect(posts.find((p) => p.sourceId === `x:${id(2)}`)!.metadata.mediaFiles).toBeUndefined();

    const again = await importer.importFile(clerk, { format: 'x-archive', path, accountHandle: 'CityofCarson' });
    expect(again).toMatchObject({ records: 5, added: 0, skipped: 5, mediaFiles: 0 });
    expect(again.outcomes.every((o) => o.outcome === 'skipped')).toBe(true);
    expect((await get().archive.verify()).ok).toBe(true);
  });

  it('[IV.A.13] a Facebook download ZIP (top folder, your_activity_across_facebook/): posts files by number, then comments; a post’s photo found at its uri; a referenced file the download lacks is named', async () => {
    const photo = Buffer.from('jpeg bytes of the Dominguez Channel cleanup');
    const later = JSON.stringify([{ timestamp: 1700000000, data: [{ post: 'Holiday tree lighting Saturday at City Hall.' }], attachments: [{ data: [{ media: { uri: 'your_activity_across_facebook/posts/media/YourPosts_9/missing_n.jpg' } }] }] }]);
    const zip = await makeZip([
      { name: 'facebook-cityofcarson/your_activity_across_facebook/posts/your_posts_2.json', data: later },
      { name: 'facebook-cityofcarson/your_activity_across_facebook/posts/your_posts_1.json', data: fixture('your_posts_1.json') },
      { name: 'facebook-cityofcarson/your_activity_across_facebook/comments_and_reactions/comments.json', data: fixture('comments.json') },
      { name: 'facebook-cityofcarson/posts/media/YourPosts_123/285716430_5432109876543210_1234567890123456789_n.jpg', data: photo },
    ]);
    const r = await importer.importFile(clerk, { format: 'facebook-page', path: write('facebook-cityofcarson.zip', zip) });
    expect(r.parts.map((p) => [p.name.split('/').pop(), p.layout, p.added])).toEqual([
      ['your_posts_1.json', 'facebook-posts', 3],
      ['your_posts_2.json', 'facebook-posts', 1],
      ['comments.json', 'facebook-comments', 2],
    ]);
    expect(r).toMatchObject({ added: 6, malformed: [], mediaFiles: 1 });
    const posts = await items('imported_post');
    const cleanup = posts.find((p) => p.renderedText.includes('Dominguez Channel'))!;
    expect(cleanup.metadata.mediaFiles).toEqual([{ name: 'facebook-cityofcarson/posts/media/YourPosts_123/285716430_5432109876543210_1234567890123456789_n.jpg', bytes: photo.length, sha256: sha256(photo) }]);
    const tree = posts.find((p) => p.renderedText.includes('tree lighting'))!;
    expect(tree.metadata).toMatchObject({ mediaFiles: [], mediaNotInDownload: ['your_activity_across_facebook/posts/media/YourPosts_9/missing_n.jpg'] });
  });

  it('hostile or wrong ZIPs are refused whole with a clear message and nothing is written: a bomb, a ../ name, an absolute name, not a ZIP, cut short, none of the expected files, more than the total allowed', async () => {
    const before = await count();
    const small = { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 4 * 1024 * 1024, maxTotalBytes: 6 * 1024 * 1024 };
    // 64 MiB of spaces inside a tweets.js: a few hundred kilobytes compressed.
    const bomb = await makeZip([{ name: 'data/tweets.js', data: Buffer.concat([Buffer.from('window.YTD.tweets.part0 = ['), Buffer.alloc(64 * 1024 * 1024, 0x20), Buffer.from(']')]) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(importer.importFile(clerk, { format: 'x-archive', path: write('bomb.zip', bomb), limits: small })).rejects.toThrow(/bomb\.zip: the entry data\/tweets\.js declares 64 MiB uncompressed, more than the 4 MiB allowed for one entry \(a ZIP bomb/);

    const good = await makeZip([{ name: 'data/tweets.js', data: tweetsPart(0, [{ id: id(50), text: 'x' }]) }, { name: 'aa/evil.js', data: 'owned' }]);
    await expect(importer.importFile(clerk, { format: 'x-archive', path: write('climb.zip', renameInPlace(good, 'aa/evil.js', '../evil.js')) })).rejects.toThrow('climb.zip holds an entry named "../evil.js", which points outside the archive: the ZIP is refused and nothing was imported');
    await expect(importer.importFile(clerk, { format: 'x-archive', path: write('abs.zip', renameInPlace(good, 'aa/evil.js', '/etc/evil1')) })).rejects.toThrow('abs.zip holds an entry named "/etc/evil1", which points outside');
    await expect(importer.importFile(clerk, { format: 'x-archive', path: write('notes.zip', 'these are my notes, not a zip') })).rejects.toThrow('notes.zip is not a ZIP file (no ZIP directory was found)');
    await expect(importer.importFile(clerk, { format: 'x-archive', path: write('cut.zip', good.subarray(0, Math.floor(good.length / 2))) })).rejects.toThrow('cut.zip is cut short: its ZIP directory (at the end of the file) is missing');
    // A ZIP without the .zip name is still recognized by its first bytes.
    await expect(importer.importFile(clerk, { format: 'x-archive', path: write('download', await makeZip([{ name: 'README.txt', data: 'hello' }, { name: 'data/tweets_media/1-a.jpg', data: 'jpg' }])) })).rejects.toThrow(
      'download holds none of the files a x-archive download keeps: looked for data/tweets.js (and data/tweets-part1.js, …); nothing was imported',
    );
    await expect(importer.importFile(clerk, { format: 'facebook-page', path: write('x-as-fb.zip', good.subarray(0)) })).rejects.toThrow(/looked for posts\/your_posts_1\.json \(or profile_posts_1\.json, …\) and comments\.json/);
    const two = await makeZip([
      { name: 'data/tweets.js', data: tweetsPart(0, []) + ' '.repeat(4 * 1024 * 1024 - 100) },
      { name: 'data/tweets-part1.js', data: tweetsPart(1, []) + ' '.repeat(4 * 1024 * 1024 - 100) },
    ]);
    await expect(importer.importFile(clerk, { format: 'x-archive', path: write('two.zip', two), limits: small })).rejects.toThrow(/two\.zip: the files to import declare [\d,]+ bytes uncompressed, more than the 6,291,456 allowed/);
    expect(await count()).toBe(before);
  });

  it('[IV.A.9] an entry that inflates past what its header declares stops where it is found: the records read whole before it are kept and counted, the entry named', async () => {
    const list = Array.from({ length: 300 }, (_, i) => ({ id: id(100 + i), text: `Notice ${i} ${'·'.repeat(300)}` }));
    const text = tweetsPart(0, list);
    const honest = await makeZip([{ name: 'data/tweets.js', data: text }]);
    const liar = declareSize(honest, 'data/tweets.js', Math.floor(Buffer.byteLength(text) / 2));
    const r = await importer.importFile(clerk, { format: 'x-archive', path: write('liar.zip', liar) });
    expect(r.added).toBeGreaterThan(50);
    expect(r.added).toBeLessThan(300);
    expect(r.malformed).toEqual([{ location: 'data/tweets.js', problem: expect.stringMatching(/^data\/tweets\.js inflates to more than the [\d,]+ bytes it declares \(a ZIP bomb or a damaged archive\): reading stopped$/) }]);
    expect((await items('imported_post')).filter((i) => i.sourceId >= `x:${id(100)}` && i.sourceId <= `x:${id(399)}`)).toHaveLength(r.added);
    expect((await get().archive.verify()).ok).toBe(true);
  });

  it('[IV.A.9] a malformed record inside a ZIP part is named with its part, position and line; the other records and parts are taken', async () => {
    const bad = 'window.YTD.tweets.part1 = [\n  { "tweet": { "id_str": "1900000000000000001", "created_at": "Fri Jan 06 16:00:00 +0000 2023", "full_text": "fine" } },\n  { "tweet": { "id_str": "nope", "full_text": "no id" } },\n  { "tweet": { broken } }\n]';
    const zip = await makeZip([
      { name: 'data/tweets.js', data: tweetsPart(0, [{ id: '1900000000000000000', text: 'first part' }]) },
      { name: 'data/tweets-part1.js', data: bad },
    ]);
    const r = await importer.importFile(clerk, { format: 'x-archive', path: write('mixed.zip', zip) });
    expect(r).toMatchObject({ records: 4, added: 2 });
    expect(r.malformed).toEqual([
      { location: 'data/tweets-part1.js record 2 (line 3)', problem: 'id_str is missing or not a tweet id' },
      { location: 'data/tweets-part1.js record 3 (line 4)', problem: expect.stringMatching(/^not valid JSON: /) },
    ]);
    expect(r.parts.map((p) => p.problems)).toEqual([0, 2]);
  });
});
