import { describe, expect, it } from 'vitest';
import { breachedMatch, stemOf } from './breached.ts';
import { checkPassword, contextWords, MIN_LENGTH } from './strength.ts';

describe('password complexity', () => {
  it('[IV.C.15(i)(i)] refuses a short password and says why, without repeating it', async () => {
    const v = await checkPassword('Xq7#kP2!');
    expect(v.ok).toBe(false);
    expect(v.problems.join(' ')).toContain(`at least ${MIN_LENGTH} are required`);
    expect(v.problems.join(' ')).not.toContain('Xq7#kP2!');
  });

  it('[IV.C.15(i)(i)] refuses known-breached patterns however decorated', async () => {
    for (const p of ['P@ssw0rd2026!', 'Summer2025!!!!', 'Welcome1Carson', 'qwertyuiop123', 'L3tMe1n!!2026']) {
      const v = await checkPassword(p);
      expect(v.ok, p).toBe(false);
      expect(v.problems.join(' '), p).toMatch(/breached passwords|estimated strength/);
    }
    expect(breachedMatch('P@ssw0rd2026!')).toBe('password');
    expect(stemOf('Summer2025!')).toBe('summer');
    expect(breachedMatch('welcomecarson')).toBe('welcome');
  }, 30_000);

  it('[IV.C.15(i)(i)] refuses a long password that zxcvbn estimates guessable, and one built on the platform name', async () => {
    const low = await checkPassword('aaaaaaaaaaaaaaaaaaaa');
    expect(low.ok).toBe(false);
    expect(low.problems.join(' ')).toMatch(/estimated strength is [0-2] of 4/);
    const named = await checkPassword('CarsonPublicWorks#1', contextWords(['Carson Public Works on Bluesky', 'carsonpw.bsky.social']));
    expect(named.ok).toBe(false);
    expect(named.problems.join(' ')).toMatch(/associate with this account|estimated strength/);
  }, 30_000);

  it('[IV.C.15(i)(i)] accepts a long passphrase and a generated password', async () => {
    expect((await checkPassword('glacier tundra ukulele paprika 42')).ok).toBe(true);
    expect((await checkPassword('hX9$kq2!Lm#v7Pz@w')).ok).toBe(true);
  }, 30_000);
});
