import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { createContext } from '../../src/main.ts';
import { generateKey, keyFingerprint } from '../../src/modules/vault/index.ts';
import { createMemoryMailer } from '../../src/adapters/mailer/index.ts';
import { PW_BLUESKY, STRONG, vaultWorld } from './support.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/crier.js');

/** `crier vault …` against a real data directory (SQLite) with the generated demo key file. */
describe('crier vault', () => {
  let dataDir: string;
  const env = (extra: Record<string, string> = {}) => ({ ...process.env, CRIER_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '', CRIER_VAULT_KEY: '', CRIER_VAULT_KEY_FILE: '', ...extra });
  const crier = (args: string[], extra?: Record<string, string>) => run('node', [BIN, ...args], { env: env(extra), timeout: 90_000 });
  const fails = (args: string[], extra?: Record<string, string>) =>
    crier(args, extra).then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crier-vault-cli-'));
    const ctx = await createContext(loadConfig(env() as NodeJS.ProcessEnv), { mailer: createMemoryMailer() });
    try {
      const w = await vaultWorld(ctx);
      const pw = await w.platform(PW_BLUESKY);
      await ctx.vault.submit(w.pwHead, pw.id, { username: 'carsonpw', password: STRONG, apiTokens: [{ name: 'app', token: 'tok-cli-4d4d' }] });
    } finally {
      await ctx.db.close();
    }
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('[IV.C.15(i)(ii)] the demo key file is generated on first use, owner-only; check verifies every secret and prints none', async () => {
    const keyFile = join(dataDir, 'vault.key');
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    const { stdout } = await crier(['vault', 'check']);
    expect(stdout).toMatch(/Vault OK: 3 secret\(s\) decrypt with key [0-9a-f]{16}/);
    expect(stdout).not.toContain('tok-cli-4d4d');
  }, 120_000);

  it('[IV.C.15(i)(ii)] a wrong or missing key is refused with a clear message naming the key the secrets need', async () => {
    const expected = keyFingerprint(Buffer.from(readFileSync(join(dataDir, 'vault.key'), 'utf8').trim(), 'base64'));
    const wrong = join(dataDir, 'wrong.key');
    writeFileSync(wrong, `${generateKey().toString('base64')}\n`, { mode: 0o600 });
    const e = await fails(['vault', 'check'], { CRIER_VAULT_KEY_FILE: wrong });
    expect(e?.code).toBe(2);
    expect(e?.stderr).toContain(`the vault key does not match: the secrets were encrypted with key ${expected}`);
    const missing = await fails(['vault', 'check'], { CRIER_VAULT_KEY_FILE: join(dataDir, 'lost.key') });
    expect(missing?.code).toBe(1);
    expect(missing?.stderr).toMatch(/vault key file .*lost\.key cannot be read \(ENOENT\)/);
  }, 120_000);

  it('[IV.C.15(i)(ii)] rotate-key re-wraps every data key; the generated file then holds the new key, and check passes', async () => {
    const newKeyFile = join(dataDir, 'new.key');
    const { stdout } = await crier(['vault', 'rotate-key', '--new-key-file', newKeyFile, '--generate']);
    const newFp = keyFingerprint(Buffer.from(readFileSync(newKeyFile, 'utf8').trim(), 'base64'));
    expect(stdout).toMatch(new RegExp(`Re-wrapped 3 data key\\(s\\): key [0-9a-f]{16} -> key ${newFp}`));
    expect(stdout).toMatch(/generated key file .*vault\.key now holds the new key/);
    expect((await crier(['vault', 'check'])).stdout).toContain(`with key ${newFp}`);
    expect((await crier(['vault', 'check'], { CRIER_VAULT_KEY_FILE: newKeyFile })).stdout).toContain(`with key ${newFp}`);
  }, 180_000);
});
