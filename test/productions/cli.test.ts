import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { createContext } from '../../src/main.ts';
import { validateBag } from './support.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/crier.js');

/** The real `crier export bagit|warc` against a real data directory (SQLite). */
describe('crier export', () => {
  let dataDir: string;
  const env = () => ({ ...process.env, CRIER_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' });
  const crier = (args: string[]) =>
    run('node', [BIN, ...args], { env: env(), timeout: 60_000 }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crier-export-cli-'));
    const ctx = await createContext(loadConfig(env() as NodeJS.ProcessEnv), { clock: new ManualClock('2026-11-19T18:00:00Z') });
    await ctx.db.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 4; i++) await ctx.archive.capture(tx, { kind: i % 2 ? 'comment' : 'post_version', sourceId: `src-${i}`, departmentId: null, platformId: null, native: { text: `Record ${i}` }, renderedText: `Record ${i}` });
    });
    await ctx.db.close();
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('[IV.A.12] writes a bag and a WARC file from the command line, and refuses a used folder or an unknown filter value with a message, writing nothing', async () => {
    const bag = join(dataDir, 'bag');
    const ok = await crier(['export', 'bagit', '--out', bag, '--kind', 'comment', '--bates-prefix', 'CARSON', '--by', 'Carla Nguyen, City Clerk', '--quiet']);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(new RegExp(`^BagIt bag written to ${bag}: 2 items, Bates CARSON-000001 to CARSON-000002`));
    expect(ok.stdout).toMatch(/manifest-sha256\.txt SHA-256: [0-9a-f]{64}/);
    validateBag(bag);
    const again = await crier(['export', 'bagit', '--out', bag]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`out: ${bag} exists and is not empty: choose a new or empty directory`);
    const unknown = await crier(['export', 'bagit', '--out', join(dataDir, 'bag2'), '--department', 'Parks']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('departments: no department has the id or code Parks');
    expect(existsSync(join(dataDir, 'bag2'))).toBe(false);
    const warc = await crier(['export', 'warc', '--out', join(dataDir, 'all.warc.gz'), '--quiet']);
    expect(warc.stdout).toMatch(/^WARC file written to .*all\.warc\.gz: 4 items/);
  }, 120_000);
});
