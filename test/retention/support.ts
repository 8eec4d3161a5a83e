import type { AppContext } from '../../src/context.ts';
import { systemActor, type PersonActor } from '../../src/kernel/actor.ts';
import type { ArchiveItem, CaptureInput } from '../../src/modules/archive/index.ts';
import { staff } from '../records-requests/support.ts';

export { refusal } from '../offduty/support.ts';

export interface Office {
  clerk: PersonActor;
  /** A second person in the City Clerk's office who also holds the City Attorney role (tests self-consent). */
  clerkAttorney: PersonActor;
  attorney: PersonActor;
  custodian: PersonActor;
  auditor: PersonActor;
  moderator: PersonActor;
  dept: string;
  otherDept: string;
  platform: string;
  otherPlatform: string;
}

let n = 0;

export async function office(ctx: AppContext): Promise<Office> {
  const system = systemActor('test');
  const i = ++n;
  const dept = await ctx.people.createDepartment(system, { name: `Public Works ${i}`, code: `RPW${i}`, kind: 'department' });
  const otherDept = await ctx.people.createDepartment(system, { name: `Community Services ${i}`, code: `RCS${i}`, kind: 'department' });
  const platform = await ctx.platforms.request(system, { name: `Retention Feed ${i}`, type: 'city_feed', purpose: 'Retention tests', departmentId: dept.id });
  const otherPlatform = await ctx.platforms.request(system, { name: `Retention Other Feed ${i}`, type: 'city_feed', purpose: 'Retention tests', departmentId: otherDept.id });
  const clerkAttorney = await staff(ctx, 'city_clerk', 'Dana Dual', 'Deputy City Clerk');
  await ctx.people.grantRole(system, clerkAttorney.personId, { role: 'city_attorney', departmentId: null });
  return {
    clerk: await staff(ctx, 'city_clerk', 'Carla Nguyen', 'City Clerk'),
    clerkAttorney: (await ctx.people.actorFor(clerkAttorney.personId))!,
    attorney: await staff(ctx, 'city_attorney', 'Adrian Brooks', 'City Attorney'),
    custodian: await staff(ctx, null, 'Sam Okafor', 'Recreation Coordinator'),
    auditor: await staff(ctx, 'auditor', 'Ruth Albers', 'Internal Auditor'),
    moderator: await staff(ctx, 'moderator', 'Morgan Lee', 'Moderator'),
    dept: dept.id,
    otherDept: otherDept.id,
    platform: platform.id,
    otherPlatform: otherPlatform.id,
  };
}

/** Archives one record created on the platform at `createdAt` (its retention runs from then). */
export async function archived(ctx: AppContext, createdAt: string, over: Partial<CaptureInput> = {}): Promise<ArchiveItem> {
  const i = ++n;
  return ctx.db.db.transaction().execute((tx) =>
    ctx.archive.capture(tx, {
      kind: 'comment',
      sourceId: `retention-comment-${i}`,
      departmentId: null,
      platformId: null,
      native: { text: `Resident comment ${i} about the street fair` },
      renderedText: `Resident comment ${i} about the street fair`,
      metadata: { createdOnPlatformAt: createdAt, author: { handle: `resident${i}.example` } },
      createdAt,
      ...over,
    }),
  );
}

/** Long enough to be a written consent. */
export const CONSENT = 'The City Attorney consents to the destruction of the records listed in this batch; no litigation or request is pending.';
