import type { Db } from '../../src/db/index.ts';
import type { PersonActor, Role } from '../../src/kernel/actor.ts';
import { newId } from '../../src/kernel/ids.ts';
import type { ActorFor } from '../../src/modules/identity/index.ts';

/**
 * Test-only: an actorFor that reads persons and role_assignments directly, so identity tests do
 * not depend on the people module (being written in parallel). Grants in force = not revoked.
 */
export function testActorFor(db: Db): ActorFor {
  return async (personId: string): Promise<PersonActor | null> => {
    const person = await db.selectFrom('persons').select(['id', 'name']).where('id', '=', personId).executeTakeFirst();
    if (!person) return null;
    const grants = await db.selectFrom('role_assignments').select(['role', 'department_id', 'designee_of']).where('person_id', '=', personId).where('revoked_at', 'is', null).execute();
    return { kind: 'person', personId: person.id, name: person.name, roles: grants.map((g) => ({ role: g.role as Role, departmentId: g.department_id, designeeOf: g.designee_of })) };
  };
}

let n = 0;
/** Inserts a person (and their role grants) straight into the database; returns id and email. */
export async function insertPerson(db: Db, options: { roles?: Role[]; status?: string; name?: string; email?: string } = {}): Promise<{ id: string; email: string; name: string }> {
  n += 1;
  const id = newId();
  const name = options.name ?? `Person ${n}`;
  const email = options.email ?? `person${n}-${id.slice(0, 8)}@carsonca.gov`;
  const at = '2026-01-01T00:00:00.000Z';
  await db.insertInto('persons').values({ id, name, email, title: null, department_id: null, status: options.status ?? 'active', created_at: at, updated_at: at }).execute();
  for (const role of options.roles ?? []) {
    await db
      .insertInto('role_assignments')
      .values({ id: newId(), person_id: id, role, department_id: null, designee_of: null, starts_on: null, ends_on: null, granted_by: null, granted_at: at, revoked_at: null, revoked_by: null })
      .execute();
  }
  return { id, email, name };
}

export const GOOD_PASSWORD = 'correct-cable-lantern-87';
