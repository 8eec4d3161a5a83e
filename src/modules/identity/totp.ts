import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/**
 * TOTP (RFC 6238) with the settings every authenticator app understands: SHA-1, 6 digits,
 * 30-second steps. A code is accepted one step either side of now (clock drift), and never again
 * once used: the step of the last accepted code is kept and only later steps pass (anti-replay).
 */
const PERIOD = 30;
const TOLERANCE_SECONDS = 30;

export interface Enrollment {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export async function newEnrollment(issuer: string, label: string): Promise<Enrollment> {
  const secret = generateSecret();
  const otpauthUrl = generateURI({ issuer, label, secret });
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { secret, otpauthUrl, qrDataUrl };
}

/** Returns the time step the code belongs to, or null when it is wrong, outside the window, or already used. */
export async function checkCode(secret: string, code: string, now: Date, lastStep: number | null): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const r = await verify({
      secret,
      token,
      period: PERIOD,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOLERANCE_SECONDS,
      ...(lastStep != null ? { afterTimeStep: lastStep } : {}),
    });
    return r.valid && 'timeStep' in r ? r.timeStep : null;
  } catch {
    return null;
  }
}

/** The current code (for tests and the CLI's self-check). */
export const codeAt = (secret: string, at: Date): Promise<string> => generate({ secret, period: PERIOD, epoch: Math.floor(at.getTime() / 1000) });
