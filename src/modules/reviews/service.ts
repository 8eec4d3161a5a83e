import { authorize } from '../../authz/index.ts';
import type { Executor } from '../../db/index.ts';
import { systemActor, type Actor } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { conflict, invalidInput, notFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { hasClause, localDate } from '../../policy/index.ts';
import { C } from './clauses.ts';
import type { ReviewsDeps } from './deps.ts';
import { owns, reviewAbilities, reviewsPolicy, seesAll } from './policy.ts';
import { ownerDirectory, taskQuery, toTask, type ReviewTask } from './repo.ts';
import { dueOn, periodOf, REVIEW_KIND_IDS, REVIEW_KINDS } from './schedule.ts';

export type ReviewTaskView = ReviewTask & { abilities: Record<string, boolean> };

export interface ReviewFilter {
  /** Only the tasks the actor owns. */
  mine?: boolean;
  /** 'overdue' = open and past due. */
  status?: 'open' | 'done' | 'cancelled' | 'overdue';
  platformId?: string;
}

export interface CompleteInput {
  outcome: 'ok' | 'action_needed';
  findings: string;
  notes?: string | null;
}

/**
 * Recurring reviews (SPEC §2): content currency of each active platform (IV.C.15(f)(iii)) and the
 * advertisements and hyperlinks on it that the City does not control (IV.D.2). One task per
 * platform, kind and period, owned by the platform's department head (the Public Information
 * Analyst for City platforms), due on the period's last business day.
 */
export function createReviewsService(deps: ReviewsDeps) {
  const { db, clock, pack, audit } = deps;
  const cite = (...ids: string[]) => ids.filter((id) => hasClause(pack, id));
  const today = () => localDate(pack, clock.now());

  /** Creates the tasks due for the period containing `now` (idempotent) and cancels open tasks of platforms no longer active. Returns how many were created. */
  async function tick(now: Date = clock.now()): Promise<number> {
    const system = systemActor('reviews');
    authorize(reviewsPolicy, system, 'review.schedule', null);
    const date = localDate(pack, now);
    const platforms = await db.selectFrom('platforms').select(['id', 'name', 'department_id']).where('status', '=', 'active').orderBy('name').execute();
    let created = 0;
    for (const p of platforms) {
      for (const kind of REVIEW_KIND_IDS) {
        const period = periodOf(kind, date);
        created += await db.transaction().execute(async (tx) => {
          const exists = await tx.selectFrom('review_tasks').select('id').where('platform_id', '=', p.id).where('kind', '=', kind).where('period', '=', period.key).executeTakeFirst();
          if (exists) return 0;
          const owner = p.department_id ? { role: 'department_head', departmentId: p.department_id } : { role: 'public_information_analyst', departmentId: null };
          const id = newId();
          const due = dueOn(pack, period);
          const r = await tx
            .insertInto('review_tasks')
            .values({ id, platform_id: p.id, kind, period: period.key, due_on: due, owner_role: owner.role, owner_department_id: owner.departmentId, status: 'open', created_at: toIso(now), completed_at: null, completed_by: null, outcome: null, findings: null, notes: null, cancelled_reason: null })
            .onConflict((oc) => oc.columns(['platform_id', 'kind', 'period']).doNothing())
            .executeTakeFirst();
          if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return 0;
          await audit.record(tx, system, { action: 'review.scheduled', targetType: 'platform', targetId: p.id, targetLabel: p.name, after: { taskId: id, kind, period: period.key, dueOn: due, owner }, clauses: cite(REVIEW_KINDS[kind].clause) });
          await notifyOwner(tx, owner, { subject: `${REVIEW_KINDS[kind].label} of ${p.name} due ${due}`, body: `Period ${period.key}. Record your findings in Crier when done.`, taskId: id, clause: REVIEW_KINDS[kind].clause });
          return 1;
        });
      }
    }
    await cancelInactive(system, now);
    return created;
  }

  async function notifyOwner(tx: Executor, owner: { role: string; departmentId: string | null }, n: { subject: string; body: string; taskId: string; clause: string }) {
    const base = { kind: 'review.due', subject: n.subject, body: n.body, relatedType: 'review_task', relatedId: n.taskId, clauses: cite(n.clause) };
    if (owner.role !== 'department_head') return void (await deps.notifications.notify(tx, { ...base, audience: 'role', role: owner.role }));
    const heads = await tx.selectFrom('role_assignments').select('person_id').distinct().where('role', '=', 'department_head').where('department_id', '=', owner.departmentId).where('revoked_at', 'is', null).execute();
    for (const h of heads) await deps.notifications.notify(tx, { ...base, audience: 'person', personId: h.person_id });
  }

  /** A terminated (or otherwise inactive) platform has nothing left to review: its open tasks are cancelled, kept, with the reason. */
  async function cancelInactive(system: Actor, now: Date) {
    const stale = await db.selectFrom('review_tasks as t').innerJoin('platforms as p', 'p.id', 't.platform_id').select(['t.id', 't.platform_id', 'p.name', 'p.status']).where('t.status', '=', 'open').where('p.status', '!=', 'active').execute();
    for (const t of stale) {
      await db.transaction().execute(async (tx) => {
        const reason = `Platform is ${t.status.replace('_', ' ')}`;
        const r = await tx.updateTable('review_tasks').set({ status: 'cancelled', cancelled_reason: reason, completed_at: toIso(now) }).where('id', '=', t.id).where('status', '=', 'open').executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) return;
        await audit.record(tx, system, { action: 'review.cancelled', targetType: 'platform', targetId: t.platform_id, targetLabel: t.name, after: { taskId: t.id, status: 'cancelled' }, reason, clauses: cite(C.currency, C.adsLinks) });
      });
    }
  }

  async function listReviews(actor: Actor, filter: ReviewFilter = {}): Promise<ReviewTaskView[]> {
    authorize(reviewsPolicy, actor, 'review.list', null);
    const d = today();
    let q = taskQuery(db).orderBy('t.due_on').orderBy('p.name').orderBy('t.kind').limit(1000);
    if (filter.platformId) q = q.where('t.platform_id', '=', filter.platformId);
    if (filter.status === 'overdue') q = q.where('t.status', '=', 'open').where('t.due_on', '<', d);
    else if (filter.status) q = q.where('t.status', '=', filter.status);
    const owners = await ownerDirectory(db, d);
    const all = seesAll(actor);
    return (await q.execute())
      .filter((r) => {
        const owner = { role: r.owner_role, departmentId: r.owner_department_id };
        if (filter.mine) return owns(actor, owner);
        return all || owns(actor, owner);
      })
      .map((r) => {
        const t = toTask(r, d, owners);
        return { ...t, abilities: { 'review.complete': t.status === 'open' && reviewAbilities(actor, { departmentId: t.departmentId })['review.complete'] === true } };
      });
  }

  async function completeReview(actor: Actor, id: string, input: CompleteInput): Promise<ReviewTaskView> {
    return db.transaction().execute(async (tx) => {
      const r = await taskQuery(tx).where('t.id', '=', id).executeTakeFirst();
      if (!r) throw notFound('Review task', id);
      authorize(reviewsPolicy, actor, 'review.complete', { departmentId: r.owner_department_id });
      if (r.status !== 'open') throw conflict(`This review is already ${r.status}`);
      const findings = input.findings.trim();
      if (findings.length < 5) throw invalidInput('findings', 'say what was reviewed and found (at least 5 characters)');
      const notes = input.notes?.trim() || null;
      const now = toIso(clock.now());
      const by = actor.kind === 'person' ? actor.personId : null;
      await tx.updateTable('review_tasks').set({ status: 'done', completed_at: now, completed_by: by, outcome: input.outcome, findings, notes }).where('id', '=', id).execute();
      const kind = REVIEW_KINDS[r.kind as keyof typeof REVIEW_KINDS];
      await audit.record(tx, actor, {
        action: 'review.completed',
        targetType: 'platform',
        targetId: r.platform_id,
        targetLabel: r.platform_name,
        before: { taskId: id, status: 'open' },
        after: { taskId: id, status: 'done', kind: r.kind, period: r.period, outcome: input.outcome, findings },
        clauses: cite(kind.clause),
        reason: notes,
      });
      // IV.D.2: what the City does not control may call for cancelling its participation — the City Manager decides.
      if (input.outcome === 'action_needed' && r.kind === 'ads_links') {
        await deps.notifications.notify(tx, {
          audience: 'role',
          role: 'city_manager',
          kind: 'review.action_needed',
          subject: `Ads or outside links on ${r.platform_name} need attention`,
          body: findings,
          relatedType: 'review_task',
          relatedId: id,
          clauses: cite(C.adsLinks),
        });
      }
      const after = await taskQuery(tx).where('t.id', '=', id).executeTakeFirstOrThrow();
      const t = toTask(after, today(), await ownerDirectory(tx, today()));
      return { ...t, abilities: { 'review.complete': false } };
    });
  }

  return { tick, listReviews, completeReview };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
