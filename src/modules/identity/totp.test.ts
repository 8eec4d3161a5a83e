import { describe, expect, it } from 'vitest';
import { checkCode, codeAt, newEnrollment } from './totp.ts';

describe('TOTP codes', () => {
  const t0 = new Date('2026-11-19T18:00:10Z');

  it('enrollment gives a base32 secret, an otpauth URL naming the issuer and account, and a QR image', async () => {
    const e = await newEnrollment('Crier (Carson)', 'cm@carsonca.gov');
    expect(e.secret).toMatch(/^[A-Z2-7]{26,}$/);
    expect(e.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*cm%40carsonca\.gov.*issuer=Crier/);
    expect(e.qrDataUrl.startsWith('data:image/png;base64,')).toBe(true);
  });

  it('accepts one 30-second step either side of now, and nothing further', async () => {
    const { secret } = await newEnrollment('Crier', 'x@carsonca.gov');
    const step = Math.floor(t0.getTime() / 30_000);
    expect(await checkCode(secret, await codeAt(secret, t0), t0, null)).toBe(step);
    expect(await checkCode(secret, await codeAt(secret, new Date(t0.getTime() - 30_000)), t0, null)).toBe(step - 1);
    expect(await checkCode(secret, await codeAt(secret, new Date(t0.getTime() + 30_000)), t0, null)).toBe(step + 1);
    expect(await checkCode(secret, await codeAt(secret, new Date(t0.getTime() - 90_000)), t0, null)).toBeNull();
  });

  it('refuses a code from a step already used (anti-replay), and malformed codes', async () => {
    const { secret } = await newEnrollment('Crier', 'x@carsonca.gov');
    const code = await codeAt(secret, t0);
    const step = await checkCode(secret, code, t0, null);
    expect(await checkCode(secret, code, t0, step)).toBeNull();
    expect(await checkCode(secret, 'abcdef', t0, null)).toBeNull();
    expect(await checkCode(secret, '12345', t0, null)).toBeNull();
    expect(await checkCode(secret, code.replace(/(\d{3})/, '$1 '), t0, null)).toBe(step);
  });
});
