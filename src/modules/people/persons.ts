import { sql } from 'kysely';
import { authorize, can } from '../../authz/index.ts';
import type { Actor, PersonActor, Role, RoleGrant } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { conflict, invalidInput, notFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Executor } from '../../db/index.ts';
import type { PeopleInternals } from './internal.ts';
import { peoplePolicy, personAbilities } from './policy.ts';
import {
  activeDesignationsOf,
  assignmentsOf,
  platformFacts,
  personRow,
  toAccessAction,
  toAcknowledgement,
  toDesignation,
  toIncident,
  toNotification,
  toPerson,
  toTraining,
} from './repo.ts';
import type {
  AccessAction,
  Acknowledgement,
  Designation,
  Incident,
  LegislativeNotification,
  Person,
  PersonStatus,
  RoleAssignment,
  Training,
} from './types.ts';

export interface PersonInput {
  name: string;
  email: string;
  title?: string | null;
  departmentId?: string | null;
}

export type PersonPatch = Partial<PersonInput>;

export interface PersonFilter {
  departmentId?: string;
  status?: PersonStatus;
  role?: Role;
  /** Matches name or email. */
  q?: string;
  limit?: number;
  offset?: number;
}

export type ActiveGrant = RoleGrant;

export interface PersonSummary extends Person {
  departmentName: string | null;
  roles: ActiveGrant[];
}

export interface PersonDetail extends PersonSummary {
  roleAssignments: (RoleAssignment & { abilities: Record<string, boolean> })[];
  designations: (Designation & { active: boolean; abilities: Record<string, boolean> })[];
  acknowledgements: Acknowledgement[];
  trainings: Training[];
  incidents: Incident[];
  accessActions: AccessAction[];
  legislativeNotifications: LegislativeNotification[];
  abilities: Record<string, boolean>;
}

/** Roles that make someone staff: everything but a legislative body seat (II excludes members from "employee"). */
export const isStaffRole = (r: Role) => r !== 'legislative_member';

const normEmail = (e: string) => e.trim().toLowerCase();

