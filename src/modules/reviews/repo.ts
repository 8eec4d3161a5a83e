import type { Executor, Row } from '../../db/index.ts';
import { ROLE_LABELS, type Role } from '../../kernel/actor.ts';
import { REVIEW_KINDS, type ReviewKind } from './schedule.ts';

export interface ReviewTask {
  id: string;
  platformId: string;
  platformName: string;
  platformType: string;
  departmentId: string | null;
  departmentName: string | null;
  kind: ReviewKind;
  kindLabel: string;
  /** The clause this review is held under. */
  clause: string;
  period: string;
  dueOn: string;
  overdue: boolean;
  ownerRole: string;
  ownerLabel: string;
  /** Who holds the owner role today. */
  ownerNames: string[];
  status: 'open' | 'done' | 'cancelled';
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
  completedByName: string | null;
  outcome: 'ok' | 'action_needed' | null;
  findings: string | null;
  notes: string | null;
  cancelledReason: string | null;
}

export type TaskRow = Row<'review_tasks'> & { platform_name: string; platform_type: string; department_name: string | null; completer_name: string | null };

export function taskQuery(executor: Executor) {
  return executor
    .selectFrom('review_tasks as t')
    .innerJoin('platforms as p', 'p.id', 't.platform_id')
    .leftJoin('departments as d', 'd.id', 'p.department_id')
    .leftJoin('persons as c', 'c.id', 't.completed_by')
    .selectAll('t')
    .select(['p.name as platform_name', 'p.type as platform_type', 'd.name as department_name', 'c.name as completer_name']);
}

/** Today's holders of the owner roles: department heads by department, and the Public Information Analysts. */
export async function ownerDirectory(executor: Executor, today: string): Promise<(role: string, departmentId: string | null) => string[]> {
  const rows = await executor
    .selectFrom('role_assignments as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .select(['r.role', 'r.department_id', 'p.name'])
    .where('r.role', 'in', ['department_head', 'public_information_analyst'])
    .where('r.revoked_at', 'is', null)
    .where('r.designee_of', 'is', null)
    .where('p.status', '=', 'active')
    .where((eb) => eb.or([eb('r.starts_on', 'is', null), eb('r.starts_on', '<=', today)]))
    .where((eb) => eb.or([eb('r.ends_on', 'is', null), eb('r.ends_on', '>=', today)]))
    .execute();
  return (role, departmentId) => [...new Set(rows.filter((r) => r.role === role && (role !== 'department_head' || r.department_id === departmentId)).map((r) => r.name))].sort();
}

export function toTask(r: TaskRow, today: string, owners: (role: string, departmentId: string | null) => string[]): ReviewTask {
  const kind = r.kind as ReviewKind;
  const role = r.owner_role as Role;
  return {
    id: r.id,
    platformId: r.platform_id,
    platformName: r.platform_name,
    platformType: r.platform_type,
    departmentId: r.owner_department_id,
    departmentName: r.department_name,
    kind,
    kindLabel: REVIEW_KINDS[kind]?.label ?? kind,
    clause: REVIEW_KINDS[kind]?.clause ?? '',
    period: r.period,
    dueOn: r.due_on,
    overdue: r.status === 'open' && r.due_on < today,
    ownerRole: r.owner_role,
    ownerLabel: `${ROLE_LABELS[role] ?? r.owner_role}${r.department_name && role === 'department_head' ? ` (${r.department_name})` : ''}`,
    ownerNames: owners(r.owner_role, r.owner_department_id),
    status: r.status as ReviewTask['status'],
    createdAt: r.created_at,
    completedAt: r.completed_at,
    completedBy: r.completed_by,
    completedByName: r.completer_name,
    outcome: r.outcome as ReviewTask['outcome'],
    findings: r.findings,
    notes: r.notes,
    cancelledReason: r.cancelled_reason,
  };
}
