import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/crier.js');

/** The real `crier` command against a real data directory (SQLite). */
describe('crier command', () => {
  let dataDir: string;
  const env = () => ({ ...process.env, CRIER_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' });
  const crier = (args: string[], input?: string) => {
    const p = run('node', [BIN, ...args], { env: env(), timeout: 60_000 });
    if (input !== undefined) {
      p.child.stdin?.end(input);
    }
    return p;
  };

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'crier-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrate, seed (twice) and verify an intact audit chain', async () => {
    expect((await crier(['migrate'])).stdout).toMatch(/Applied|up to date/);
    expect((await crier(['seed'])).stdout).toMatch(/seeded/);
    expect((await crier(['seed'])).stdout).toMatch(/already seeded/);
    const { stdout } = await crier(['audit', 'verify']);
    expect(stdout).toMatch(/intact: \d+ events/);
  }, 120_000);

  it('create-admin makes an IT Manager who can sign in', async () => {
    const { stdout } = await crier(['create-admin', '--email', 'new.it@carsonca.gov', '--name', 'Nina Ito', '--password-stdin'], 'a-long-and-unusual-passphrase-77\n');
    expect(stdout).toMatch(/Created Nina Ito <new.it@carsonca.gov> as it_manager/);
    const db = new Database(join(dataDir, 'crier.db'), { readonly: true });
    const row = db.prepare("select a.password_hash from accounts a join persons p on p.id = a.person_id where p.email = 'new.it@carsonca.gov'").get() as { password_hash: string };
    db.close();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  }, 60_000);

  it('create-admin refuses a personal e-mail or a weak password with a clear message', async () => {
    await expect(crier(['create-admin', '--email', 'x@carsonca.gov', '--name', 'X', '--password-stdin'], 'short\n')).rejects.toMatchObject({ code: 1 });
  }, 60_000);

  it('audit verify exits non-zero naming the first altered event', async () => {
    const db = new Database(join(dataDir, 'crier.db'));
    db.prepare("update audit_events set actor_label = 'Somebody Else' where seq = 7").run();
    db.close();
    const failed = await crier(['audit', 'verify']).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(/BROKEN at event #7/);
  }, 60_000);
});
