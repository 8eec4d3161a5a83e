import type { Executor } from '../../db/index.ts';
import { localDate, localParts } from '../../policy/index.ts';
import { citeIn, C } from './clauses.ts';
import type { OffdutyDeps } from './deps.ts';
import { supervisorsOf } from './repo.ts';

/** "2026-11-19 21:05 PST": an instant as the City's wall clock, with the zone (DST shows). */
export function cityStamp(deps: Pick<OffdutyDeps, 'pack'>, iso: string | Date): string {
  const d = new Date(iso);
  const tz = deps.pack.jurisdiction.timeZone;
  const p = localParts(tz, d);
  const zone = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'short' }).formatToParts(d).find((x) => x.type === 'timeZoneName')?.value ?? tz;
  return `${localDate(deps.pack, d)} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')} ${zone}`;
}

/** Tells the employee's supervisor(s) (the City Manager for department heads) about an off-duty entry. */
export async function notifySupervisors(
  deps: OffdutyDeps,
  tx: Executor,
  personId: string,
  notice: { kind: string; subject: string; body: string; relatedType: string; relatedId: string; clauses: string[] },
): Promise<void> {
  const sup = await supervisorsOf(tx, personId, localDate(deps.pack, deps.clock.now()));
  const clauses = citeIn(deps.pack, ...notice.clauses);
  const base = { kind: notice.kind, subject: notice.subject, body: notice.body, relatedType: notice.relatedType, relatedId: notice.relatedId, clauses };
  if (sup.cityManager) await deps.notifications.notify(tx, { ...base, audience: 'role', role: 'city_manager' });
  for (const id of sup.personIds) await deps.notifications.notify(tx, { ...base, audience: 'person', personId: id });
}

export const violationClauses = [C.offDuty, C.preAuthorized];
