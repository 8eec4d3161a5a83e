import type { Executor, Row } from '../../db/index.ts';
import { fromJson } from '../../kernel/codec.ts';
import { notFound } from '../../kernel/errors.ts';
import type { Role } from '../../kernel/actor.ts';
import type {
  AccessAction,
  AccessActionKind,
  Acknowledgement,
  Department,
  Designation,
  Incident,
  LegislativeNotification,
  Person,
  PersonStatus,
  RoleAssignment,
  Training,
  TrainingKind,
} from './types.ts';

/** Row → view mappers and the few queries several parts of the module share. */

export const toDepartment = (r: Row<'departments'>): Department => ({
  id: r.id,
  name: r.name,
  code: r.code,
  kind: r.kind,
  createdAt: r.created_at,
  archivedAt: r.archived_at,
});

export const toPerson = (r: Row<'persons'>): Person => ({
  id: r.id,
  name: r.name,
  email: r.email,
  title: r.title,
  departmentId: r.department_id,
  status: r.status as PersonStatus,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toDesignation = (r: Row<'designations'>): Designation => ({
  id: r.id,
  personId: r.person_id,
  departmentId: r.department_id,
  platformIds: fromJson<string[]>(r.platform_ids) ?? [],
  designatedBy: r.designated_by,
  designatedAt: r.designated_at,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
});

export const toAcknowledgement = (r: Row<'acknowledgements'>): Acknowledgement => ({
  id: r.id,
  personId: r.person_id,
  policyVersionId: r.policy_version_id,
  printedName: r.printed_name,
  signature: r.signature,
  signedOn: r.signed_on,
  departmentAndTitle: r.department_and_title,
  textSha256: r.text_sha256,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
});

export const toTraining = (r: Row<'trainings'>): Training => ({
  id: r.id,
  personId: r.person_id,
  platformType: r.platform_type,
  kind: r.kind as TrainingKind,
  completedOn: r.completed_on,
  notes: r.notes,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
});

export const toNotification = (r: Row<'legislative_notifications'>): LegislativeNotification => ({
  id: r.id,
  personId: r.person_id,
  body: r.body,
  notifiedOn: r.notified_on,
  method: r.method,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
});

export const toIncident = (r: Row<'incidents'>): Incident => ({
  id: r.id,
  personId: r.person_id,
  occurredOn: r.occurred_on,
  description: r.description,
  clauses: fromJson<string[]>(r.clauses) ?? [],
  reportedBy: r.reported_by,
  createdAt: r.created_at,
});

export const toAccessAction = (r: Row<'access_actions'>): AccessAction => ({
  id: r.id,
  personId: r.person_id,
  action: r.action as AccessActionKind,
  reason: r.reason,
  incidentId: r.incident_id,
  actedBy: r.acted_by,
  actedAt: r.acted_at,
});

export async function personRow(db: Executor, id: string): Promise<Row<'persons'>> {
  const row = await db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Person', id);
  return row;
}

export async function departmentRow(db: Executor, id: string): Promise<Row<'departments'>> {
  const row = await db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Department', id);
  return row;
}

/** A grant is in force on `today` (City calendar date) when not revoked and inside its dates (inclusive). */
export function inForce(r: Pick<Row<'role_assignments'>, 'revoked_at' | 'starts_on' | 'ends_on'>, today: string): boolean {
  return r.revoked_at === null && (r.starts_on === null || r.starts_on <= today) && (r.ends_on === null || r.ends_on >= today);
}

/**
 * Role assignments of these people with `active` computed for `today`. A designee grant (II) is
 * active only while inside its dates and while the principal still holds the role themself.
 */
export async function assignmentsOf(db: Executor, personIds: string[], today: string): Promise<RoleAssignment[]> {
  if (personIds.length === 0) return [];
  const rows = await db.selectFrom('role_assignments').selectAll().where('person_id', 'in', personIds).orderBy('granted_at').execute();
  const principals = [...new Set(rows.map((r) => r.designee_of).filter((x): x is string => x !== null))];
  const principalRows = principals.length
    ? await db.selectFrom('role_assignments').selectAll().where('person_id', 'in', principals).where('designee_of', 'is', null).execute()
    : [];
  const principalStatus = principals.length
    ? new Map((await db.selectFrom('persons').select(['id', 'status']).where('id', 'in', principals).execute()).map((p) => [p.id, p.status]))
    : new Map<string, string>();
  return rows.map((r) => {
    let active = inForce(r, today);
    if (active && r.designee_of !== null) {
      active =
        principalStatus.get(r.designee_of) === 'active' &&
        principalRows.some((p) => p.person_id === r.designee_of && p.role === r.role && inForce(p, today));
    }
    return {
      id: r.id,
      personId: r.person_id,
      role: r.role as Role,
      departmentId: r.department_id,
      designeeOf: r.designee_of,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      grantedBy: r.granted_by,
      grantedAt: r.granted_at,
      revokedAt: r.revoked_at,
      revokedBy: r.revoked_by,
      active,
    };
  });
}

export async function activeDesignationsOf(db: Executor, personId: string): Promise<Designation[]> {
  const rows = await db.selectFrom('designations').selectAll().where('person_id', '=', personId).where('revoked_at', 'is', null).execute();
  return rows.map(toDesignation);
}

/** Read-only look at the platform registry's table (the platform's department decides who may designate, IV.C.5). */
export async function platformFacts(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('platforms').select(['id', 'name', 'type', 'department_id', 'status']).where('id', 'in', ids).execute();
}
