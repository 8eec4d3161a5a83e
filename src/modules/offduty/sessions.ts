import { authorize } from '../../authz/index.ts';
import type { Executor, Row } from '../../db/index.ts';
import { systemActor, type Actor, type PersonActor } from '../../kernel/actor.ts';
import { toIso, toJson } from '../../kernel/codec.ts';
import { conflict, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { isBusinessTime } from '../../policy/index.ts';
import { C, citeIn } from './clauses.ts';
import type { OffdutyDeps } from './deps.ts';
import { cityStamp, notifySupervisors, violationClauses } from './notices.ts';
import { offdutyPolicy } from './policy.ts';
import { coveringPreauth, entryQuery, openSessionOf, toEntry, type TimeEntry } from './repo.ts';
import { isStale, minutesBetween, overDeMinimis, type EntryFlag, type SessionTimes } from './rules.ts';

type SessionRow = Row<'offduty_sessions'>;

const times = (s: SessionRow): SessionTimes => ({ startedAt: s.started_at, lastActivityAt: s.last_activity_at, openedBy: s.opened_by as SessionTimes['openedBy'] });

/**
 * Off-duty sessions (IV.C.15(e)(i)(A)–(C)): opened by the employee or by Crier when it sees a
 * posting action off duty, closed by the employee or by the idle / end-of-day rule, and always
 * turned into an append-only time entry. Nothing here ever deletes a session or an entry.
 */
export function createSessions(deps: OffdutyDeps) {
  const { db, clock, pack, audit } = deps;
  const cite = (...ids: string[]) => citeIn(pack, ...ids);

  /** Ends a session and appends its time entry; flags it and tells the supervisor when the policy was not met. */
  async function closeSession(tx: Executor, actor: Actor, s: SessionRow, endedAt: string, endedBy: 'manual' | 'idle' | 'end_of_day'): Promise<TimeEntry> {
    const end = endedAt < s.started_at ? s.started_at : endedAt;
    const preauthId = await coveringPreauth(tx, s.person_id, s.started_at, end);
    const violation = !preauthId && overDeMinimis(pack, s.started_at, end);
    const flags: EntryFlag[] = [...(violation ? (['violation'] as const) : []), ...(endedBy !== 'manual' ? (['auto_closed'] as const) : [])];
    await tx.updateTable('offduty_sessions').set({ ended_at: end, ended_by: endedBy }).where('id', '=', s.id).execute();
    const entryId = newId();
    const minutes = minutesBetween(s.started_at, end);
    await tx
      .insertInto('offduty_entries')
      .values({
        id: entryId,
        person_id: s.person_id,
        department_id: s.department_id,
        session_id: s.id,
        corrects_id: null,
        started_at: s.started_at,
        ended_at: end,
        minutes,
        preauth_id: preauthId,
        flags: toJson(flags),
        note: s.note,
        recorded_at: toIso(clock.now()),
        recorded_by: actor.kind === 'person' ? actor.personId : 'system',
      })
      .execute();
    const entry = toEntry((await entryQuery(tx).where('e.id', '=', entryId).executeTakeFirstOrThrow()) as never);
    await audit.record(tx, actor, {
      action: 'offduty.entry_logged',
      targetType: 'person',
      targetId: s.person_id,
      targetLabel: entry.personName,
      after: { entryId, sessionId: s.id, startedAt: s.started_at, endedAt: end, minutes, preauthId, flags, endedBy },
      clauses: cite(C.logged, C.neverUnlogged, ...(violation ? [C.preAuthorized] : [])),
    });
    if (violation && !s.violation_notified_at) {
      await notifySupervisors(deps, tx, s.person_id, {
        kind: 'offduty.violation',
        subject: `${entry.personName} worked ${minutes} minutes off duty without pre-authorization`,
        body: `Off-duty session ${cityStamp(deps, s.started_at)} – ${cityStamp(deps, end)} (${minutes} min) had no approved pre-authorization covering it.`,
        relatedType: 'offduty_entry',
        relatedId: entryId,
        clauses: violationClauses,
      });
    }
    if (endedBy !== 'manual' && s.opened_by === 'manual') {
      await deps.notifications.notify(tx, {
        audience: 'person',
        personId: s.person_id,
        kind: 'offduty.not_ended',
        subject: 'Your off-duty session was not ended',
        body: `The session you started ${cityStamp(deps, s.started_at)} was closed at its last recorded activity (${minutes} min). If you worked longer, file a correction with the real end time.`,
        relatedType: 'offduty_entry',
        relatedId: entryId,
        clauses: cite(C.logged, C.neverUnlogged),
      });
    }
    return entry;
  }

  /** Closes the person's open session if it is no longer current at `at` (never drops it). Returns the session still open, if any. */
  async function settle(tx: Executor, actor: Actor, personId: string, at: Date): Promise<SessionRow | undefined> {
    const open = await openSessionOf(tx, personId);
    if (open && isStale(pack, times(open), at)) {
      await closeSession(tx, actor, open, open.last_activity_at, open.opened_by === 'manual' ? 'end_of_day' : 'idle');
      return undefined;
    }
    return open;
  }

  async function departmentOf(tx: Executor, personId: string): Promise<string | null> {
    return (await tx.selectFrom('persons').select('department_id').where('id', '=', personId).executeTakeFirst())?.department_id ?? null;
  }

  async function openSession(tx: Executor, actor: PersonActor, at: Date, openedBy: 'manual' | 'activity', note: string | null): Promise<SessionRow> {
    const row: SessionRow = {
      id: newId(),
      person_id: actor.personId,
      department_id: await departmentOf(tx, actor.personId),
      started_at: toIso(at),
      last_activity_at: toIso(at),
      ended_at: null,
      opened_by: openedBy,
      ended_by: null,
      activity_count: 0,
      note,
      violation_notified_at: null,
    };
    await tx.insertInto('offduty_sessions').values(row).execute();
    await audit.record(tx, actor, {
      action: 'offduty.session_started',
      targetType: 'person',
      targetId: actor.personId,
      targetLabel: actor.name,
      after: { sessionId: row.id, startedAt: row.started_at, openedBy },
      clauses: cite(C.logged, C.neverUnlogged),
    });
    return row;
  }

  /** A live session past the threshold without cover: flag it once and tell the supervisor now, not only at its end. */
  async function flagIfOver(tx: Executor, s: SessionRow, at: Date): Promise<void> {
    if (s.violation_notified_at || !overDeMinimis(pack, s.started_at, at)) return;
    if (await coveringPreauth(tx, s.person_id, s.started_at, toIso(at))) return;
    await tx.updateTable('offduty_sessions').set({ violation_notified_at: toIso(at) }).where('id', '=', s.id).execute();
    const name = (await tx.selectFrom('persons').select('name').where('id', '=', s.person_id).executeTakeFirst())?.name ?? s.person_id;
    await notifySupervisors(deps, tx, s.person_id, {
      kind: 'offduty.violation',
      subject: `${name} is working off duty past ${pack.businessHours.deMinimisOffDutyMinutes} minutes without pre-authorization`,
      body: `Off-duty session since ${cityStamp(deps, s.started_at)}, still open at ${cityStamp(deps, at)}, has no approved pre-authorization.`,
      relatedType: 'offduty_session',
      relatedId: s.id,
      clauses: violationClauses,
    });
  }

  /** Contract for the posts module: refuses once the current off-duty session has run past the threshold without cover. */
  async function assertMayWork(executor: Executor, actor: PersonActor, at: Date): Promise<void> {
    if (isBusinessTime(pack, at)) return;
    const open = await openSessionOf(executor, actor.personId);
    if (!open || isStale(pack, times(open), at)) return;
    if (!overDeMinimis(pack, open.started_at, at)) return;
    if (await coveringPreauth(executor, actor.personId, open.started_at, toIso(at))) return;
    const minutes = minutesBetween(open.started_at, at);
    throw policyRefusal(
      `Your off-duty session began ${cityStamp(deps, open.started_at)} and has run ${minutes} minutes, more than the ${pack.businessHours.deMinimisOffDutyMinutes} allowed without pre-authorization: ask your supervisor to approve off-duty work first`,
      cite(C.offDuty, C.preAuthorized, C.logged, C.neverUnlogged),
    );
  }

  /** Contract for the posts module: logs an off-duty activity in the caller's transaction (opens or extends the session). */
  async function noteActivity(executor: Executor, actor: PersonActor, at: Date, what: string): Promise<void> {
    // On duty: nothing to log as off-duty time.
    if (isBusinessTime(pack, at)) return;
    let open = await settle(executor, actor, actor.personId, at);
    open ??= await openSession(executor, actor, at, 'activity', null);
    const last = open.last_activity_at > toIso(at) ? open.last_activity_at : toIso(at);
    await executor.updateTable('offduty_sessions').set({ last_activity_at: last, activity_count: open.activity_count + 1 }).where('id', '=', open.id).execute();
    await executor.insertInto('offduty_activities').values({ id: newId(), session_id: open.id, person_id: actor.personId, at: toIso(at), what: what.slice(0, 500) }).execute();
    await flagIfOver(executor, open, at);
  }

  async function startSession(actor: Actor, input: { note?: string | null } = {}) {
    authorize(offdutyPolicy, actor, 'session.start', { personId: actor.kind === 'person' ? actor.personId : '' });
    const person = actor as PersonActor;
    const now = clock.now();
    if (isBusinessTime(pack, now)) throw policyRefusal('It is business hours: you are on duty now, so there is no off-duty session to start', cite(C.businessHours, C.offDuty));
    return db.transaction().execute(async (tx) => {
      const open = await settle(tx, actor, person.personId, now);
      if (open) {
        if (open.opened_by === 'manual') throw conflict(`You already have an off-duty session open since ${cityStamp(deps, open.started_at)}`);
        // Crier opened it from a posting action; the employee now takes it over and will end it.
        await tx.updateTable('offduty_sessions').set({ opened_by: 'manual', note: input.note?.trim() || open.note }).where('id', '=', open.id).execute();
        return { sessionId: open.id, startedAt: open.started_at };
      }
      const s = await openSession(tx, person, now, 'manual', input.note?.trim() || null);
      return { sessionId: s.id, startedAt: s.started_at };
    });
  }

  async function endSession(actor: Actor): Promise<TimeEntry> {
    authorize(offdutyPolicy, actor, 'session.end', { personId: actor.kind === 'person' ? actor.personId : '' });
    const person = actor as PersonActor;
    const now = clock.now();
    return db.transaction().execute(async (tx) => {
      const open = await openSessionOf(tx, person.personId);
      if (!open) throw conflict('You have no open off-duty session');
      if (isStale(pack, times(open), now)) return closeSession(tx, actor, open, open.last_activity_at, open.opened_by === 'manual' ? 'end_of_day' : 'idle');
      return closeSession(tx, actor, open, toIso(now), 'manual');
    });
  }

  /** For the job scheduler: closes every open session that is no longer current, as the system. Returns how many. */
  async function sweep(now: Date = clock.now()): Promise<number> {
    const system = systemActor('offduty');
    authorize(offdutyPolicy, system, 'session.sweep', null);
    const open = await db.selectFrom('offduty_sessions').selectAll().where('ended_at', 'is', null).execute();
    let closed = 0;
    for (const s of open) {
      if (!isStale(pack, times(s), now)) continue;
      await db.transaction().execute(async (tx) => {
        const fresh = await tx.selectFrom('offduty_sessions').selectAll().where('id', '=', s.id).where('ended_at', 'is', null).executeTakeFirst();
        if (!fresh) return;
        await closeSession(tx, system, fresh, fresh.last_activity_at, fresh.opened_by === 'manual' ? 'end_of_day' : 'idle');
        closed++;
      });
    }
    return closed;
  }

  return { assertMayWork, noteActivity, startSession, endSession, sweep };
}
