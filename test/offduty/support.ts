import type { AppContext } from '../../src/context.ts';
import type { PersonActor } from '../../src/kernel/actor.ts';
import { seedDemoCity } from '../../src/seed/demo.ts';

export interface World {
  actor(email: string): Promise<PersonActor>;
  platform(name: string): Promise<{ id: string; departmentId: string | null }>;
  cm: PersonActor;
  pwHead: PersonActor;
  csHead: PersonActor;
  /** Public Works authorized employee (Jordan Patel). */
  poster: PersonActor;
  /** Community Services employee (Sam Okafor). */
  csEmployee: PersonActor;
  auditor: PersonActor;
  pia: PersonActor;
  it: PersonActor;
}

export const PW_BLUESKY = 'Carson Public Works on Bluesky';
export const CITY_FEED = 'Carson City News';

/** Carson wall-clock times as instants (November 2026 is PST, UTC−8). */
export const pst = (local: string) => new Date(`${local}-08:00`);
export const pdt = (local: string) => new Date(`${local}-07:00`);

/** The demo city (every role, platforms in every state) and its people as actors. */
export async function world(ctx: AppContext): Promise<World> {
  await seedDemoCity(ctx);
  const actor = async (email: string) => {
    const row = await ctx.db.db.selectFrom('persons').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    const a = await ctx.people.actorFor(row.id);
    if (!a) throw new Error(`no actor for ${email}`);
    return a;
  };
  const platform = async (name: string) => {
    const p = await ctx.db.db.selectFrom('platforms').select(['id', 'department_id']).where('name', '=', name).executeTakeFirstOrThrow();
    return { id: p.id, departmentId: p.department_id };
  };
  return {
    actor,
    platform,
    cm: await actor('cm@carsonca.gov'),
    pwHead: await actor('pw.director@carsonca.gov'),
    csHead: await actor('cs.director@carsonca.gov'),
    poster: await actor('jpatel@carsonca.gov'),
    csEmployee: await actor('sokafor@carsonca.gov'),
    auditor: await actor('auditor@carsonca.gov'),
    pia: await actor('pia@carsonca.gov'),
    it: await actor('it@carsonca.gov'),
  };
}

/** Expects a promise to fail with an AppError of this code; returns the error. */
export async function refusal(p: Promise<unknown>, code: string): Promise<{ code: string; message: string; clauses: string[] }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code: string; message: string; clauses: string[] };
    if (err.code !== code) throw new Error(`expected ${code}, got ${err.code}: ${err.message}`, { cause: e });
    return err;
  }
  throw new Error(`expected ${code}, but it succeeded`);
}
