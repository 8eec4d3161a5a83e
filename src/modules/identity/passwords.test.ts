import { describe, expect, it } from 'vitest';
import { burnPasswordCheck, checkNewPassword, COMMON_PASSWORDS, hashPassword, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('a long enough passphrase');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'a long enough passphrase')).toBe(true);
    expect(await verifyPassword(h, 'another passphrase here')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    await burnPasswordCheck('anything');
  });

  it('refuses short passwords and explains why', () => {
    expect(() => checkNewPassword('short')).toThrow(/at least 12 characters: length/);
  });

  it('refuses common passwords and trivial patterns, explaining why', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(100);
    expect(() => checkNewPassword('Password1234')).toThrow(/most commonly used/);
    expect(() => checkNewPassword('abcabcabcabc')).toThrow(/pattern repeated/);
    expect(() => checkNewPassword('aaaaaaaaaaaaaaaa')).toThrow(/pattern repeated/);
    expect(() => checkNewPassword('jsmith-is-my-name', { email: 'jsmith@carsonca.gov' })).toThrow(/email/);
  });

  it('names the field', () => {
    try {
      checkNewPassword('short', {}, 'newPassword');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'invalid_input', fields: [{ path: 'newPassword' }] });
    }
  });

  it('accepts a long passphrase', () => {
    expect(() => checkNewPassword('correct-cable-lantern-87')).not.toThrow();
  });
});
