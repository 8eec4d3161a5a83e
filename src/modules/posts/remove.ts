import { authorize } from '../../authz/index.ts';
import type { PersonActor } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { AppError, conflict, invalidInput } from '../../kernel/errors.ts';
import { connectorAccount } from '../platforms/index.ts';
import { C } from './clauses.ts';
import type { PostsDeps } from './deps.ts';
import { postsPolicy } from './policy.ts';
import { loadPost } from './repo.ts';
import type { Post } from './types.ts';

/**
 * IV.A.16, IV.C.1: the City Manager or IT Manager removes City content. It comes off every
 * platform through the connector; Crier keeps the post, its versions and the reason.
 */
export function createRemoveActions(deps: PostsDeps) {
  const { db, clock, audit, connectors, vault } = deps;

  async function remove(actor: PersonActor, id: string, input: { reason: string }): Promise<Post> {
    const post = await loadPost(db, id);
    authorize(postsPolicy, actor, 'post.remove', { departmentId: post.departmentId, authorId: post.authorId });
    const reason = input.reason?.trim();
    if (!reason) throw invalidInput('body.reason', 'A removal needs a recorded reason');
    if (post.status === 'removed') throw conflict('This post was already removed');
    if (!['scheduled', 'published'].includes(post.status)) throw conflict(`Only scheduled or published posts are removed; this one is ${post.status}: its author can edit or withdraw it`);

    const problems: string[] = [];
    for (const pub of post.publications.filter((p) => p.status === 'published' && p.remoteId)) {
      const platform = await db.selectFrom('platforms').select(['id', 'type', 'handle', 'url', 'name']).where('id', '=', pub.platformId).executeTakeFirstOrThrow();
      const connector = connectors(platform.type);
      try {
        if (!connector || !connector.capabilities.deletePost) throw new Error(`${platform.name} cannot remove posts through Crier: remove it by hand on the platform`);
        await connector.delete(connectorAccount(platform, vault.tokenFor), pub.remoteId!);
        const at = toIso(clock.now());
        await db.transaction().execute(async (tx) => {
          await tx.updateTable('post_publications').set({ status: 'removed', removed_at: at, updated_at: at }).where('id', '=', pub.id).execute();
          await deps.archive?.publication(tx, pub.id);
          await audit.record(tx, actor, { action: 'post.removed_from_platform', targetType: 'post', targetId: id, targetLabel: post.title, after: { platformId: platform.id, remoteId: pub.remoteId }, reason, clauses: [C.cmRemove, C.cityRemove] });
        });
      } catch (e) {
        problems.push(`${platform.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (problems.length) {
      throw new AppError('conflict', `Removed where possible, but not from ${problems.join('; ')}. The post stays listed as published there until removed.`, { clauses: [C.cannotRemove] });
    }
    const at = toIso(clock.now());
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('post_publications').set({ status: 'cancelled', updated_at: at }).where('post_id', '=', id).where('status', 'in', ['pending', 'failed']).execute();
      await tx.updateTable('posts').set({ status: 'removed', removed_at: at, removed_by: actor.personId, removal_reason: reason, updated_at: at }).where('id', '=', id).execute();
      await audit.record(tx, actor, { action: 'post.removed', targetType: 'post', targetId: id, targetLabel: post.title, before: { status: post.status }, reason, clauses: [C.cmRemove, C.cityRemove] });
    });
    return loadPost(db, id);
  }

  return { remove };
}
