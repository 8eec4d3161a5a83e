// Wall-clock time in a time zone, from Intl.DateTimeFormat (DST follows the tz database). Pure, and
// apart from the pack's schema (types only), so the screening bundle can read a City's calendar day
// without the pack parser (YAML and zod).
import type { Weekday } from './types.ts';

export interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  weekday: Weekday;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
export const DAY_MS = 86_400_000;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'long',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock parts of an instant in a time zone. */
export function localParts(timeZone: string, instant: Date): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: (parts.weekday ?? '').toLowerCase() as Weekday,
  };
}

/**
 * The instant a wall-clock time in `timeZone` denotes. Ambiguous times (the repeated hour when
 * clocks go back) resolve to the earlier instant; times skipped when clocks go forward resolve
 * as if the earlier offset still applied (02:30 on a spring-forward night → 03:30), like
 * Temporal's 'compatible' disambiguation.
 */
export function zonedTimeToInstant(timeZone: string, year: number, month: number, day: number, hour: number, minute: number): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = offsetMs(timeZone, new Date(wall - DAY_MS));
  const after = offsetMs(timeZone, new Date(wall + DAY_MS));
  const candidates = [...new Set([before, after])]
    .map((off) => wall - off)
    .filter((t) => offsetMs(timeZone, new Date(t)) === wall - t)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? wall - before);
}

/** Offset of the zone from UTC at an instant, in ms (local − UTC). */
function offsetMs(timeZone: string, instant: Date): number {
  const p = localParts(timeZone, instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A wall-clock time 'YYYY-MM-DDTHH:mm' (what a datetime-local field sends) read in `timeZone`: its
 * instant, and whether that time exists there (not the hour skipped when clocks go forward); null
 * when the value is not of that form.
 */
export function wallTime(timeZone: string, value: string): { at: Date; exists: boolean } | null {
  const wall = WALL.exec(value);
  if (!wall) return null;
  const [y, mo, d, h, mi] = wall.slice(1).map(Number) as [number, number, number, number, number];
  const at = zonedTimeToInstant(timeZone, y, mo, d, h, mi);
  const back = localParts(timeZone, at);
  return { at, exists: back.year === y && back.month === mo && back.day === d && back.hour === h && back.minute === mi };
}
