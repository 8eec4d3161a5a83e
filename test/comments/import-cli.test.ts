import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/crier.js');

/** `crier comments import` against a real data directory (SQLite), as an operator runs it. */
describe('crier comments import', () => {
  let dataDir: string;
  let platformId: string;
  const crier = (args: string[]) => run('node', [BIN, ...args], { env: { ...process.env, CRIER_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' }, timeout: 60_000 });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crier-import-'));
    await crier(['seed']);
    const db = new Database(join(dataDir, 'crier.db'), { readonly: true });
    platformId = (db.prepare("select id from platforms where name = 'Carson Public Works on Bluesky'").get() as { id: string }).id;
    db.close();
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('takes a CSV export, lists malformed lines by number (exit 2), and adds nothing on a second run', async () => {
    const file = join(dataDir, 'export.csv');
    writeFileSync(file, ['remote_id,post_remote_id,author_name,text,created_at', 'cli-1,post-1,Ana,"Is the pool open?",2026-11-18T09:00:00Z', 'cli-2,post-1,Ben,missing date,', 'cli-3,post-1,Cy,"Thanks!",2026-11-18T09:02:00Z', ''].join('\n'));
    const first = await crier(['comments', 'import', '--platform', platformId, file]).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(first.code).toBe(2);
    expect(first.stdout).toContain('3 comment record(s): 2 new');
    expect(first.stderr).toContain('line 3: created_at is missing');
    const db = new Database(join(dataDir, 'crier.db'), { readonly: true });
    expect(db.prepare("select count(*) as n from comments where remote_id in ('cli-1','cli-3') and source = 'import'").get()).toEqual({ n: 2 });
    db.close();
    const second = await crier(['comments', 'import', '--platform', platformId, file]).catch((e: { stdout: string }) => e);
    expect(second.stdout).toContain('0 new, 0 edited, 0 deleted, 2 already known');
  }, 120_000);

  it('refuses a file over the size limit before reading it', async () => {
    const file = join(dataDir, 'huge.jsonl');
    writeFileSync(file, '');
    truncateSync(file, 11 * 1024 * 1024);
    await expect(crier(['comments', 'import', '--platform', platformId, file])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('at most 10 MiB') });
  }, 60_000);
});
