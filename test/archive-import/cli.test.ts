import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeZip, tweetsPart } from './zip-support.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/crier.js');
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'archive-import');

/** The real `crier archive import` against a real data directory (SQLite). */
describe('crier archive import', () => {
  let dataDir: string;
  const env = () => ({ ...process.env, CRIER_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' });
  const crier = (args: string[]) =>
    run('node', [BIN, ...args], { env: env(), timeout: 60_000 }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'crier-import-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('[IV.A.9] reports what it added, skips it the second time, and exits 2 listing each record it could not take', async () => {
    const first = await crier(['archive', 'import', '--format', 'x-archive', '--file', join(FIXTURES, 'tweets.js')]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^tweets\.js \(sha256 [0-9a-f]{64}, x-tweets, importer 1\.0\.0\): 4 record\(s\): 4 added, 0 already archived, none malformed\./);
    const again = await crier(['archive', 'import', '--format', 'x-archive', '--file', join(FIXTURES, 'tweets.js')]);
    expect(again.stdout).toContain('4 record(s): 0 added, 4 already archived');
    const bad = await crier(['archive', 'import', '--format', 'x-archive', '--file', join(FIXTURES, 'tweets_malformed.js')]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('5 record(s): 2 added, 0 already archived, 3 not taken.');
    expect(bad.stderr).toContain('record 2 (line 3): tweet 1600000000000000002: created_at "sometime in December" is not a date');
    expect((await crier(['archive', 'verify'])).stdout).toMatch(/Archive intact: 6 items/);

    // The X archive as downloaded: its part files read in place, each reported; a ../ entry refuses the whole ZIP.
    const zip = join(dataDir, 'twitter-2026.zip');
    writeFileSync(zip, await makeZip([{ name: 'data/tweets.js', data: tweetsPart(0, [{ id: '2300000000000000001', text: 'From the ZIP' }]) }, { name: 'data/tweets-part1.js', data: tweetsPart(1, [{ id: '2300000000000000002', text: 'Part one' }]) }]));
    const zipped = await crier(['archive', 'import', '--format', 'x-archive', '--file', zip]);
    expect(zipped.code, zipped.stderr).toBe(0);
    expect(zipped.stdout).toContain('2 record(s): 2 added, 0 already archived, none malformed.');
    expect(zipped.stdout).toContain('  data/tweets-part1.js (x-tweets): 1 record(s), 1 added, 0 already archived');
    const none = join(dataDir, 'photos.zip');
    writeFileSync(none, await makeZip([{ name: 'photos/a.jpg', data: 'jpg' }]));
    const refused = await crier(['archive', 'import', '--format', 'x-archive', '--file', none]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('photos.zip holds none of the files a x-archive download keeps: looked for data/tweets.js');
  }, 180_000);
});
