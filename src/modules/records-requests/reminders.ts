import { systemActor } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { hasClause, localDate } from '../../policy/index.ts';
import { addDays } from './dates.ts';
import type { RecordsRequestsDeps } from './deps.ts';

/** Days before a due date the owner hears about it; then once more the day after, when it is overdue. */
export const REMINDER_DAYS_BEFORE = [3, 1] as const;

/**
 * Reminders before each due date (the determination, then the estimated production date): the
 * owner (or the City Clerk's office while nobody owns the request) is told 3 days and 1 day
 * before, and once when overdue. Each stage is a row keyed by request, due kind, due date and
 * stage, so running the job again sends nothing twice; an extension gives the new date its own
 * reminders. When the job runs late, only the latest stage is sent (the others are marked).
 */
export function createReminders(deps: RecordsRequestsDeps) {
  const { db, clock, pack, audit } = deps;
  const clauses = ['IV.A.11'].filter((id) => hasClause(pack, id));

  async function tick(now: Date = clock.now()): Promise<number> {
    const today = localDate(pack, now);
    const system = systemActor('records-reminders');
    const rows = await db.selectFrom('records_requests').selectAll().where('status', 'in', ['open', 'determined']).execute();
    let sent = 0;
    for (const r of rows) {
      const kind = r.status === 'open' ? 'determination' : 'production';
      const due = r.status === 'open' ? r.due_on : r.estimated_production_on;
      if (!due) continue;
      const stages = [...REMINDER_DAYS_BEFORE.map((d) => ({ stage: String(d), from: addDays(due, -d) })), { stage: 'overdue', from: addDays(due, 1) }].filter((s) => today >= s.from);
      if (!stages.length) continue;
      sent += await db.transaction().execute(async (tx) => {
        let n = 0;
        for (const [i, s] of stages.entries()) {
          const latest = i === stages.length - 1;
          const inserted = await tx
            .insertInto('records_request_reminders')
            .values({ request_id: r.id, kind, due_on: due, stage: s.stage, sent_at: toIso(now), notified: latest ? 1 : 0 })
            .onConflict((oc) => oc.columns(['request_id', 'kind', 'due_on', 'stage']).doNothing())
            .returning('request_id')
            .executeTakeFirst();
          if (!inserted || !latest) continue;
          const what = kind === 'determination' ? 'determination' : 'production of records';
          const subject = s.stage === 'overdue' ? `OVERDUE: the ${what} for records request ${r.reference} was due ${due}` : `Records request ${r.reference}: ${what} due in ${s.stage} day${s.stage === '1' ? '' : 's'} (${due})`;
          await deps.notifications.notify(tx, {
            ...(r.owner_id ? { audience: 'person' as const, personId: r.owner_id } : { audience: 'role' as const, role: 'city_clerk' }),
            kind: `records_request.${s.stage === 'overdue' ? 'overdue' : 'due_soon'}`,
            subject,
            body: kind === 'determination' ? 'Gov. Code 7922.535: determine the request (or send the one extension notice, with a ground, before the date).' : 'Make the records available, or tell the requester the new estimated date.',
            relatedType: 'records_request',
            relatedId: r.id,
            clauses,
          });
          await audit.record(tx, system, { action: 'records_request.reminded', targetType: 'records_request', targetId: r.id, targetLabel: `Records request ${r.reference}`, after: { kind, dueOn: due, stage: s.stage }, clauses });
          n++;
        }
        return n;
      });
    }
    return sent;
  }

  return { tick };
}
