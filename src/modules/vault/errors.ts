import { AppError } from '../../kernel/errors.ts';

/**
 * The vault cannot open its secrets with the master key it was given. Never carries key bytes or
 * secrets: only fingerprints and row ids. Answered as 503 'unavailable' over HTTP.
 */
export class VaultKeyError extends AppError {
  readonly expectedFingerprint: string | null;
  constructor(message: string, expectedFingerprint: string | null) {
    super('unavailable', message);
    this.name = 'VaultKeyError';
    this.expectedFingerprint = expectedFingerprint;
  }

  static mismatch(expected: string, actual: string): VaultKeyError {
    return new VaultKeyError(
      `the vault key does not match: the secrets were encrypted with key ${expected}, but this server holds key ${actual} (check CRIER_VAULT_KEY_FILE / CRIER_VAULT_KEY)`,
      expected,
    );
  }

  static corrupt(secretId: string): VaultKeyError {
    return new VaultKeyError(`secret ${secretId} does not decrypt with the vault key although the key fingerprint matches: the stored ciphertext was altered or damaged`, null);
  }

  static unavailable(message: string): VaultKeyError {
    return new VaultKeyError(message, null);
  }
}
