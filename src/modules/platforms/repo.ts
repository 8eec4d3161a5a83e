import type { DialectName, Executor, Row } from '../../db/index.ts';
import { fromFlag, fromJson } from '../../kernel/codec.ts';
import { notFound } from '../../kernel/errors.ts';
import { EMPTY_PROFILE, type Platform, type PlatformAdmin, type PlatformProfile, type PlatformStatus, type ThirdPartyApp, type AppStatus } from './types.ts';

type PlatformRow = Row<'platforms'> & { department_name: string | null };

export function toPlatform(r: PlatformRow): Platform {
  const status = r.status as PlatformStatus;
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    departmentId: r.department_id,
    departmentName: r.department_name,
    handle: r.handle,
    url: r.url,
    domain: r.domain,
    purpose: r.purpose,
    status,
    usable: status === 'active',
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    itReviewedBy: r.it_reviewed_by,
    itReviewedAt: r.it_reviewed_at,
    itReviewNotes: r.it_review_notes,
    councilApprovedOn: r.council_approved_on,
    councilAgendaItem: r.council_agenda_item,
    activatedBy: r.activated_by,
    activatedAt: r.activated_at,
    terminatedBy: r.terminated_by,
    terminatedAt: r.terminated_at,
    terminationReason: r.termination_reason,
    commentsEnabled: fromFlag(r.comments_enabled),
    commentsAuthorizedBy: r.comments_authorized_by,
    commentsAuthorizedAt: r.comments_authorized_at,
    profile: { ...EMPTY_PROFILE, ...(fromJson<Partial<PlatformProfile>>(r.profile) ?? {}) },
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    template: r.template,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function platformQuery(db: Executor) {
  return db
    .selectFrom('platforms as p')
    .leftJoin('departments as d', 'd.id', 'p.department_id')
    .selectAll('p')
    .select('d.name as department_name');
}

/** The platform, locked for the rest of the transaction on PostgreSQL (SQLite serialises writers). */
export async function loadPlatform(db: Executor, dialect: DialectName, id: string, lock = false): Promise<Platform> {
  if (lock && dialect === 'postgres') await db.selectFrom('platforms').select('id').where('id', '=', id).forUpdate().execute();
  const row = await platformQuery(db).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Platform', id);
  return toPlatform(row);
}

export async function listPlatforms(db: Executor, filter: { status?: string; departmentId?: string | null }): Promise<Platform[]> {
  let q = platformQuery(db).orderBy('p.name').orderBy('p.id');
  if (filter.status) q = q.where('p.status', '=', filter.status);
  if (filter.departmentId === null) q = q.where('p.department_id', 'is', null);
  else if (filter.departmentId) q = q.where('p.department_id', '=', filter.departmentId);
  return (await q.execute()).map(toPlatform);
}

type AdminRow = Row<'platform_admins'> & { person_name: string | null };

export function toAdmin(r: AdminRow): PlatformAdmin {
  return {
    id: r.id,
    platformId: r.platform_id,
    personId: r.person_id,
    personName: r.person_name,
    platformUserId: r.platform_user_id,
    status: r.status as PlatformAdmin['status'],
    implicit: false,
    role: null,
    designeeOf: null,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    cmApprovedBy: r.cm_approved_by,
    cmApprovedAt: r.cm_approved_at,
    itApprovedBy: r.it_approved_by,
    itApprovedAt: r.it_approved_at,
    removedBy: r.removed_by,
    removedAt: r.removed_at,
  };
}

export async function listAdmins(db: Executor, platformIds: string[], options: { includeRemoved?: boolean } = {}): Promise<PlatformAdmin[]> {
  if (platformIds.length === 0) return [];
  let q = db
    .selectFrom('platform_admins as a')
    .leftJoin('persons as p', 'p.id', 'a.person_id')
    .selectAll('a')
    .select('p.name as person_name')
    .where('a.platform_id', 'in', platformIds)
    .orderBy('a.requested_at')
    .orderBy('a.id');
  if (!options.includeRemoved) q = q.where('a.status', '!=', 'removed');
  return (await q.execute()).map(toAdmin);
}

export async function loadAdmin(db: Executor, platformId: string, adminId: string): Promise<PlatformAdmin> {
  const row = await db
    .selectFrom('platform_admins as a')
    .leftJoin('persons as p', 'p.id', 'a.person_id')
    .selectAll('a')
    .select('p.name as person_name')
    .where('a.id', '=', adminId)
    .where('a.platform_id', '=', platformId)
    .executeTakeFirst();
  if (!row) throw notFound('Administrator', adminId);
  return toAdmin(row);
}

/** Current holders of the City Manager and IT Manager roles (designees included): implicit admins (IV.C.13). */
export async function implicitAdmins(db: Executor, today: string): Promise<{ personId: string; name: string; role: string; designeeOf: string | null }[]> {
  const rows = await db
    .selectFrom('role_assignments as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .select(['r.person_id', 'p.name', 'r.role', 'r.designee_of'])
    .where('r.role', 'in', ['city_manager', 'it_manager'])
    .where('r.revoked_at', 'is', null)
    .where('p.status', '=', 'active')
    .where((eb) => eb.or([eb('r.starts_on', 'is', null), eb('r.starts_on', '<=', today)]))
    .where((eb) => eb.or([eb('r.ends_on', 'is', null), eb('r.ends_on', '>=', today)]))
    .orderBy('r.role')
    .orderBy('p.name')
    .execute();
  return rows.map((r) => ({ personId: r.person_id, name: r.name, role: r.role, designeeOf: r.designee_of }));
}

export function toApp(r: Row<'third_party_apps'>): ThirdPartyApp {
  return {
    id: r.id,
    platformId: r.platform_id,
    name: r.name,
    vendor: r.vendor,
    purpose: r.purpose,
    status: r.status as AppStatus,
    proposedBy: r.proposed_by,
    proposedAt: r.proposed_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    removedBy: r.removed_by,
    removedAt: r.removed_at,
    removalReason: r.removal_reason,
  };
}
