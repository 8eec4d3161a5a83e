import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../src/context.ts';
import type { PersonActor } from '../../src/kernel/actor.ts';
import { seedDemoCity } from '../../src/seed/demo.ts';

/** A master key for one test file (tests never touch the data directory's key file). */
export const testKey = (): string => randomBytes(32).toString('base64');

/** A password zxcvbn rates 4 and no breached list knows. */
export const STRONG = 'glacier tundra ukulele paprika 42';

export interface VaultWorld {
  actor(email: string): Promise<PersonActor>;
  personId(email: string): Promise<string>;
  platform(name: string): Promise<{ id: string; departmentId: string | null }>;
  cm: PersonActor;
  it: PersonActor;
  /** The Assistant City Manager, recorded as the City Manager's designee by the demo seed. */
  acm: PersonActor;
  pwHead: PersonActor;
  csHead: PersonActor;
  poster: PersonActor;
  auditor: PersonActor;
  pia: PersonActor;
}

export const PW_BLUESKY = 'Carson Public Works on Bluesky';
export const CITY_FEED = 'Carson City News';

/** The demo city (every role, platforms in every state) and its people as actors. */
export async function vaultWorld(ctx: AppContext): Promise<VaultWorld> {
  await seedDemoCity(ctx);
  const personId = async (email: string) => (await ctx.db.db.selectFrom('persons').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const actor = async (email: string) => {
    const a = await ctx.people.actorFor(await personId(email));
    if (!a || a.kind !== 'person') throw new Error(`no actor for ${email}`);
    return a as PersonActor;
  };
  const platform = async (name: string) => {
    const p = await ctx.db.db.selectFrom('platforms').select(['id', 'department_id']).where('name', '=', name).executeTakeFirstOrThrow();
    return { id: p.id, departmentId: p.department_id };
  };
  return {
    actor,
    personId,
    platform,
    cm: await actor('cm@carsonca.gov'),
    it: await actor('it@carsonca.gov'),
    acm: await actor('acm@carsonca.gov'),
    pwHead: await actor('pw.director@carsonca.gov'),
    csHead: await actor('cs.director@carsonca.gov'),
    poster: await actor('jpatel@carsonca.gov'),
    auditor: await actor('auditor@carsonca.gov'),
    pia: await actor('pia@carsonca.gov'),
  };
}
