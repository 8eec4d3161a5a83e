// Business time in the City's time zone, with its holidays (IV.C.15(e) in Carson's pack).
// Wall-clock parts come from Intl.DateTimeFormat, so DST follows the tz database. Pure.
import { minutesOf, WEEKDAYS, type PolicyPack, type Weekday } from './types.ts';
import { DAY_MS, localParts, zonedTimeToInstant } from './zone.ts';

export { localParts, wallTime, zonedTimeToInstant, type LocalParts } from './zone.ts';

/** The City's calendar date of an instant, 'YYYY-MM-DD'. */
export function localDate(pack: PolicyPack, instant: Date): string {
  const p = localParts(pack.jurisdiction.timeZone, instant);
  return ymd(p.year, p.month, p.day);
}

/** The holiday on a City calendar date ('YYYY-MM-DD') or at an instant, if any. */
export function holidayOn(pack: PolicyPack, dateOrInstant: string | Date): { date: string; name: string } | undefined {
  const date = typeof dateOrInstant === 'string' ? dateOrInstant : localDate(pack, dateOrInstant);
  return pack.holidays.find((h) => h.date === date);
}

/** Inside the configured weekly hours, on a day that is not a holiday, in the City's zone. */
export function isBusinessTime(pack: PolicyPack, instant: Date): boolean {
  const p = localParts(pack.jurisdiction.timeZone, instant);
  if (holidayOn(pack, ymd(p.year, p.month, p.day))) return false;
  const minute = p.hour * 60 + p.minute + p.second / 60;
  return pack.businessHours.weekly[p.weekday].some((iv) => minute >= minutesOf(iv.start) && minute < minutesOf(iv.end));
}

/**
 * The instant itself if it is business time, else the start of the next business interval.
 * Throws if the schedule has no business time within two years (e.g. every day closed).
 */
export function nextBusinessTime(pack: PolicyPack, instant: Date): Date {
  if (isBusinessTime(pack, instant)) return new Date(instant.getTime());
  const tz = pack.jurisdiction.timeZone;
  const start = localParts(tz, instant);
  const startDay = Date.UTC(start.year, start.month - 1, start.day);
  for (let i = 0; i <= 731; i++) {
    const d = new Date(startDay + i * DAY_MS);
    const date = ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    if (holidayOn(pack, date)) continue;
    const weekday = WEEKDAYS[(d.getUTCDay() + 6) % 7] as Weekday;
    const starts = pack.businessHours.weekly[weekday].map((iv) => minutesOf(iv.start)).sort((a, b) => a - b);
    for (const m of starts) {
      const t = zonedTimeToInstant(tz, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), Math.floor(m / 60), m % 60);
      if (t.getTime() > instant.getTime()) return t;
    }
  }
  throw new Error(`policy pack "${pack.id}": no business time within two years of ${instant.toISOString()}`);
}

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
