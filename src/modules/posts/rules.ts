import { invalidInput, policyRefusal } from '../../kernel/errors.ts';
import { emergencySystemFor, isBusinessTime, nextBusinessTime, wallTime, type PolicyPack } from '../../policy/index.ts';
import { C } from './clauses.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A schedule time: an instant with Z or an offset, or a City wall-clock time (what a
 * datetime-local field sends) read in the pack's time zone. A wall time that does not exist
 * (the hour skipped when clocks go forward) is refused rather than silently moved.
 */
export function parseScheduleTime(pack: PolicyPack, value: string, field = 'scheduledFor'): Date {
  const tz = pack.jurisdiction.timeZone;
  const wall = wallTime(tz, value);
  if (wall) {
    if (!wall.exists) throw invalidInput(field, `${value} does not exist in ${tz} (the clocks skip that hour for daylight saving time); choose another time`);
    return wall.at;
  }
  if (!INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalidInput(field, `"${value}" is not a date and time (use YYYY-MM-DDTHH:mm in City time, or an ISO instant with Z or an offset)`);
  }
  return new Date(value);
}

/** Why a post may go out (or be worked on) outside business hours, or null when it may not. */
export function hoursException(post: { emergency: boolean; directed: boolean }): 'emergency' | 'directed' | null {
  if (post.emergency) return 'emergency';
  if (post.directed) return 'directed';
  return null;
}

/** IV.C.15(e): refuse a posting action outside business hours unless it is an emergency or the City Manager directed it. */
export function assertBusinessHours(pack: PolicyPack, at: Date, post: { emergency: boolean; directed: boolean }, what: string): 'in_hours' | 'emergency' | 'directed' {
  if (isBusinessTime(pack, at)) return 'in_hours';
  const why = hoursException(post);
  if (why) return why;
  const next = nextBusinessTime(pack, at);
  throw policyRefusal(
    `${what} is outside the City's normal business hours; it can be done from ${next.toISOString()} (or as an emergency post, or when the City Manager directs it)`,
    [C.businessHours],
  );
}

/** IV.A.5: an emergency post cites its earlier release on the City website, Nixle or another listed system. */
export function checkEmergencyRelease(pack: PolicyPack, e: { releaseUrl: string; releasedAt: string }): { system: string; releasedAt: Date } {
  const system = emergencySystemFor(pack, e.releaseUrl);
  if (!system) {
    const names = (pack.jurisdiction.emergencySystems).map((s) => s.name).join(', ');
    throw policyRefusal(`Emergency information goes out first on ${names || "the City's emergency systems"}: ${e.releaseUrl} is not one of them`, [C.emergency]);
  }
  const releasedAt = parseScheduleTime(pack, e.releasedAt, 'emergency.releasedAt');
  return { system: system.name, releasedAt };
}
