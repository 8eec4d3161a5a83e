import { isBusinessTime, localParts, nextBusinessTime, zonedTimeToInstant, type PolicyPack } from '../policy/index.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Granularity of the check that a stretch of time is all business time (pack hours are in minutes; 5 is plenty). */
const PROBE = 5 * MINUTE;

/** True when every moment from `start` for `span` ms is business time (IV.C.15(e)). */
function businessThroughout(pack: PolicyPack, start: Date, span: number): boolean {
  for (let t = start.getTime(); t <= start.getTime() + span; t += PROBE) {
    if (!isBusinessTime(pack, new Date(t))) return false;
  }
  return true;
}

/**
 * When the demo's posting workflow is dated: the opening of the first business interval, from the
 * City day a week (or more) before `now`, that holds the whole `span` and ends before `now`. Staff
 * may only work on posts in business hours (IV.C.15(e)); starting at an opening rather than "a
 * week ago to the minute" keeps a seed run late in the afternoon from walking past closing time.
 */
export function demoWorkStart(pack: PolicyPack, now: Date, span: number): Date {
  const tz = pack.jurisdiction.timeZone;
  for (const weeksBack of [1, 2, 3, 4]) {
    const day = localParts(tz, new Date(now.getTime() - weeksBack * 7 * DAY));
    let t = nextBusinessTime(pack, zonedTimeToInstant(tz, day.year, day.month, day.day, 0, 0));
    while (t.getTime() + span <= now.getTime()) {
      if (businessThroughout(pack, t, span)) return t;
      // This interval is too short: skip past its end to the next opening.
      let end = t.getTime();
      while (isBusinessTime(pack, new Date(end))) end += PROBE;
      t = nextBusinessTime(pack, new Date(end));
    }
  }
  throw new Error(`policy pack "${pack.id}": no business interval of ${Math.ceil(span / MINUTE)} minutes in the four weeks before ${now.toISOString()} to date the demo posts in`);
}
