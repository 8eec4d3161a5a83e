import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { toIso, toJson } from '../../kernel/codec.ts';
import { conflict, invalidInput, notFound, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { C } from './clauses.ts';
import { actorPersonId, type PeopleInternals } from './internal.ts';
import { peoplePolicy } from './policy.ts';
import { assignmentsOf, personRow, platformFacts, toDesignation } from './repo.ts';
import type { Designation } from './types.ts';
import { scheduleRotationsFor } from '../vault/index.ts';

export interface DesignationInput {
  /** Defaults to the person's own department (a department designates its own employees, IV.C.5). */
  departmentId?: string | null;
  platformIds: string[];
}

export function designationsPart(x: PeopleInternals) {
  const { db, clock, audit } = x;

  /**
   * IV.C.5: the department head designates employees of their department as authorized employees
   * for named platforms of that department; the City Manager may designate for any platform,
   * City platforms included.
   */
  async function designate(actor: Actor, personId: string, input: DesignationInput): Promise<Designation> {
    const platformIds = [...new Set(input.platformIds)];
    if (platformIds.length === 0) throw invalidInput('platformIds', 'name at least one platform');
    return db.transaction().execute(async (tx) => {
      const person = await personRow(tx, personId);
      // II and IV.B first: a seat-holder is refused whatever else the request says (seats are public facts).
      const today = x.today();
      const roles = (await assignmentsOf(tx, [personId], today)).filter((a) => a.revokedAt === null && (a.endsOn === null || a.endsOn >= today));
      if (roles.some((a) => a.role === 'legislative_member')) {
        throw policyRefusal('A member of a legislative body can never be an authorized employee', x.cite(C.authorizedEmployee, C.legislativeBody, C.legislativeMembers));
      }
      const departmentId = input.departmentId ?? person.department_id;
      if (!departmentId) throw invalidInput('departmentId', `${person.name} belongs to no department`);
      const platforms = await platformFacts(tx, platformIds);
      const missing = platformIds.filter((id) => !platforms.some((p) => p.id === id));
      if (missing.length) throw invalidInput('platformIds', `no platform ${missing.join(', ')}`);
      const otherPlatforms = platforms.some((p) => p.department_id !== departmentId);
      authorize(peoplePolicy, actor, 'designation.create', { personId, departmentId, otherPlatforms });

      if (person.department_id !== departmentId) {
        throw policyRefusal(`${person.name} is not an employee of that department`, x.cite(C.designation));
      }
      if (person.status !== 'active') throw policyRefusal(`${person.name}'s access is ${person.status}`, x.cite(C.violations));
      const ended = platforms.filter((p) => p.status === 'terminated');
      if (ended.length) throw invalidInput('platformIds', `${ended.map((p) => p.name).join(', ')} is terminated`);

      const row = {
        id: newId(),
        person_id: personId,
        department_id: departmentId,
        platform_ids: toJson(platformIds),
        designated_by: actorPersonId(actor) ?? (actor.kind === 'system' ? `system:${actor.name}` : 'unknown'),
        designated_at: toIso(clock.now()),
        revoked_at: null,
        revoked_by: null,
      };
      await tx.insertInto('designations').values(row).execute();
      const view = toDesignation(row);
      await audit.record(tx, actor, {
        action: 'designation.created',
        targetType: 'person',
        targetId: personId,
        targetLabel: `${person.name}: authorized employee for ${platforms.map((p) => p.name).join(', ')}`,
        after: view,
        clauses: x.cite(C.designation, C.authorizedEmployee),
      });
      return view;
    });
  }

  async function revokeDesignation(actor: Actor, personId: string, designationId: string, reason?: string | null): Promise<Designation> {
    return db.transaction().execute(async (tx) => {
      const person = await personRow(tx, personId);
      const row = await tx.selectFrom('designations').selectAll().where('id', '=', designationId).where('person_id', '=', personId).executeTakeFirst();
      if (!row) throw notFound('Designation', designationId);
      const before = toDesignation(row);
      const platforms = await platformFacts(tx, before.platformIds);
      authorize(peoplePolicy, actor, 'designation.revoke', {
        personId,
        departmentId: row.department_id,
        otherPlatforms: platforms.some((p) => p.department_id !== row.department_id),
      });
      if (row.revoked_at) throw conflict('This designation was already revoked');
      const revoked_at = toIso(clock.now());
      await tx.updateTable('designations').set({ revoked_at, revoked_by: actorPersonId(actor) }).where('id', '=', designationId).execute();
      // Losing the designation ends their reach: the platforms it covered owe a credential rotation (IV.C.15(i)(ii)).
      await scheduleRotationsFor(tx, personId, { trigger: 'designation.revoked', reason: reason ?? 'Designation revoked', at: clock.now(), platformIds: before.platformIds });
      const after = { ...before, revokedAt: revoked_at, revokedBy: actorPersonId(actor) };
      await audit.record(tx, actor, {
        action: 'designation.revoked',
        targetType: 'person',
        targetId: personId,
        targetLabel: `${person.name}: designation revoked`,
        before,
        after,
        clauses: x.cite(C.designation),
        reason: reason ?? null,
      });
      return after;
    });
  }

  return { designate, revokeDesignation };
}
