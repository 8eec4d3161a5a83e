import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { VaultKeyError } from './errors.ts';

/**
 * Envelope encryption (IV.C.15(i)(ii)): each secret has its own random 256-bit data key; the
 * secret is sealed with AES-256-GCM under that data key, and the data key is sealed with
 * AES-256-GCM under the master key. Both seals carry associated data binding them to their row,
 * so a ciphertext moved to another row does not open. The master key never reaches the database:
 * only its fingerprint does, so a wrong key is named as such instead of yielding garbage.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export interface Sealed {
  /** base64(iv | tag | ciphertext) of the secret under its data key. */
  ciphertext: string;
  /** base64(iv | tag | ciphertext) of the data key under the master key. */
  wrappedKey: string;
  keyFingerprint: string;
}

/** A short, stable name for a master key that reveals nothing useful about it. */
export function keyFingerprint(masterKey: Buffer): string {
  return createHash('sha256').update('crier-vault-key-fingerprint\0').update(masterKey).digest('hex').slice(0, 16);
}

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
}

/** Opens a seal; null when authentication fails (wrong key or altered bytes). */
function open(key: Buffer, sealed: string, aad: string): Buffer | null {
  const raw = Buffer.from(sealed, 'base64');
  if (raw.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

const dekAad = (secretId: string) => `crier-vault-dek\0${secretId}`;
const secretAad = (secretId: string, platformId: string, kind: string) => `crier-vault-secret\0${secretId}\0${platformId}\0${kind}`;

export interface SecretRef {
  id: string;
  platformId: string;
  kind: string;
}

export function encryptSecret(masterKey: Buffer, ref: SecretRef, value: string): Sealed {
  const dataKey = randomBytes(KEY_BYTES);
  const plain = Buffer.from(value, 'utf8');
  try {
    return {
      ciphertext: seal(dataKey, plain, secretAad(ref.id, ref.platformId, ref.kind)),
      wrappedKey: seal(masterKey, dataKey, dekAad(ref.id)),
      keyFingerprint: keyFingerprint(masterKey),
    };
  } finally {
    dataKey.fill(0);
    plain.fill(0);
  }
}

/** Unwraps the data key, or throws a VaultKeyError that names the key the secret needs. */
function unwrap(masterKey: Buffer, ref: SecretRef, sealed: { wrappedKey: string; keyFingerprint: string }): Buffer {
  const mine = keyFingerprint(masterKey);
  if (sealed.keyFingerprint !== mine) throw VaultKeyError.mismatch(sealed.keyFingerprint, mine);
  const dataKey = open(masterKey, sealed.wrappedKey, dekAad(ref.id));
  if (!dataKey) throw VaultKeyError.corrupt(ref.id);
  return dataKey;
}

export function decryptSecret(masterKey: Buffer, ref: SecretRef, sealed: Sealed): string {
  const dataKey = unwrap(masterKey, ref, sealed);
  try {
    const plain = open(dataKey, sealed.ciphertext, secretAad(ref.id, ref.platformId, ref.kind));
    if (!plain) throw VaultKeyError.corrupt(ref.id);
    const value = plain.toString('utf8');
    plain.fill(0);
    return value;
  } finally {
    dataKey.fill(0);
  }
}

/** Re-wraps a data key under a new master key (key rotation); the secret's own ciphertext is untouched. */
export function rewrap(oldKey: Buffer, newKey: Buffer, ref: SecretRef, sealed: { wrappedKey: string; keyFingerprint: string }): { wrappedKey: string; keyFingerprint: string } {
  const dataKey = unwrap(oldKey, ref, sealed);
  try {
    return { wrappedKey: seal(newKey, dataKey, dekAad(ref.id)), keyFingerprint: keyFingerprint(newKey) };
  } finally {
    dataKey.fill(0);
  }
}
