import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, keyFingerprint, rewrap } from './crypto.ts';
import { VaultKeyError } from './errors.ts';
import { parseKey } from './keys.ts';

const ref = { id: 's1', platformId: 'p1', kind: 'password' };

describe('vault envelope encryption', () => {
  it('[IV.C.15(i)(ii)] seals a secret under its own data key, wrapped by the master key; nothing readable is stored', () => {
    const key = randomBytes(32);
    const sealed = encryptSecret(key, ref, 'Canary-Secret-9f3b');
    expect(sealed.ciphertext).not.toContain('Canary');
    expect(Buffer.from(sealed.ciphertext, 'base64').toString('latin1')).not.toContain('Canary');
    expect(sealed.keyFingerprint).toBe(keyFingerprint(key));
    expect(sealed.keyFingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(decryptSecret(key, ref, sealed)).toBe('Canary-Secret-9f3b');
    // Two seals of the same value differ (fresh data key and IV each time).
    expect(encryptSecret(key, ref, 'Canary-Secret-9f3b').ciphertext).not.toBe(sealed.ciphertext);
  });

  it('a wrong master key is named as such, with the fingerprint of the key the secrets need — never garbage', () => {
    const key = randomBytes(32);
    const other = randomBytes(32);
    const sealed = encryptSecret(key, ref, 'x');
    let err: unknown;
    try {
      decryptSecret(other, ref, sealed);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(VaultKeyError);
    expect((err as Error).message).toContain(`the vault key does not match: the secrets were encrypted with key ${keyFingerprint(key)}`);
    expect((err as Error).message).toContain(keyFingerprint(other));
  });

  it('altered ciphertext, or a ciphertext moved to another row, does not open', () => {
    const key = randomBytes(32);
    const sealed = encryptSecret(key, ref, 'value');
    const raw = Buffer.from(sealed.ciphertext, 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => decryptSecret(key, ref, { ...sealed, ciphertext: raw.toString('base64') })).toThrow(/altered or damaged/);
    expect(() => decryptSecret(key, { ...ref, id: 's2' }, sealed)).toThrow(/altered or damaged/);
    expect(() => decryptSecret(key, { ...ref, kind: 'api_token' }, sealed)).toThrow(/altered or damaged/);
  });

  it('rewrap moves the data key to a new master key; the old key then no longer opens it', () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const sealed = encryptSecret(oldKey, ref, 'rotate me');
    const next = { ...sealed, ...rewrap(oldKey, newKey, ref, sealed) };
    expect(next.ciphertext).toBe(sealed.ciphertext);
    expect(decryptSecret(newKey, ref, next)).toBe('rotate me');
    expect(() => decryptSecret(oldKey, ref, next)).toThrow(VaultKeyError);
  });

  it('key material is base64 of 32 bytes or 32 raw bytes; anything else is refused without echoing it', () => {
    const k = randomBytes(32);
    expect(parseKey(Buffer.from(`${k.toString('base64')}\n`), 'f').equals(k)).toBe(true);
    expect(parseKey(k, 'f').equals(k)).toBe(true);
    expect(() => parseKey(Buffer.from('not-a-key-SECRETISH'), 'f')).toThrow(/not a 32-byte key/);
    try {
      parseKey(Buffer.from('not-a-key-SECRETISH'), 'f');
    } catch (e) {
      expect((e as Error).message).not.toContain('SECRETISH');
    }
  });
});
