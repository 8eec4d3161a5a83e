import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { actorId } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { conflict, notFound } from '../../kernel/errors.ts';
import { C } from './clauses.ts';
import type { VaultDeps } from './deps.ts';
import { vaultPolicy } from './policy.ts';
import { rotationTaskQuery, scheduleRotationsFor, toRotationTask, type RotationCause, type RotationTask } from './rotation.ts';
import type { Executor } from '../../db/index.ts';

export type RotationTaskView = RotationTask & { abilities: Record<string, boolean> };

/** Rotation tasks: listed for IT, completed by IT or the City Manager (or by new credentials, see submit). */
export function createTasks(deps: VaultDeps) {
  const { db, clock, audit } = deps;

  const view = (actor: Actor, t: RotationTask): RotationTaskView => ({
    ...t,
    abilities: { 'rotation.complete': vaultPolicy['rotation.complete'](actor, null).allow && t.status === 'open' },
  });

  async function listRotationTasks(actor: Actor, filter: { status?: 'open' | 'done'; platformId?: string } = {}): Promise<RotationTaskView[]> {
    authorize(vaultPolicy, actor, 'rotation.list', null);
    let q = rotationTaskQuery(db).orderBy('t.due_at').orderBy('t.id').limit(500);
    if (filter.status) q = q.where('t.status', '=', filter.status);
    if (filter.platformId) q = q.where('t.platform_id', '=', filter.platformId);
    const now = clock.now();
    return (await q.execute()).map((r) => view(actor, toRotationTask(r, now)));
  }

  async function completeRotationTask(actor: Actor, taskId: string, input: { note?: string | null } = {}): Promise<RotationTaskView> {
    authorize(vaultPolicy, actor, 'rotation.complete', null);
    return db.transaction().execute(async (tx) => {
      const before = await rotationTaskQuery(tx).where('t.id', '=', taskId).executeTakeFirst();
      if (!before) throw notFound('Rotation task', taskId);
      if (before.status !== 'open') throw conflict('This rotation task is already done');
      const now = toIso(clock.now());
      const note = input.note?.trim() || null;
      await tx.updateTable('credential_rotation_tasks').set({ status: 'done', completed_at: now, completed_by: actorId(actor), completion_note: note }).where('id', '=', taskId).execute();
      const after = toRotationTask({ ...before, status: 'done', completed_at: now, completed_by: actorId(actor), completion_note: note }, clock.now());
      await audit.record(tx, actor, {
        action: 'vault.rotation_completed',
        targetType: 'platform',
        targetId: before.platform_id,
        targetLabel: before.platform_name,
        before: { taskId, status: 'open', personId: before.person_id, trigger: before.trigger, dueAt: before.due_at },
        after: { taskId, status: 'done' },
        clauses: [C.itHolds, C.passwordsShared],
        reason: note,
      });
      return view(actor, after);
    });
  }

  /** The same as the standalone scheduleRotationsFor, with this service's clock. */
  async function scheduleRotations(tx: Executor, personId: string, cause: Omit<RotationCause, 'at'>) {
    return scheduleRotationsFor(tx, personId, { ...cause, at: clock.now() });
  }

  return { listRotationTasks, completeRotationTask, scheduleRotations };
}