export function personsPart(x: PeopleInternals) {
  const { db, clock, audit } = x;

  /**
   * The grants a person holds right now (City calendar): role assignments in force, plus one
   * `authorized_employee` grant per department they hold an active designation in (IV.C.5).
   * A suspended, revoked or departed person holds no staff role (IV.E).
   */
  async function activeGrants(tx: Executor, personId: string, status: string, departmentId: string | null): Promise<ActiveGrant[]> {
    const assignments = (await assignmentsOf(tx, [personId], x.today())).filter((a) => a.active);
    const grants: ActiveGrant[] = assignments.map((a) => ({ role: a.role, departmentId: a.departmentId, designeeOf: a.designeeOf }));
    const designations = await activeDesignationsOf(tx, personId);
    for (const d of designations) {
      if (d.departmentId !== departmentId) continue;
      if (!grants.some((g) => g.role === 'authorized_employee' && g.departmentId === d.departmentId)) {
        grants.push({ role: 'authorized_employee', departmentId: d.departmentId, designeeOf: null });
      }
    }
    const staffOk = status === 'active';
    const isMember = grants.some((g) => g.role === 'legislative_member');
    // A legislative body member is never staff (II, IV.B), whatever else was recorded.
    return grants.filter((g) => (isStaffRole(g.role) ? staffOk && !isMember : true));
  }

  async function actorFor(personId: string): Promise<PersonActor | null> {
    const row = await db.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirst();
    if (!row) return null;
    return { kind: 'person', personId: row.id, name: row.name, roles: await activeGrants(db, row.id, row.status, row.department_id) };
  }

  async function assertDepartmentOpen(tx: Executor, id: string | null | undefined, field: string) {
    if (id == null) return;
    const d = await tx.selectFrom('departments').select(['id', 'archived_at', 'name']).where('id', '=', id).executeTakeFirst();
    if (!d) throw invalidInput(field, `no department ${id}`);
    if (d.archived_at) throw invalidInput(field, `${d.name} is archived`);
  }

  async function createPerson(actor: Actor, input: PersonInput): Promise<Person> {
    authorize(peoplePolicy, actor, 'person.create', { id: '', departmentId: input.departmentId ?? null });
    const email = normEmail(input.email);
    return db.transaction().execute(async (tx) => {
      await assertDepartmentOpen(tx, input.departmentId, 'departmentId');
      if (await tx.selectFrom('persons').select('id').where('email', '=', email).executeTakeFirst()) throw conflict(`Someone already has the email ${email}`);
      const now = toIso(clock.now());
      const row = {
        id: newId(),
        name: input.name.trim(),
        email,
        title: input.title?.trim() || null,
        department_id: input.departmentId ?? null,
        status: 'active',
        created_at: now,
        updated_at: now,
      };
      await tx.insertInto('persons').values(row).execute();
      const person = toPerson(row);
      await audit.record(tx, actor, { action: 'person.created', targetType: 'person', targetId: row.id, targetLabel: row.name, after: person });
      return person;
    });
  }

  async function updatePerson(actor: Actor, id: string, patch: PersonPatch): Promise<Person> {
    return db.transaction().execute(async (tx) => {
      const row = await personRow(tx, id);
      authorize(peoplePolicy, actor, 'person.update', { id, departmentId: row.department_id });
      const changes: Partial<typeof row> = {};
      if (patch.name !== undefined) changes.name = patch.name.trim();
      if (patch.title !== undefined) changes.title = patch.title?.trim() || null;
      if (patch.email !== undefined && normEmail(patch.email) !== row.email) {
        authorize(peoplePolicy, actor, 'person.change_email', { id, departmentId: row.department_id });
        const email = normEmail(patch.email);
        const other = await tx.selectFrom('persons').select('id').where('email', '=', email).where('id', '<>', id).executeTakeFirst();
        if (other) throw conflict(`Someone already has the email ${email}`);
        changes.email = email;
      }
      if (patch.departmentId !== undefined && patch.departmentId !== row.department_id) {
        // Moving someone into a department is that department's business too.
        authorize(peoplePolicy, actor, 'person.update', { id, departmentId: patch.departmentId });
        await assertDepartmentOpen(tx, patch.departmentId, 'departmentId');
        changes.department_id = patch.departmentId;
      }
      const after = { ...row, ...changes, updated_at: toIso(clock.now()) };
      await tx
        .updateTable('persons')
        .set({ name: after.name, email: after.email, title: after.title, department_id: after.department_id, updated_at: after.updated_at })
        .where('id', '=', id)
        .execute();
      await audit.record(tx, actor, {
        action: 'person.updated',
        targetType: 'person',
        targetId: id,
        targetLabel: after.name,
        before: toPerson(row),
        after: toPerson(after),
      });
      return toPerson(after);
    });
  }

  /** Departments the actor may list: all (null) for oversight roles, else those they head. */
  function listScope(actor: Actor, departmentId: string | undefined): string[] | null {
    if (departmentId !== undefined) return [departmentId];
    if (can(peoplePolicy, actor, 'person.list', { departmentIds: null }).allow) return null;
    if (actor.kind === 'person') {
      const headed = actor.roles.filter((g) => g.role === 'department_head' && g.departmentId).map((g) => g.departmentId as string);
      if (headed.length) return [...new Set(headed)];
    }
    return null;
  }

  async function listPersons(actor: Actor, filter: PersonFilter = {}): Promise<PersonSummary[]> {
    const scope = listScope(actor, filter.departmentId);
    authorize(peoplePolicy, actor, 'person.list', { departmentIds: scope });
    let q = db.selectFrom('persons').selectAll().orderBy('name').orderBy('id');
    if (scope) q = q.where('department_id', 'in', scope);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.q) {
      const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, '')}%`;
      q = q.where((eb) => eb.or([eb(sql<string>`lower(name)`, 'like', like), eb(sql<string>`lower(email)`, 'like', like)]));
    }
    const rows = await q.execute();
    const today = x.today();
    const assignments = await assignmentsOf(db, rows.map((r) => r.id), today);
    const deptNames = new Map((await db.selectFrom('departments').select(['id', 'name']).execute()).map((d) => [d.id, d.name]));
    const designations = rows.length
      ? (await db.selectFrom('designations').selectAll().where('person_id', 'in', rows.map((r) => r.id)).where('revoked_at', 'is', null).execute()).map(toDesignation)
      : [];
    let out: PersonSummary[] = rows.map((r) => {
      const grants: ActiveGrant[] = assignments.filter((a) => a.personId === r.id && a.active).map((a) => ({ role: a.role, departmentId: a.departmentId, designeeOf: a.designeeOf }));
      for (const d of designations.filter((d) => d.personId === r.id && d.departmentId === r.department_id)) {
        if (!grants.some((g) => g.role === 'authorized_employee' && g.departmentId === d.departmentId)) grants.push({ role: 'authorized_employee', departmentId: d.departmentId, designeeOf: null });
      }
      const member = grants.some((g) => g.role === 'legislative_member');
      return { ...toPerson(r), departmentName: r.department_id ? (deptNames.get(r.department_id) ?? null) : null, roles: grants.filter((g) => !isStaffRole(g.role) || (r.status === 'active' && !member)) };
    });
    if (filter.role) out = out.filter((p) => p.roles.some((g) => g.role === filter.role));
    const offset = filter.offset ?? 0;
    return out.slice(offset, offset + Math.min(filter.limit ?? 100, 500));
  }

  async function getPerson(actor: Actor, id: string): Promise<PersonDetail> {
    const row = await db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Person', id);
    authorize(peoplePolicy, actor, 'person.read', { id, departmentId: row.department_id });
    const [roleAssignments, designations, acks, trainings, incidents, access, notices, roles, dept] = await Promise.all([
      assignmentsOf(db, [id], x.today()),
      db.selectFrom('designations').selectAll().where('person_id', '=', id).orderBy('designated_at', 'desc').execute(),
      db.selectFrom('acknowledgements').selectAll().where('person_id', '=', id).orderBy('recorded_at', 'desc').execute(),
      db.selectFrom('trainings').selectAll().where('person_id', '=', id).orderBy('completed_on', 'desc').execute(),
      db.selectFrom('incidents').selectAll().where('person_id', '=', id).orderBy('created_at', 'desc').execute(),
      db.selectFrom('access_actions').selectAll().where('person_id', '=', id).orderBy('acted_at', 'desc').execute(),
      db.selectFrom('legislative_notifications').selectAll().where('person_id', '=', id).orderBy('notified_on', 'desc').execute(),
      activeGrants(db, id, row.status, row.department_id),
      row.department_id ? db.selectFrom('departments').select('name').where('id', '=', row.department_id).executeTakeFirst() : Promise.resolve(undefined),
    ]);
    const platformDept = new Map((await platformFacts(db, [...new Set(designations.flatMap((d) => toDesignation(d).platformIds))])).map((p) => [p.id, p.department_id]));
    return {
      ...toPerson(row),
      departmentName: dept?.name ?? null,
      roles,
      roleAssignments: roleAssignments.map((a) => ({
        ...a,
        abilities: { 'role.revoke': a.revokedAt === null && can(peoplePolicy, actor, 'role.revoke', { personId: id, role: a.role, departmentId: a.departmentId, designeeOf: a.designeeOf }).allow },
      })),
      designations: designations.map((d) => ({
        ...toDesignation(d),
        active: d.revoked_at === null && d.department_id === row.department_id,
        abilities: {
          'designation.revoke':
            d.revoked_at === null &&
            can(peoplePolicy, actor, 'designation.revoke', {
              personId: id,
              departmentId: d.department_id,
              otherPlatforms: toDesignation(d).platformIds.some((pid) => platformDept.get(pid) !== d.department_id),
            }).allow,
        },
      })),
      acknowledgements: acks.map(toAcknowledgement),
      trainings: trainings.map(toTraining),
      incidents: incidents.map(toIncident),
      accessActions: access.map(toAccessAction),
      legislativeNotifications: notices.map(toNotification),
      abilities: personAbilities(actor, { id, departmentId: row.department_id }),
    };
  }

  return { actorFor, activeGrants, createPerson, updatePerson, listPersons, getPerson };
}
