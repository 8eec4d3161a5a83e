import type { Db } from '../../db/index.ts';
import { ROLES, type PersonActor, type Role } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { PolicyPack } from '../../policy/index.ts';
import { localDate } from '../../policy/index.ts';
import type { ActorFor } from './core.ts';

/**
 * TEMPORARY — remove when the people module's `actorFor` is wired in main.ts (ctx.people.actorFor).
 * A minimal actorFor: the person's name and the role grants in force today (not revoked, inside
 * their start/end dates in the City's time zone).
 */
export function interimActorFor(db: Db, clock: Clock, pack: PolicyPack): ActorFor {
  return async (personId: string): Promise<PersonActor | null> => {
    const person = await db.selectFrom('persons').select(['id', 'name']).where('id', '=', personId).executeTakeFirst();
    if (!person) return null;
    const today = localDate(pack, clock.now());
    const grants = await db
      .selectFrom('role_assignments')
      .select(['role', 'department_id', 'designee_of', 'starts_on', 'ends_on'])
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .execute();
    const roles = grants
      .filter((g) => (ROLES as readonly string[]).includes(g.role))
      .filter((g) => (!g.starts_on || g.starts_on <= today) && (!g.ends_on || g.ends_on >= today))
      .map((g) => ({ role: g.role as Role, departmentId: g.department_id, designeeOf: g.designee_of }));
    return { kind: 'person', personId: person.id, name: person.name, roles };
  };
}
