import { authorize } from '../../authz/index.ts';
import type { Executor } from '../../db/index.ts';
import type { PersonActor } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { conflict, invalidInput, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { isBusinessTime, localDate, nextBusinessTime } from '../../policy/index.ts';
import { C } from './clauses.ts';
import type { PostsDeps } from './deps.ts';
import { blockingFindings } from './findings.ts';
import { notifyNextApprover } from './notices.ts';
import { postsPolicy } from './policy.ts';
import { loadPost } from './repo.ts';
import { hoursException } from './rules.ts';
import type { Post } from './types.ts';
import { createWorkGate } from './work-gate.ts';

const resourceOf = (p: Post) => ({ departmentId: p.departmentId, authorId: p.authorId });
const basisOf = (p: Post) => ({ emergency: p.emergency !== null, directed: p.direction !== null });

/** Approval (IV.C.5), IT review (IV.A.17), rejection, the City Manager's override and direction. */
export function createReviewActions(deps: PostsDeps) {
  const { db, clock, pack, audit, notifications, platforms } = deps;
  const work = createWorkGate(deps);

  function assertNotAuthor(actor: PersonActor, post: Post) {
    if (actor.personId === post.authorId) throw policyRefusal('No one approves their own post: another approver must decide', [C.approval]);
  }

  /** A block finding stops approval unless the City Manager overrode it for this very version. */
  function assertNoBlocks(post: Post) {
    const blocks = blockingFindings(post.findings);
    if (!blocks.length || post.override?.version === post.version) return;
    const clauses = [...new Set(blocks.map((b) => b.clause))];
    throw policyRefusal(`This post has ${blocks.length} blocking finding(s): ${blocks.map((b) => b.message).join('; ')}. Fix them, or the City Manager may override with a recorded reason.`, clauses);
  }

  async function decide(tx: Executor, actor: PersonActor, post: Post, stage: 'department' | 'it', decision: 'approved' | 'rejected', comment: string | null, at: string) {
    await tx.insertInto('post_approvals').values({ id: newId(), post_id: post.id, version: post.version, stage, decision, decided_by: actor.personId, decided_at: at, comment, voided_at: null }).execute();
  }

  async function approve(actor: PersonActor, id: string, input: { comment?: string | null } = {}): Promise<Post> {
    const post = await loadPost(db, id);
    authorize(postsPolicy, actor, 'post.approve', resourceOf(post));
    if (post.status !== 'submitted') throw conflict(`Only a submitted post awaits department approval; this post is ${post.status}`);
    assertNotAuthor(actor, post);
    assertNoBlocks(post);
    const now = clock.now();
    const basis = await work.check(actor, basisOf(post), now, 'Approving a post');
    const at = toIso(now);
    await db.transaction().execute(async (tx) => {
      const r = await tx.updateTable('posts').set({ status: 'approved', updated_at: at }).where('id', '=', id).where('status', '=', 'submitted').where('version', '=', post.version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw conflict('The post changed while it was being approved; reload it');
      await decide(tx, actor, post, 'department', 'approved', input.comment?.trim() || null, at);
      await audit.record(tx, actor, { action: 'post.approved', targetType: 'post', targetId: id, targetLabel: post.title, after: { version: post.version, stage: 'department' }, clauses: [C.approval] });
      await notifyNextApprover(notifications, tx, post, 'it', localDate(pack, now));
      await work.log(tx, actor, now, basis, `approved post ${post.title}`);
    });
    return loadPost(db, id);
  }

  /** When the post goes out: its schedule (or now), never before an emergency's first release (IV.A.5). */
  function dueTime(post: Post, now: Date): Date {
    let due = post.scheduledFor ? new Date(post.scheduledFor) : now;
    if (due.getTime() < now.getTime()) due = now;
    if (post.emergency && new Date(post.emergency.releasedAt).getTime() > due.getTime()) due = new Date(post.emergency.releasedAt);
    if (!isBusinessTime(pack, due) && !hoursException(basisOf(post))) {
      if (post.scheduledFor) {
        throw policyRefusal(`Scheduled for ${post.scheduledFor}, outside the City's normal business hours: choose a time from ${nextBusinessTime(pack, due).toISOString()}, or the City Manager may direct it`, [C.businessHours]);
      }
      due = nextBusinessTime(pack, due);
    }
    return due;
  }

  /** IV.A.17: the IT Manager's review; the post is then scheduled, one outbox row per platform. */
  async function itReview(actor: PersonActor, id: string, input: { comment?: string | null } = {}): Promise<Post> {
    const post = await loadPost(db, id);
    authorize(postsPolicy, actor, 'post.it_review', resourceOf(post));
    if (post.status !== 'approved') throw conflict(`The IT Manager reviews a post after its department approval; this post is ${post.status}`, [C.itReview]);
    assertNotAuthor(actor, post);
    assertNoBlocks(post);
    for (const t of post.targets) await platforms.requireUsable(db, t.platformId);
    const now = clock.now();
    const basis = await work.check(actor, basisOf(post), now, 'Reviewing a post');
    const due = toIso(dueTime(post, now));
    const at = toIso(now);
    await db.transaction().execute(async (tx) => {
      const r = await tx.updateTable('posts').set({ status: 'scheduled', updated_at: at }).where('id', '=', id).where('status', '=', 'approved').where('version', '=', post.version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw conflict('The post changed while it was being reviewed; reload it');
      await decide(tx, actor, post, 'it', 'approved', input.comment?.trim() || null, at);
      for (const t of post.targets) {
        await tx
          .insertInto('post_publications')
          .values({
            id: newId(),
            post_id: id,
            platform_id: t.platformId,
            version: post.version,
            idempotency_key: `${id}:${t.platformId}:v${post.version}`,
            status: 'pending',
            attempts: 0,
            due_at: due,
            next_attempt_at: due,
            first_attempt_at: null,
            locked_by: null,
            locked_until: null,
            last_error: null,
            remote_id: null,
            remote_url: null,
            native: null,
            published_at: null,
            removed_at: null,
            created_at: at,
            updated_at: at,
          })
          .execute();
      }
      await audit.record(tx, actor, { action: 'post.it_reviewed', targetType: 'post', targetId: id, targetLabel: post.title, after: { version: post.version, dueAt: due, platforms: post.targets.map((t) => t.platformId) }, clauses: [C.itReview] });
      await notifications.notify(tx, { audience: 'person', personId: post.authorId, kind: 'post.scheduled', subject: `Scheduled: ${post.title}`, body: `Approved and reviewed; it goes out at ${due}.`, relatedType: 'post', relatedId: id, clauses: [C.itReview] });
      await work.log(tx, actor, now, basis, `reviewed post ${post.title}`);
    });
    return loadPost(db, id);
  }

  async function reject(actor: PersonActor, id: string, input: { comment: string }): Promise<Post> {
    const post = await loadPost(db, id);
    authorize(postsPolicy, actor, 'post.reject', resourceOf(post));
    const stage = post.status === 'submitted' ? 'department' : post.status === 'approved' ? 'it' : null;
    if (!stage) throw conflict(`Only a post awaiting approval or review can be rejected; this post is ${post.status}`);
    authorize(postsPolicy, actor, stage === 'department' ? 'post.approve' : 'post.it_review', resourceOf(post));
    const comment = input.comment?.trim();
    if (!comment) throw invalidInput('body.comment', 'Say why: a rejection carries a comment for the author');
    const now = clock.now();
    const basis = await work.check(actor, basisOf(post), now, 'Rejecting a post');
    const at = toIso(now);
    await db.transaction().execute(async (tx) => {
      const r = await tx.updateTable('posts').set({ status: 'draft', updated_at: at }).where('id', '=', id).where('status', '=', post.status).where('version', '=', post.version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw conflict('The post changed while it was being rejected; reload it');
      await tx.updateTable('post_approvals').set({ voided_at: at }).where('post_id', '=', id).where('voided_at', 'is', null).execute();
      await decide(tx, actor, post, stage, 'rejected', comment, at);
      await audit.record(tx, actor, { action: 'post.rejected', targetType: 'post', targetId: id, targetLabel: post.title, after: { version: post.version, stage }, reason: comment, clauses: [stage === 'it' ? C.itReview : C.approval] });
      await notifications.notify(tx, { audience: 'person', personId: post.authorId, kind: 'post.rejected', subject: `Returned: ${post.title}`, body: comment, relatedType: 'post', relatedId: id, clauses: [stage === 'it' ? C.itReview : C.approval] });
      await work.log(tx, actor, now, basis, `rejected post ${post.title}`);
    });
    return loadPost(db, id);
  }

  /** The City Manager lets this version past its block findings, with a recorded reason. */
  async function override(actor: PersonActor, id: string, input: { reason: string }): Promise<Post> {
    const post = await loadPost(db, id);
    authorize(postsPolicy, actor, 'post.override', resourceOf(post));
    if (!['draft', 'submitted', 'approved'].includes(post.status)) throw conflict(`Nothing to override: this post is ${post.status}`);
    const blocks = blockingFindings(post.findings);
    if (!blocks.length) throw conflict('This post has no blocking findings to override');
    const reason = input.reason?.trim();
    if (!reason) throw invalidInput('body.reason', 'An override needs a recorded reason');
    const at = toIso(clock.now());
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('posts').set({ override_by: actor.personId, override_reason: reason, override_version: post.version, updated_at: at }).where('id', '=', id).execute();
      await audit.record(tx, actor, { action: 'post.block_overridden', targetType: 'post', targetId: id, targetLabel: post.title, after: { version: post.version, findings: blocks.map((b) => ({ clause: b.clause, message: b.message })) }, reason, clauses: [...new Set(blocks.map((b) => b.clause))] });
    });
    return loadPost(db, id);
  }

  /** IV.C.15(e): the City Manager directs a post to go out (and be worked on) outside business hours. */
  async function direct(actor: PersonActor, id: string, input: { reason: string }): Promise<Post> {
    const post = await loadPost(db, id);
    authorize(postsPolicy, actor, 'post.direct', resourceOf(post));
    if (!['draft', 'submitted', 'approved', 'reviewed'].includes(post.status)) throw conflict(`Too late to direct: this post is ${post.status}`);
    const reason = input.reason?.trim();
    if (!reason) throw invalidInput('body.reason', 'A direction needs a recorded reason');
    const at = toIso(clock.now());
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('posts').set({ directed_by: actor.personId, directed_reason: reason, directed_at: at, updated_at: at }).where('id', '=', id).execute();
      await audit.record(tx, actor, { action: 'post.directed', targetType: 'post', targetId: id, targetLabel: post.title, reason, clauses: [C.businessHours] });
    });
    return loadPost(db, id);
  }

  return { approve, itReview, reject, override, direct };
}
