import type { AppContext } from '../../src/context.ts';
import { systemActor, type PersonActor, type Role } from '../../src/kernel/actor.ts';

export { refusal } from '../offduty/support.ts';

let n = 0;

/** A new person holding one role, with a title (denial letters print it). */
export async function staff(ctx: AppContext, role: Role | null, name: string, title: string): Promise<PersonActor> {
  const i = ++n;
  const system = systemActor('test');
  const p = await ctx.people.createPerson(system, { name, email: `rr${i}.${Date.now()}@carsonca.gov`, title, departmentId: null });
  if (role) await ctx.people.grantRole(system, p.id, { role, departmentId: null });
  const a = await ctx.people.actorFor(p.id);
  if (!a) throw new Error('no actor');
  return a;
}

export interface Desk {
  clerk: PersonActor;
  attorney: PersonActor;
  manager: PersonActor;
  auditor: PersonActor;
  moderator: PersonActor;
  council: PersonActor;
}

export async function desk(ctx: AppContext): Promise<Desk> {
  return {
    clerk: await staff(ctx, 'city_clerk', 'Carla Nguyen', 'City Clerk'),
    attorney: await staff(ctx, 'city_attorney', 'Adrian Brooks', 'City Attorney'),
    manager: await staff(ctx, 'city_manager', 'Morgan Hale', 'City Manager'),
    auditor: await staff(ctx, 'auditor', 'Avery Stone', 'Internal Auditor'),
    moderator: await staff(ctx, 'moderator', 'Mo Derator', 'Moderator'),
    council: await staff(ctx, 'legislative_member', 'Lee Davis', 'Council Member'),
  };
}

/** A City wall-clock time in winter (PST, UTC−8) or summer (PDT, UTC−7). */
export const pst = (local: string) => new Date(`${local}-08:00`);
export const pdt = (local: string) => new Date(`${local}-07:00`);

export const FORM = { description: 'All posts and comments on the City Facebook page about the Dominguez Channel cleanup, June 2026.', name: 'Jamie Q. Public', email: 'jamie@example.org' };
