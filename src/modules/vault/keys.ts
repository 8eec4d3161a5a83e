import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KEY_BYTES, keyFingerprint } from './crypto.ts';
import { VaultKeyError } from './errors.ts';

/**
 * Where the vault's master key comes from. Read at first use (not at start-up), cached in memory,
 * never written to the database or to a log. Production sets CRIER_VAULT_KEY_FILE or
 * CRIER_VAULT_KEY; the demo generates a key file in the data directory on first use; an
 * in-memory database (tests) gets a key that lives as long as the process.
 */
export interface MasterKeySource {
  /** Where the key is, for messages (never the key). */
  readonly describe: string;
  /** When the key lives in the generated demo file: its path (rotate-key replaces it). */
  readonly generatedFile: string | null;
  load(): Promise<Buffer>;
  /** The key's fingerprint, loading it when needed. */
  fingerprint(): Promise<string>;
  /** After a rotation: use this key from now on (and, for the generated file, store it there). */
  replace(newKey: Buffer): void;
}

export interface MasterKeyOptions {
  keyFile?: string;
  /** base64 of 32 bytes. */
  key?: string;
  dataDir: string;
  /** The database lives only in memory: a key for this process suffices. */
  ephemeral?: boolean;
  /** Told once when a demo key file is generated. */
  onGenerated?: (path: string) => void;
}

/** Parses key material: 32 raw bytes, or base64 text of 32 bytes. */
export function parseKey(raw: Buffer, where: string): Buffer {
  if (raw.length === KEY_BYTES) return Buffer.from(raw);
  const text = raw.toString('utf8').trim();
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? Buffer.from(text, 'base64') : Buffer.alloc(0);
  if (decoded.length !== KEY_BYTES) throw VaultKeyError.unavailable(`the vault key in ${where} is not a 32-byte key (expected base64 of 32 bytes, or 32 raw bytes)`);
  return decoded;
}

export function readKeyFile(path: string): Buffer {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw VaultKeyError.unavailable(`the vault key file ${path} cannot be read (${code}): without the key the stored credentials cannot be opened`);
  }
  return parseKey(raw, path);
}

/** Writes a key file readable by its owner only, atomically. */
export function writeKeyFile(path: string, key: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'w' });
  renameSync(tmp, path);
}

export function generateKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function masterKeySource(options: MasterKeyOptions): MasterKeySource {
  let cached: Buffer | null = null;
  const generatedFile = !options.key && !options.keyFile && !options.ephemeral ? join(options.dataDir, 'vault.key') : null;
  const describe = options.key ? 'CRIER_VAULT_KEY' : options.keyFile ? `CRIER_VAULT_KEY_FILE (${options.keyFile})` : options.ephemeral ? 'a per-process key (in-memory database)' : `the generated demo key file ${generatedFile}`;

  function loadNow(): Buffer {
    if (options.key) return parseKey(Buffer.from(options.key, 'utf8'), 'CRIER_VAULT_KEY');
    if (options.keyFile) return readKeyFile(options.keyFile);
    if (options.ephemeral) return generateKey();
    const path = generatedFile!;
    try {
      return parseKey(readFileSync(path), path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e instanceof VaultKeyError ? e : VaultKeyError.unavailable(`the vault key file ${path} cannot be read`);
    }
    const key = generateKey();
    mkdirSync(dirname(path), { recursive: true });
    try {
      // 'wx': two processes starting at once do not each write a different key.
      writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return parseKey(readFileSync(path), path);
      throw VaultKeyError.unavailable(`the vault key file ${path} cannot be written`);
    }
    options.onGenerated?.(path);
    return key;
  }

  return {
    describe,
    generatedFile,
    async load() {
      cached ??= loadNow();
      return cached;
    },
    async fingerprint() {
      cached ??= loadNow();
      return keyFingerprint(cached);
    },
    replace(newKey: Buffer) {
      if (generatedFile) writeKeyFile(generatedFile, newKey);
      cached = Buffer.from(newKey);
    },
  };
}
