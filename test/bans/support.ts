import { createHash } from 'node:crypto';
import type { AppContext } from '../../src/context.ts';
import { systemActor, type PersonActor, type Role } from '../../src/kernel/actor.ts';
import { toIso, toJson } from '../../src/kernel/codec.ts';
import { newId } from '../../src/kernel/ids.ts';
import { world, type World } from '../offduty/support.ts';

export { PW_BLUESKY, CITY_FEED, pst, pdt, refusal } from '../offduty/support.ts';

export interface ModWorld extends World {
  moderator: PersonActor;
  moderator2: PersonActor;
  clerk: PersonActor;
  council: { id: string };
}

let n = 0;

/** A new person holding one role (for a second moderator and the like). */
export async function personWith(ctx: AppContext, role: Role, name: string): Promise<PersonActor> {
  const i = ++n;
  const system = systemActor('test');
  const p = await ctx.people.createPerson(system, { name, email: `t${i}.${Date.now()}@carsonca.gov`, title: 'Staff', departmentId: null });
  await ctx.people.grantRole(system, p.id, { role, departmentId: null });
  const a = await ctx.people.actorFor(p.id);
  if (!a) throw new Error('no actor');
  return a;
}

/** The demo city, plus a second moderator (appeals and reviews need someone other than the first). */
export async function modWorld(ctx: AppContext): Promise<ModWorld> {
  const w = await world(ctx);
  const council = await ctx.db.db.selectFrom('persons').select('id').where('email', '=', 'ldavis.council@carsonca.gov').executeTakeFirstOrThrow();
  return { ...w, moderator: await w.actor('moderator@carsonca.gov'), moderator2: await personWith(ctx, 'moderator', 'Robin Second'), clerk: await w.actor('clerk@carsonca.gov'), council };
}

/**
 * A comment with a decision, written straight to the tables (fixtures for appeals and reports:
 * the comments module's own service is tested on its own).
 */
export async function commentWithDecision(
  ctx: AppContext,
  input: { platformId: string; text: string; decision?: 'keep' | 'hide' | 'remove' | 'restore'; clauses?: string[]; moderatorId?: string | null; at?: Date; handle?: string; status?: string },
): Promise<{ commentId: string; decisionId: string | null }> {
  const at = toIso(input.at ?? ctx.clock.now());
  const commentId = newId();
  const visibility = input.decision === 'hide' ? 'hidden' : input.decision === 'remove' ? 'removed' : 'visible';
  await ctx.db.db
    .insertInto('comments')
    .values({ id: commentId, platform_id: input.platformId, remote_id: `r-${commentId}`, post_id: null, post_remote_id: 'post-1', parent_remote_id: null, author_handle: input.handle ?? 'resident.example', author_name: 'A Resident', url: null, text: input.text, version: 1, source: 'import', created_on_platform_at: at, captured_at: at, updated_at: at, deleted_on_platform_at: null, visibility, review_state: input.decision ? 'decided' : 'open', severity: 0, findings: '[]', legislative_person_id: null, retain_until: null })
    .execute();
  await ctx.db.db.insertInto('comment_versions').values({ id: newId(), comment_id: commentId, version: 1, kind: 'created', text: input.text, native: '{}', sha256: createHash('sha256').update(input.text).digest('hex'), at_on_platform: at, captured_at: at }).execute();
  if (!input.decision) return { commentId, decisionId: null };
  const decisionId = newId();
  await ctx.db.db
    .insertInto('moderation_decisions')
    .values({ id: decisionId, comment_id: commentId, decision: input.decision, clauses: toJson(input.clauses ?? []), note: null, moderator_id: input.moderatorId ?? null, automatic: input.moderatorId ? 0 : 1, decided_at: at, status: input.status ?? 'final', second_moderator_id: null, second_at: null, platform_action: 'done', platform_note: null, confirmed_by: null, confirmed_at: null })
    .execute();
  return { commentId, decisionId };
}
