// Deadlines counted in City calendar days. A City calendar date is 'YYYY-MM-DD'; adding days to
// it is plain date arithmetic (no clock time), so DST changes cannot shift a deadline.
import type { PolicyPack } from '../../policy/index.ts';
import { localDate } from '../../policy/index.ts';
import { DETERMINATION_DAYS } from './statutes.ts';

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The determination due date: 10 calendar days after the City date of receipt (the day of
 * receipt is not counted). A due date on a weekend or holiday is kept, not moved later: the
 * earlier date is always safe, and moving it is the City Attorney's call, not the software's.
 */
export function determinationDue(pack: PolicyPack, receivedAt: Date): { receivedOn: string; dueOn: string } {
  const receivedOn = localDate(pack, receivedAt);
  return { receivedOn, dueOn: addDays(receivedOn, DETERMINATION_DAYS) };
}
