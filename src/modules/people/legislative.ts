import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { invalidInput, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { C } from './clauses.ts';
import { actorPersonId, type PeopleInternals } from './internal.ts';
import { peoplePolicy } from './policy.ts';
import { assignmentsOf, personRow, toNotification, toPerson } from './repo.ts';
import type { LegislativeNotification, Person } from './types.ts';

export interface LegislativeNotificationInput {
  /** The legislative body, e.g. 'City Council', 'Planning Commission'. */
  body: string;
  notifiedOn: string;
  /** How: 'letter', 'email', 'in person at orientation' … */
  method: string;
}

/** IV.B: members of the legislative bodies are notified of the Brown Act restrictions on City social media. */
export function legislativePart(x: PeopleInternals) {
  const { db, clock, audit } = x;

  async function recordLegislativeNotification(actor: Actor, personId: string, input: LegislativeNotificationInput): Promise<LegislativeNotification> {
    authorize(peoplePolicy, actor, 'legislative.notify', null);
    if (input.notifiedOn > x.today()) throw invalidInput('notifiedOn', 'cannot be in the future');
    return db.transaction().execute(async (tx) => {
      const person = await personRow(tx, personId);
      const seats = (await assignmentsOf(tx, [personId], x.today())).filter((a) => a.role === 'legislative_member' && a.revokedAt === null);
      if (seats.length === 0) {
        throw policyRefusal(`${person.name} holds no legislative body seat: record the seat (role) first`, x.cite(C.legislativeMembers));
      }
      const row = {
        id: newId(),
        person_id: personId,
        body: input.body.trim(),
        notified_on: input.notifiedOn,
        method: input.method.trim(),
        recorded_by: actorPersonId(actor),
        recorded_at: toIso(clock.now()),
      };
      await tx.insertInto('legislative_notifications').values(row).execute();
      const view = toNotification(row);
      await audit.record(tx, actor, {
        action: 'legislative.notified',
        targetType: 'person',
        targetId: personId,
        targetLabel: `${person.name} (${row.body}): notified of the IV.B restrictions`,
        after: view,
        clauses: x.cite(C.legislativeMembers),
      });
      return view;
    });
  }

  /** Members holding a seat today who have no recorded IV.B notification. */
  async function membersLackingNotification(actor: Actor): Promise<Person[]> {
    authorize(peoplePolicy, actor, 'legislative.list', null);
    const seatHolders = await db.selectFrom('role_assignments').select('person_id').where('role', '=', 'legislative_member').where('revoked_at', 'is', null).execute();
    const ids = [...new Set(seatHolders.map((r) => r.person_id))];
    if (ids.length === 0) return [];
    const active = new Set((await assignmentsOf(db, ids, x.today())).filter((a) => a.role === 'legislative_member' && a.active).map((a) => a.personId));
    const notified = new Set((await db.selectFrom('legislative_notifications').select('person_id').where('person_id', 'in', ids).execute()).map((r) => r.person_id));
    const lacking = ids.filter((id) => active.has(id) && !notified.has(id));
    if (lacking.length === 0) return [];
    return (await db.selectFrom('persons').selectAll().where('id', 'in', lacking).orderBy('name').execute()).map(toPerson);
  }

  return { recordLegislativeNotification, membersLackingNotification };
}
