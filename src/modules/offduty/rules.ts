import { localParts, nextBusinessTime, zonedTimeToInstant, type PolicyPack } from '../../policy/index.ts';

/**
 * Pure rules of the off-duty time log. Instants are UTC, so lengths are right across DST changes;
 * "end of day" is the City's local midnight, from the pack's time zone.
 */

/**
 * An automatically opened session (Crier saw a posting action off duty) ends when no activity
 * follows for this long: the next activity after the gap starts a new session. A module constant
 * because the pack schema has no setting for it; 30 minutes keeps one evening's work in one session.
 */
export const IDLE_GAP_MINUTES = 30;

/** Longest window one pre-authorization may cover (a long weekend or an event week). */
export const MAX_PREAUTH_DAYS = 14;

const MINUTE = 60_000;

/** The pack's de minimis threshold in ms ("greater than five minutes" in Carson's). */
export const deMinimisMs = (pack: PolicyPack): number => pack.businessHours.deMinimisOffDutyMinutes * MINUTE;

/** Minutes worked, rounded up (labor time is never rounded against the employee); any work counts at least one. */
export function minutesBetween(start: string | Date, end: string | Date): number {
  const ms = new Date(end).getTime() - new Date(start).getTime();
  return Math.max(1, Math.ceil(ms / MINUTE));
}

/** The City's local midnight that ends the day an instant falls on (DST-correct). */
export function endOfCityDay(pack: PolicyPack, instant: Date): Date {
  const p = localParts(pack.jurisdiction.timeZone, instant);
  return zonedTimeToInstant(pack.jurisdiction.timeZone, p.year, p.month, p.day + 1, 0, 0);
}

export interface SessionTimes {
  startedAt: string;
  lastActivityAt: string;
  openedBy: 'manual' | 'activity';
}

/**
 * When an open session stops counting as current:
 * - one opened by activity: after the idle gap;
 * - one the employee started: at the end of the City day, or when business hours begin (on duty
 *   again), whichever comes first.
 * A session past this instant is closed by the next activity, end or sweep, and flagged.
 */
export function staleAt(pack: PolicyPack, s: SessionTimes): Date {
  if (s.openedBy === 'activity') return new Date(Date.parse(s.lastActivityAt) + IDLE_GAP_MINUTES * MINUTE);
  const started = new Date(s.startedAt);
  const eod = endOfCityDay(pack, started);
  const onDuty = nextBusinessTime(pack, new Date(started.getTime() + 1));
  return onDuty < eod ? onDuty : eod;
}

export const isStale = (pack: PolicyPack, s: SessionTimes, at: Date): boolean => at.getTime() >= staleAt(pack, s).getTime();

/** Over the de minimis threshold (strictly greater, as the policy says). */
export const overDeMinimis = (pack: PolicyPack, start: string | Date, end: string | Date): boolean =>
  new Date(end).getTime() - new Date(start).getTime() > deMinimisMs(pack);

/** Flags an entry can carry (shown in the log and the payroll export). */
export const FLAG_LABELS = {
  /** IV.C.15(e)(i)(A): over the threshold without a covering pre-authorization. */
  violation: 'over de minimis without pre-authorization',
  /** IV.C.15(e)(i)(C): nobody ended it; closed by the idle or end-of-day rule. */
  auto_closed: 'not ended: closed automatically',
  /** A correction of an earlier entry. */
  correction: 'correction',
} as const;
export type EntryFlag = keyof typeof FLAG_LABELS;
