import type { Clock } from '../../src/kernel/clock.ts';
import { defaultPackDir, isBusinessTime, loadPackFromDir, nextBusinessTime, type PolicyPack } from '../../src/policy/index.ts';

/** Real time, shifted: runs at real speed (sessions, TOTP steps and leases behave) from another moment. */
export class OffsetClock implements Clock {
  constructor(readonly offsetMs: number) {}
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/**
 * A clock inside the City's business hours (IV.C.15(e)) for `minutes` from now: the real clock
 * when it already is, else real time moved forward to mid-morning of the next business day.
 * For browser tests that walk posting steps, which the server refuses outside business hours.
 */
export function businessHoursClock(minutes = 30, pack: PolicyPack = loadPackFromDir(defaultPackDir())): OffsetClock {
  const span = minutes * 60_000;
  const fits = (t: Date) => isBusinessTime(pack, t) && isBusinessTime(pack, new Date(t.getTime() + span));
  const now = new Date();
  let start = now;
  for (let i = 0; i < 20 && !fits(start); i++) start = new Date(nextBusinessTime(pack, new Date(start.getTime() + span)).getTime() + 2 * 3_600_000);
  if (!fits(start)) throw new Error(`no ${minutes}-minute stretch of business hours found after ${now.toISOString()}`);
  return new OffsetClock(start.getTime() - now.getTime());
}
