import { authorize } from '../../authz/index.ts';
import type { Executor } from '../../db/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { toIso, toJson, isCalendarDate } from '../../kernel/codec.ts';
import { conflict, invalidInput, notFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { zonedTimeToInstant } from '../../policy/index.ts';
import { addDays } from '../../kernel/time.ts';
import { C, citeIn } from './clauses.ts';
import { toCsv } from './csv.ts';
import type { OffdutyDeps } from './deps.ts';
import { cityStamp, notifySupervisors, violationClauses } from './notices.ts';
import { offdutyPolicy } from './policy.ts';
import { coveringPreauth, entryQuery, toEntry, type OpenSession, type TimeEntry } from './repo.ts';
import { FLAG_LABELS, minutesBetween, overDeMinimis, type EntryFlag } from './rules.ts';

export interface LogFilter {
  /** null or absent = every department (for those who may see all). */
  departmentId?: string | null;
  /** City calendar dates, inclusive. */
  from?: string | null;
  to?: string | null;
}

export interface CorrectionInput {
  startedAt: string;
  endedAt: string;
  reason: string;
}

/** The append-only log: reading it, correcting it (a new entry), and exporting it for payroll (IV.C.15(e)(i)(B)). */
export function createLog(deps: OffdutyDeps) {
  const { db, clock, pack, audit } = deps;
  const cite = (...ids: string[]) => citeIn(pack, ...ids);
  const tz = pack.jurisdiction.timeZone;

  const dayStart = (date: string, path: string): string => {
    if (!isCalendarDate(date)) throw invalidInput(path, 'expected a date as YYYY-MM-DD');
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return toIso(zonedTimeToInstant(tz, y, m, d, 0, 0));
  };

  async function openSessions(executor: Executor, where: { personId?: string; departmentId?: string | null }): Promise<OpenSession[]> {
    let q = executor
      .selectFrom('offduty_sessions as s')
      .innerJoin('persons as p', 'p.id', 's.person_id')
      .leftJoin('departments as d', 'd.id', 's.department_id')
      .selectAll('s')
      .select(['p.name as person_name', 'p.email as person_email', 'd.name as department_name'])
      .where('s.ended_at', 'is', null);
    if (where.personId) q = q.where('s.person_id', '=', where.personId);
    if (where.departmentId) q = q.where('s.department_id', '=', where.departmentId);
    const now = clock.now();
    const out: OpenSession[] = [];
    for (const s of await q.orderBy('s.started_at').execute()) {
      const preauthId = await coveringPreauth(executor, s.person_id, s.started_at, toIso(now));
      out.push({
        id: s.id,
        personId: s.person_id,
        personName: s.person_name,
        personEmail: s.person_email,
        departmentId: s.department_id,
        departmentName: s.department_name,
        startedAt: s.started_at,
        lastActivityAt: s.last_activity_at,
        openedBy: s.opened_by as OpenSession['openedBy'],
        activityCount: Number(s.activity_count),
        preauthId,
        minutesSoFar: minutesBetween(s.started_at, now),
        violation: !preauthId && overDeMinimis(pack, s.started_at, now),
      });
    }
    return out;
  }

  async function entries(executor: Executor, where: { personId?: string } & LogFilter): Promise<TimeEntry[]> {
    let q = entryQuery(executor).orderBy('e.started_at', 'desc').orderBy('e.recorded_at', 'desc').orderBy('e.id').limit(5000);
    if (where.personId) q = q.where('e.person_id', '=', where.personId);
    if (where.departmentId) q = q.where('e.department_id', '=', where.departmentId);
    if (where.from) q = q.where('e.started_at', '>=', dayStart(where.from, 'from'));
    if (where.to) q = q.where('e.started_at', '<', dayStart(addDays(where.to, 1), 'to'));
    return (await q.execute()).map((r) => toEntry(r as never));
  }

  async function myLog(actor: Actor) {
    const personId = actor.kind === 'person' ? actor.personId : '';
    authorize(offdutyPolicy, actor, 'log.own', { personId });
    const [open] = await openSessions(db, { personId });
    return { openSession: open ?? null, entries: await entries(db, { personId }), deMinimisMinutes: pack.businessHours.deMinimisOffDutyMinutes };
  }

  async function departmentLog(actor: Actor, filter: LogFilter = {}) {
    authorize(offdutyPolicy, actor, 'log.department', { departmentId: filter.departmentId ?? null });
    const all = await entries(db, filter);
    return { entries: all, openSessions: await openSessions(db, { departmentId: filter.departmentId ?? null }), totalMinutes: all.filter((e) => !e.correctedBy).reduce((n, e) => n + e.minutes, 0) };
  }

  /** A correction never edits: it appends an entry naming the one it replaces, with the reason. */
  async function correctEntry(actor: Actor, entryId: string, input: CorrectionInput): Promise<TimeEntry> {
    return db.transaction().execute(async (tx) => {
      const r = await entryQuery(tx).where('e.id', '=', entryId).executeTakeFirst();
      if (!r) throw notFound('Time entry', entryId);
      const old = toEntry(r as never);
      authorize(offdutyPolicy, actor, 'entry.correct', { personId: old.personId, departmentId: old.departmentId });
      if (old.correctedBy) throw conflict(`This entry was already corrected by entry ${old.correctedBy}: correct that one instead`);
      const start = new Date(input.startedAt);
      const end = new Date(input.endedAt);
      if (Number.isNaN(start.getTime())) throw invalidInput('startedAt', 'expected an ISO-8601 date-time');
      if (Number.isNaN(end.getTime())) throw invalidInput('endedAt', 'expected an ISO-8601 date-time');
      if (end <= start) throw invalidInput('endedAt', 'must be after startedAt');
      if (end > clock.now()) throw invalidInput('endedAt', 'cannot be in the future');
      if (end.getTime() - start.getTime() > 24 * 3_600_000) throw invalidInput('endedAt', 'one entry covers at most 24 hours');
      const reason = input.reason.trim();
      if (reason.length < 5) throw invalidInput('reason', 'say why the entry is corrected (at least 5 characters)');
      const preauthId = await coveringPreauth(tx, old.personId, toIso(start), toIso(end));
      const violation = !preauthId && overDeMinimis(pack, start, end);
      const flags: EntryFlag[] = ['correction', ...(violation ? (['violation'] as const) : [])];
      const id = newId();
      const minutes = minutesBetween(start, end);
      await tx
        .insertInto('offduty_entries')
        .values({
          id,
          person_id: old.personId,
          department_id: old.departmentId,
          session_id: old.sessionId,
          corrects_id: old.id,
          started_at: toIso(start),
          ended_at: toIso(end),
          minutes,
          preauth_id: preauthId,
          flags: toJson(flags),
          note: reason,
          recorded_at: toIso(clock.now()),
          recorded_by: actor.kind === 'person' ? actor.personId : 'system',
        })
        .execute();
      const entry = toEntry((await entryQuery(tx).where('e.id', '=', id).executeTakeFirstOrThrow()) as never);
      await audit.record(tx, actor, {
        action: 'offduty.entry_corrected',
        targetType: 'person',
        targetId: old.personId,
        targetLabel: old.personName,
        before: { entryId: old.id, startedAt: old.startedAt, endedAt: old.endedAt, minutes: old.minutes, flags: old.flags },
        after: { entryId: id, startedAt: entry.startedAt, endedAt: entry.endedAt, minutes, flags },
        clauses: cite(C.logged, C.neverUnlogged),
        reason,
      });
      if (violation && !old.flags.includes('violation')) {
        await notifySupervisors(deps, tx, old.personId, {
          kind: 'offduty.violation',
          subject: `${old.personName}'s corrected off-duty entry is ${minutes} minutes without pre-authorization`,
          body: `Corrected to ${cityStamp(deps, start)} – ${cityStamp(deps, end)}: ${reason}`,
          relatedType: 'offduty_entry',
          relatedId: id,
          clauses: violationClauses,
        });
      }
      return entry;
    });
  }

  /** The payroll export: every entry in force (corrections replace what they correct) and every session still open. */
  async function exportCsv(actor: Actor, filter: LogFilter = {}): Promise<{ filename: string; csv: string }> {
    authorize(offdutyPolicy, actor, 'log.export', { departmentId: filter.departmentId ?? null });
    const list = (await entries(db, filter)).filter((e) => !e.correctedBy).reverse();
    const open = await openSessions(db, { departmentId: filter.departmentId ?? null });
    const flagText = (flags: EntryFlag[]) => flags.map((f) => FLAG_LABELS[f]).join('; ');
    const header = ['Entry', 'Employee', 'Email', 'Department', 'Date', 'Start', 'End', 'Minutes', 'Pre-authorization', 'Flags', 'Corrects entry', 'Note', 'Start (UTC)', 'End (UTC)'];
    const rows = list.map((e) => [e.id, e.personName, e.personEmail, e.departmentName, cityStamp(deps, e.startedAt).slice(0, 10), cityStamp(deps, e.startedAt), cityStamp(deps, e.endedAt), e.minutes, e.preauthId ?? 'none', flagText(e.flags), e.correctsId, e.note, e.startedAt, e.endedAt]);
    for (const s of open) {
      rows.push([`session ${s.id}`, s.personName, s.personEmail, s.departmentName, cityStamp(deps, s.startedAt).slice(0, 10), cityStamp(deps, s.startedAt), null, s.minutesSoFar, s.preauthId ?? 'none', ['still open', ...(s.violation ? [FLAG_LABELS.violation] : [])].join('; '), null, null, s.startedAt, null]);
    }
    const scope = filter.departmentId ? filter.departmentId.slice(0, 8) : 'all';
    return { filename: `offduty-${scope}-${filter.from ?? 'start'}-${filter.to ?? 'now'}.csv`, csv: toCsv(header, rows) };
  }

  return { myLog, departmentLog, correctEntry, exportCsv };
}
