import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { createContext } from '../../src/main.ts';
import { record } from './support.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/crier.js');

/** The real `crier archive verify` against a real data directory (SQLite). */
describe('crier archive verify', () => {
  let dataDir: string;
  const env = () => ({ ...process.env, CRIER_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' });
  const crier = (args: string[]) => run('node', [BIN, ...args], { env: env(), timeout: 60_000 });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crier-archive-cli-'));
    const ctx = await createContext(loadConfig(env() as NodeJS.ProcessEnv), { clock: new ManualClock('2026-11-19T18:00:00Z') });
    await ctx.db.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 5; i++) await ctx.archive.capture(tx, record());
    });
    await ctx.db.close();
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('[IV.A.9] says the archive is intact, then exits non-zero naming the first altered item', async () => {
    expect((await crier(['archive', 'verify'])).stdout).toMatch(/Archive intact: 5 items, 0 daily seals/);
    const db = new Database(join(dataDir, 'crier.db'));
    const id = (db.prepare('select id from archive_items where seq = 3').get() as { id: string }).id;
    db.prepare("update archive_items set rendered_text = 'edited' where seq = 3").run();
    db.close();
    const failed = await crier(['archive', 'verify']).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain(`Archive BROKEN at item #3 (id ${id}, comment): item #3 was altered`);
  }, 60_000);
});
