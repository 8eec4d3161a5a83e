import type { Executor, Row } from '../../db/index.ts';
import { fromJson } from '../../kernel/codec.ts';
import { notFound } from '../../kernel/errors.ts';
import type { EntryFlag } from './rules.ts';

export interface Preauth {
  id: string;
  personId: string;
  personName: string;
  departmentId: string | null;
  windowStart: string;
  windowEnd: string;
  reason: string;
  platformIds: string[];
  status: 'pending' | 'approved' | 'denied';
  requestedAt: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface TimeEntry {
  id: string;
  personId: string;
  personName: string;
  personEmail: string;
  departmentId: string | null;
  departmentName: string | null;
  sessionId: string;
  correctsId: string | null;
  /** Set when a later correction replaces this entry (it then no longer counts). */
  correctedBy: string | null;
  startedAt: string;
  endedAt: string;
  minutes: number;
  preauthId: string | null;
  flags: EntryFlag[];
  note: string | null;
  recordedAt: string;
  recordedBy: string;
}

export interface OpenSession {
  id: string;
  personId: string;
  personName: string;
  personEmail: string;
  departmentId: string | null;
  departmentName: string | null;
  startedAt: string;
  lastActivityAt: string;
  openedBy: 'manual' | 'activity';
  activityCount: number;
  preauthId: string | null;
  /** Minutes so far (to now). */
  minutesSoFar: number;
  /** Over the threshold without a covering pre-authorization. */
  violation: boolean;
}

type PreauthRow = Row<'offduty_preauths'> & { person_name: string; decider_name: string | null };

export function preauthQuery(executor: Executor) {
  return executor
    .selectFrom('offduty_preauths as a')
    .innerJoin('persons as p', 'p.id', 'a.person_id')
    .leftJoin('persons as d', 'd.id', 'a.decided_by')
    .selectAll('a')
    .select(['p.name as person_name', 'd.name as decider_name']);
}

export const toPreauth = (r: PreauthRow): Preauth => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  departmentId: r.department_id,
  windowStart: r.window_start,
  windowEnd: r.window_end,
  reason: r.reason,
  platformIds: fromJson<string[]>(r.platform_ids) ?? [],
  status: r.status as Preauth['status'],
  requestedAt: r.requested_at,
  decidedBy: r.decided_by,
  decidedByName: r.decider_name,
  decidedAt: r.decided_at,
  decisionNote: r.decision_note,
});

export async function loadPreauth(executor: Executor, id: string): Promise<Preauth> {
  const r = await preauthQuery(executor).where('a.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('Pre-authorization request', id);
  return toPreauth(r);
}

/** An approved pre-authorization of this person whose window holds [from, to], if any (the earliest approved). */
export async function coveringPreauth(executor: Executor, personId: string, from: string, to: string): Promise<string | null> {
  const r = await executor
    .selectFrom('offduty_preauths')
    .select('id')
    .where('person_id', '=', personId)
    .where('status', '=', 'approved')
    .where('window_start', '<=', from)
    .where('window_end', '>=', to)
    .orderBy('decided_at')
    .orderBy('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

export function entryQuery(executor: Executor) {
  return executor
    .selectFrom('offduty_entries as e')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .leftJoin('departments as d', 'd.id', 'e.department_id')
    .leftJoin('offduty_entries as c', 'c.corrects_id', 'e.id')
    .selectAll('e')
    .select(['p.name as person_name', 'p.email as person_email', 'd.name as department_name', 'c.id as corrected_by']);
}

type EntryRow = Row<'offduty_entries'> & { person_name: string; person_email: string; department_name: string | null; corrected_by: string | null };

export const toEntry = (r: EntryRow): TimeEntry => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  personEmail: r.person_email,
  departmentId: r.department_id,
  departmentName: r.department_name,
  sessionId: r.session_id,
  correctsId: r.corrects_id,
  correctedBy: r.corrected_by,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  minutes: Number(r.minutes),
  preauthId: r.preauth_id,
  flags: fromJson<EntryFlag[]>(r.flags) ?? [],
  note: r.note,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
});

/** The person's open session, if any (at most one: opening one closes any other first). */
export async function openSessionOf(executor: Executor, personId: string): Promise<Row<'offduty_sessions'> | undefined> {
  return executor.selectFrom('offduty_sessions').selectAll().where('person_id', '=', personId).where('ended_at', 'is', null).orderBy('started_at', 'desc').executeTakeFirst();
}

/**
 * Who supervises a person: the head(s) of their department, unless they head it themself, have no
 * department, or the department has no head in force — then the City Manager (as a role).
 */
export async function supervisorsOf(executor: Executor, personId: string, today: string): Promise<{ personIds: string[]; cityManager: boolean }> {
  const person = await executor.selectFrom('persons').select(['department_id']).where('id', '=', personId).executeTakeFirst();
  if (!person?.department_id) return { personIds: [], cityManager: true };
  const heads = await executor
    .selectFrom('role_assignments as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .select('r.person_id')
    .where('r.role', '=', 'department_head')
    .where('r.department_id', '=', person.department_id)
    .where('r.revoked_at', 'is', null)
    .where('p.status', '=', 'active')
    .where((eb) => eb.or([eb('r.starts_on', 'is', null), eb('r.starts_on', '<=', today)]))
    .where((eb) => eb.or([eb('r.ends_on', 'is', null), eb('r.ends_on', '>=', today)]))
    .execute();
  const ids = [...new Set(heads.map((h) => h.person_id))];
  if (ids.length === 0 || ids.includes(personId)) return { personIds: [], cityManager: true };
  return { personIds: ids.sort(), cityManager: false };
}
