import { authorize } from '../../authz/index.ts';
import { DEPARTMENT_ROLES, ROLE_LABELS, type Actor, type Role } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { conflict, invalidInput, notFound, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Executor } from '../../db/index.ts';
import { C } from './clauses.ts';
import { actorPersonId, type PeopleInternals } from './internal.ts';
import { isStaffRole } from './persons.ts';
import { peoplePolicy } from './policy.ts';
import { assignmentsOf, inForce, personRow } from './repo.ts';
import type { RoleAssignment } from './types.ts';

export interface RoleGrantInput {
  role: Role;
  departmentId?: string | null;
  /** Record the person as the designee of this person's role (II), between startsOn and endsOn. */
  designeeOf?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
}

export function rolesPart(x: PeopleInternals) {
  const { db, clock, audit } = x;

  /** II and IV.B: a legislative body member is not an employee and can never hold a staff role, nor be made staff. */
  async function assertNoLegislativeConflict(tx: Executor, personId: string, role: Role) {
    const today = x.today();
    const current = (await assignmentsOf(tx, [personId], today)).filter((a) => a.revokedAt === null && (a.endsOn === null || a.endsOn >= today));
    const clauses = x.cite(C.legislativeBody, C.employee, C.legislativeMembers);
    if (isStaffRole(role) && current.some((a) => a.role === 'legislative_member')) {
      throw policyRefusal('A member of a legislative body is not an employee and cannot hold a staff role', clauses);
    }
    if (role === 'legislative_member') {
      const designations = await tx.selectFrom('designations').select('id').where('person_id', '=', personId).where('revoked_at', 'is', null).execute();
      if (current.some((a) => isStaffRole(a.role)) || designations.length) {
        throw policyRefusal('This person holds staff roles or designations: revoke them before recording a legislative body seat', clauses);
      }
    }
  }

  async function grantRole(actor: Actor, personId: string, input: RoleGrantInput): Promise<RoleAssignment> {
    const role = input.role;
    if (role === 'authorized_employee') {
      throw policyRefusal('Authorized employees are designated by their department head or the City Manager, for named platforms', x.cite(C.designation, C.authorizedEmployee));
    }
    const designeeOf = input.designeeOf ?? null;
    if (designeeOf !== null) {
      if (!input.startsOn) throw invalidInput('startsOn', 'a designee is recorded with a start date');
      if (!input.endsOn) throw invalidInput('endsOn', 'a designee is recorded with an end date');
      if (designeeOf === personId) throw invalidInput('designeeOf', 'a person cannot be their own designee');
      if (role === 'legislative_member') throw invalidInput('role', 'a legislative body seat cannot be delegated');
    }
    if (input.startsOn && input.endsOn && input.startsOn > input.endsOn) throw invalidInput('endsOn', 'must not be before startsOn');

    return db.transaction().execute(async (tx) => {
      const person = await personRow(tx, personId);
      let departmentId = input.departmentId ?? null;
      if (designeeOf !== null) {
        const today = x.today();
        const principal = (await tx.selectFrom('role_assignments').selectAll().where('person_id', '=', designeeOf).where('role', '=', role).where('designee_of', 'is', null).execute()).find(
          (r) => r.revoked_at === null && (r.ends_on === null || r.ends_on >= today),
        );
        if (!principal) throw invalidInput('designeeOf', `that person does not hold the ${ROLE_LABELS[role]} role themself`);
        departmentId = principal.department_id;
      }
      if (DEPARTMENT_ROLES.includes(role) && departmentId === null) throw invalidInput('departmentId', `${ROLE_LABELS[role]} is held for a department`);
      if (!DEPARTMENT_ROLES.includes(role) && input.departmentId) throw invalidInput('departmentId', `${ROLE_LABELS[role]} is not held for a department`);
      if (departmentId !== null) {
        const d = await tx.selectFrom('departments').select(['id', 'archived_at']).where('id', '=', departmentId).executeTakeFirst();
        if (!d) throw invalidInput('departmentId', `no department ${departmentId}`);
        if (d.archived_at) throw invalidInput('departmentId', 'that department is archived');
      }
      authorize(peoplePolicy, actor, 'role.grant', { personId, role, departmentId, designeeOf });
      if (person.status === 'revoked' || person.status === 'departed') {
        throw policyRefusal(`${person.name}'s access is ${person.status}: reinstate them first`, x.cite(C.violations));
      }
      await assertNoLegislativeConflict(tx, personId, role);

      const today = x.today();
      const same = await tx
        .selectFrom('role_assignments')
        .selectAll()
        .where('person_id', '=', personId)
        .where('role', '=', role)
        .where('revoked_at', 'is', null)
        .execute();
      const overlapping = same.find(
        (r) =>
          r.department_id === departmentId &&
          r.designee_of === designeeOf &&
          (r.ends_on === null || r.ends_on >= (input.startsOn ?? today)) &&
          (input.endsOn == null || r.starts_on === null || r.starts_on <= input.endsOn),
      );
      if (overlapping) throw conflict(`${person.name} already holds this role for these dates`);

      const row = {
        id: newId(),
        person_id: personId,
        role,
        department_id: departmentId,
        designee_of: designeeOf,
        starts_on: input.startsOn ?? null,
        ends_on: input.endsOn ?? null,
        granted_by: actorPersonId(actor),
        granted_at: toIso(clock.now()),
        revoked_at: null,
        revoked_by: null,
      };
      await tx.insertInto('role_assignments').values(row).execute();
      const view = (await assignmentsOf(tx, [personId], today)).find((a) => a.id === row.id) as RoleAssignment;
      await audit.record(tx, actor, {
        action: designeeOf ? 'role.designee_recorded' : 'role.granted',
        targetType: 'person',
        targetId: personId,
        targetLabel: `${person.name}: ${ROLE_LABELS[role]}${designeeOf ? ' (designee)' : ''}`,
        after: view,
        clauses: designeeOf ? x.cite(role === 'city_manager' ? C.cityManager : 'II') : x.cite('II'),
      });
      return view;
    });
  }

  async function revokeRole(actor: Actor, personId: string, roleId: string, reason?: string | null): Promise<RoleAssignment> {
    return db.transaction().execute(async (tx) => {
      const person = await personRow(tx, personId);
      const row = await tx.selectFrom('role_assignments').selectAll().where('id', '=', roleId).where('person_id', '=', personId).executeTakeFirst();
      if (!row) throw notFound('Role assignment', roleId);
      authorize(peoplePolicy, actor, 'role.revoke', { personId, role: row.role as Role, departmentId: row.department_id, designeeOf: row.designee_of });
      if (row.revoked_at) throw conflict('This role was already revoked');
      const today = x.today();
      const before = (await assignmentsOf(tx, [personId], today)).find((a) => a.id === roleId) as RoleAssignment;
      const revoked_at = toIso(clock.now());
      await tx.updateTable('role_assignments').set({ revoked_at, revoked_by: actorPersonId(actor) }).where('id', '=', roleId).execute();
      const after: RoleAssignment = { ...before, revokedAt: revoked_at, revokedBy: actorPersonId(actor), active: false };
      await audit.record(tx, actor, {
        action: 'role.revoked',
        targetType: 'person',
        targetId: personId,
        targetLabel: `${person.name}: ${ROLE_LABELS[row.role as Role] ?? row.role}`,
        before,
        after,
        clauses: x.cite('II'),
        reason: reason ?? null,
      });
      return after;
    });
  }

  return { grantRole, revokeRole, inForce };
}
