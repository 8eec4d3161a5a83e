import type { Executor, Row } from '../../db/index.ts';
import { fromJson, toIso } from '../../kernel/codec.ts';
import { newId } from '../../kernel/ids.ts';

/**
 * When a person with access leaves or loses it, every platform they could reach owes a password
 * rotation (IV.C.15(i)(ii), IV.A.14). Called by the module whose change causes it, inside that
 * change's transaction (so the tasks exist exactly when the change does; that change's audit
 * event covers them): people (access suspended / revoked) and platforms (administrator removed).
 */
export interface RotationCause {
  /** What happened, e.g. 'access.revoked', 'platform.admin_removed'. */
  trigger: string;
  reason: string;
  at: Date;
  /** Only these platforms (e.g. the one an administrator was removed from); default: every platform the person could reach. */
  platformIds?: string[];
}

export interface RotationTask {
  id: string;
  platformId: string;
  platformName: string | null;
  personId: string | null;
  personName: string | null;
  trigger: string;
  reason: string;
  status: 'open' | 'done';
  dueAt: string;
  overdue: boolean;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
  completionNote: string | null;
}

/** Days to rotate, by what happened: a revocation is the most urgent. */
export const ROTATION_DUE_DAYS: Record<string, number> = { 'access.revoked': 1, 'access.suspended': 2 };
export const DEFAULT_ROTATION_DUE_DAYS = 3;

const CLOSED_PLATFORM_STATUSES = ['terminated', 'rejected'];

/**
 * The platforms whose credentials the person could know: those they administer (IV.C.12) or are
 * designated for (IV.C.5), their department's as its head (they provide its passwords, IV.C.2),
 * every platform as City Manager or IT Manager (IV.C.13, designees included), and any whose
 * credentials they submitted or had revealed to them.
 */
export async function reachablePlatforms(tx: Executor, personId: string): Promise<string[]> {
  const ids = new Set<string>();
  const admin = await tx.selectFrom('platform_admins').select('platform_id').where('person_id', '=', personId).where('status', '=', 'active').execute();
  admin.forEach((r) => ids.add(r.platform_id));
  const designations = await tx.selectFrom('designations').select('platform_ids').where('person_id', '=', personId).where('revoked_at', 'is', null).execute();
  for (const d of designations) for (const id of fromJson<string[]>(d.platform_ids) ?? []) ids.add(id);
  const grants = await tx.selectFrom('role_assignments').select(['role', 'department_id']).where('person_id', '=', personId).where('revoked_at', 'is', null).execute();
  const everything = grants.some((g) => g.role === 'city_manager' || g.role === 'it_manager');
  const headed = grants.filter((g) => g.role === 'department_head' && g.department_id).map((g) => g.department_id!);
  const submitted = await tx.selectFrom('credential_secrets').select('platform_id').distinct().where('submitted_by', '=', personId).execute();
  submitted.forEach((r) => ids.add(r.platform_id));
  const revealed = await tx.selectFrom('credential_reveals').select('platform_id').distinct().where('person_id', '=', personId).execute();
  revealed.forEach((r) => ids.add(r.platform_id));

  let q = tx.selectFrom('platforms').select('id').where('status', 'not in', CLOSED_PLATFORM_STATUSES);
  if (!everything) {
    const known = [...ids];
    if (!known.length && !headed.length) return [];
    q = q.where((eb) => eb.or([...(known.length ? [eb('id', 'in', known)] : []), ...(headed.length ? [eb('department_id', 'in', headed)] : [])]));
  }
  return (await q.orderBy('id').execute()).map((r) => r.id);
}

/**
 * Opens one rotation task per platform the person could reach (or per given platform), unless
 * one is already open for that platform and person. Returns the tasks opened.
 */
export async function scheduleRotationsFor(tx: Executor, personId: string, cause: RotationCause): Promise<{ id: string; platformId: string; dueAt: string }[]> {
  let platformIds = cause.platformIds ?? (await reachablePlatforms(tx, personId));
  if (cause.platformIds?.length) {
    const open = await tx.selectFrom('platforms').select('id').where('id', 'in', cause.platformIds).where('status', 'not in', CLOSED_PLATFORM_STATUSES).execute();
    platformIds = open.map((r) => r.id);
  }
  if (!platformIds.length) return [];
  const existing = await tx.selectFrom('credential_rotation_tasks').select('platform_id').where('person_id', '=', personId).where('status', '=', 'open').where('platform_id', 'in', platformIds).execute();
  const skip = new Set(existing.map((r) => r.platform_id));
  const days = ROTATION_DUE_DAYS[cause.trigger] ?? DEFAULT_ROTATION_DUE_DAYS;
  const dueAt = toIso(new Date(cause.at.getTime() + days * 86_400_000));
  const created: { id: string; platformId: string; dueAt: string }[] = [];
  for (const platformId of platformIds) {
    if (skip.has(platformId)) continue;
    const id = newId();
    await tx
      .insertInto('credential_rotation_tasks')
      .values({
        id,
        platform_id: platformId,
        person_id: personId,
        trigger: cause.trigger,
        reason: cause.reason.slice(0, 2000),
        status: 'open',
        due_at: dueAt,
        created_at: toIso(cause.at),
        completed_at: null,
        completed_by: null,
        completion_note: null,
      })
      .execute();
    created.push({ id, platformId, dueAt });
  }
  return created;
}

export function toRotationTask(r: Row<'credential_rotation_tasks'> & { platform_name: string | null; person_name: string | null }, now: Date): RotationTask {
  return {
    id: r.id,
    platformId: r.platform_id,
    platformName: r.platform_name,
    personId: r.person_id,
    personName: r.person_name,
    trigger: r.trigger,
    reason: r.reason,
    status: r.status as 'open' | 'done',
    dueAt: r.due_at,
    overdue: r.status === 'open' && r.due_at < toIso(now),
    createdAt: r.created_at,
    completedAt: r.completed_at,
    completedBy: r.completed_by,
    completionNote: r.completion_note,
  };
}

export function rotationTaskQuery(executor: Executor) {
  return executor
    .selectFrom('credential_rotation_tasks as t')
    .leftJoin('platforms as p', 'p.id', 't.platform_id')
    .leftJoin('persons as s', 's.id', 't.person_id')
    .selectAll('t')
    .select(['p.name as platform_name', 's.name as person_name']);
}
