import type { Db } from '../../../db/index.ts';
import type { Actor, Role } from '../../../kernel/actor.ts';
import { newId } from '../../../kernel/ids.ts';

/** Test factory: departments, persons and role grants written straight to the database (no people module needed). */
export function makeFactory(db: () => Db) {
  const stamp = '2026-11-01T00:00:00.000Z';

  async function department(name = `Dept ${newId().slice(0, 6)}`): Promise<{ id: string; name: string }> {
    const id = newId();
    await db().insertInto('departments').values({ id, name, code: id.slice(0, 12), kind: 'department', created_at: stamp, archived_at: null }).execute();
    return { id, name };
  }

  /** A person with the given roles, as an Actor; the grants are also stored as role assignments. */
  async function person(name: string, roles: { role: Role; departmentId?: string | null; designeeOf?: string | null }[] = []): Promise<Extract<Actor, { kind: 'person' }>> {
    const id = newId();
    await db()
      .insertInto('persons')
      .values({ id, name, email: `${id}@ci.carson.ca.us`, title: null, department_id: roles.find((r) => r.departmentId)?.departmentId ?? null, status: 'active', created_at: stamp, updated_at: stamp })
      .execute();
    for (const r of roles) {
      await db()
        .insertInto('role_assignments')
        .values({
          id: newId(),
          person_id: id,
          role: r.role,
          department_id: r.departmentId ?? null,
          designee_of: r.designeeOf ?? null,
          starts_on: null,
          ends_on: null,
          granted_by: null,
          granted_at: stamp,
          revoked_at: null,
          revoked_by: null,
        })
        .execute();
    }
    return { kind: 'person', personId: id, name, roles: roles.map((r) => ({ role: r.role, departmentId: r.departmentId ?? null, designeeOf: r.designeeOf ?? null })) };
  }

  return { department, person };
}

/** A profile that passes every checklist item for a platform of the given department (or the City). */
export function completeProfile(departmentName: string | null) {
  return {
    profile: {
      displayName: departmentName ? `City of Carson ${departmentName}` : 'City of Carson',
      sealOrLogo: 'https://ci.carson.ca.us/seal.png',
      brandingText: departmentName ? `The official platform of the City of Carson's ${departmentName} Department.` : 'The official platform of the City of Carson.',
      websiteUrl: 'http://ci.carson.ca.us/',
      privacyPolicyUrl: 'http://ci.carson.ca.us/privacy-policy',
      termsOfUseUrl: 'http://ci.carson.ca.us/terms-of-use',
      recordsDisclaimer: { how: 'text' as const },
      publicForumNotice: { how: 'text' as const },
      liabilityDisclaimer: { how: 'link' as const, url: 'https://crier.ci.carson.ca.us/public/disclaimer' },
      commentPolicy: null,
    },
    contactEmail: 'socialmedia@ci.carson.ca.us',
    contactPhone: '(310) 830-7600',
  };
}
