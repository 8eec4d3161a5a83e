import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { toIso, toJson } from '../../kernel/codec.ts';
import { conflict, invalidInput } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { hasClause } from '../../policy/index.ts';
import { scheduleRotationsFor } from '../vault/index.ts';
import { C } from './clauses.ts';
import { actorPersonId, type PeopleInternals } from './internal.ts';
import { peoplePolicy } from './policy.ts';
import { personRow, toAccessAction, toIncident, toPerson } from './repo.ts';
import type { AccessAction, AccessActionKind, Incident, Person, PersonStatus } from './types.ts';

export interface IncidentInput {
  occurredOn: string;
  description: string;
  /** The clauses violated, ids of the loaded pack. */
  clauses: string[];
}

export interface AccessChangeInput {
  action: AccessActionKind;
  reason: string;
  incidentId?: string | null;
}

/** From which statuses each action may be taken, and where it leads (IV.E). */
const TRANSITIONS: Record<AccessActionKind, { from: PersonStatus[]; to: PersonStatus; verb: string }> = {
  suspend: { from: ['active'], to: 'suspended', verb: 'suspended' },
  revoke: { from: ['active', 'suspended'], to: 'revoked', verb: 'revoked' },
  reinstate: { from: ['suspended', 'revoked'], to: 'active', verb: 'reinstated' },
};

/** IV.E: violations are recorded against a person; the City Manager or IT Manager suspends, revokes or reinstates access. */
export function accessPart(x: PeopleInternals) {
  const { db, clock, audit, pack } = x;

  async function recordIncident(actor: Actor, personId: string, input: IncidentInput): Promise<Incident> {
    const clauses = [...new Set(input.clauses)];
    clauses.forEach((c, i) => {
      if (!hasClause(pack, c)) throw invalidInput(`clauses.${i}`, `"${c}" is not a clause of ${pack.name}`);
    });
    if (input.occurredOn > x.today()) throw invalidInput('occurredOn', 'cannot be in the future');
    return db.transaction().execute(async (tx) => {
      const person = await personRow(tx, personId);
      authorize(peoplePolicy, actor, 'incident.record', { id: personId, departmentId: person.department_id });
      const row = {
        id: newId(),
        person_id: personId,
        occurred_on: input.occurredOn,
        description: input.description.trim(),
        clauses: toJson(clauses),
        reported_by: actorPersonId(actor),
        created_at: toIso(clock.now()),
      };
      await tx.insertInto('incidents').values(row).execute();
      const view = toIncident(row);
      await audit.record(tx, actor, {
        action: 'incident.recorded',
        targetType: 'person',
        targetId: personId,
        targetLabel: `${person.name}: incident of ${row.occurred_on}`,
        after: view,
        clauses: [...x.cite(C.violations), ...clauses.filter((c) => !x.cite(C.violations).includes(c))],
      });
      return view;
    });
  }

  async function changeAccess(actor: Actor, personId: string, input: AccessChangeInput): Promise<{ person: Person; action: AccessAction }> {
    const t = TRANSITIONS[input.action];
    if (!input.reason.trim()) throw invalidInput('reason', 'a reason is required');
    return db.transaction().execute(async (tx) => {
      const row = await personRow(tx, personId);
      authorize(peoplePolicy, actor, 'access.change', { id: personId, departmentId: row.department_id });
      if (!t.from.includes(row.status as PersonStatus)) {
        throw conflict(`${row.name}'s access is ${row.status}: it cannot be ${t.verb}`, x.cite(C.violations));
      }
      if (input.incidentId) {
        const incident = await tx.selectFrom('incidents').select('id').where('id', '=', input.incidentId).where('person_id', '=', personId).executeTakeFirst();
        if (!incident) throw invalidInput('incidentId', `no incident ${input.incidentId} for this person`);
      }
      const now = toIso(clock.now());
      const action = {
        id: newId(),
        person_id: personId,
        action: input.action,
        reason: input.reason.trim(),
        incident_id: input.incidentId ?? null,
        acted_by: actorPersonId(actor),
        acted_at: now,
      };
      await tx.insertInto('access_actions').values(action).execute();
      await tx.updateTable('persons').set({ status: t.to, updated_at: now }).where('id', '=', personId).execute();
      // The platforms whose passwords they could know owe a rotation (IV.C.15(i)(ii)).
      if (t.to !== 'active') await scheduleRotationsFor(tx, personId, { trigger: `access.${t.verb}`, reason: action.reason, at: clock.now() });
      const after = toPerson({ ...row, status: t.to, updated_at: now });
      await audit.record(tx, actor, {
        action: `access.${t.verb}`,
        targetType: 'person',
        targetId: personId,
        targetLabel: row.name,
        before: { status: row.status },
        after: { status: t.to, accessAction: toAccessAction(action) },
        clauses: x.cite(C.violations),
        reason: action.reason,
      });
      return { person: after, action: toAccessAction(action) };
    });
  }

  return { recordIncident, changeAccess };
}
