import { authorize } from '../../authz/index.ts';
import type { PersonActor } from '../../kernel/actor.ts';
import { toIso, toJson } from '../../kernel/codec.ts';
import { conflict, invalidInput } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { isBusinessTime, localDate } from '../../policy/index.ts';
import { C } from './clauses.ts';
import type { PostsDeps } from './deps.ts';
import { computeFindings } from './findings.ts';
import { notifyNextApprover } from './notices.ts';
import { postsPolicy } from './policy.ts';
import { loadPost } from './repo.ts';
import { checkEmergencyRelease, parseScheduleTime } from './rules.ts';
import { createWorkGate } from './work-gate.ts';
import type { ComposeInput, Post, PostFinding, PostTarget } from './types.ts';

const EDITABLE = new Set(['draft', 'submitted', 'approved', 'reviewed', 'scheduled']);
/** A little slack for a clock-skewed browser; anything earlier is "in the past". */
const PAST_TOLERANCE_MS = 60_000;

interface Prepared {
  departmentId: string | null;
  targets: (PostTarget & { platformType: string })[];
  emergency: { system: string; releaseUrl: string; releasedAt: string } | null;
  scheduledFor: string | null;
  findings: PostFinding[];
}

/** Compose, edit and submit (IV.A.2, IV.C.3, IV.C.5, IV.A.5): validation happens before any write. */
export function createComposeActions(deps: PostsDeps) {
  const { db, clock, pack, audit, people, platforms, notifications } = deps;
  const work = createWorkGate(deps);

  /** The platform, if it is usable now and the actor is authorized to post there (IV.A.2, IV.C.3). */
  async function usablePlatformFor(actor: PersonActor, platformId: string) {
    const p = await platforms.requireUsable(db, platformId);
    await people.assertAuthorized(actor.personId, { id: p.id, type: p.type, departmentId: p.departmentId, status: p.status });
    return p;
  }

  async function prepare(actor: PersonActor, input: ComposeInput, postId?: string): Promise<Prepared> {
    if (!input.title.trim()) throw invalidInput('body.title', 'A post needs a title (the feed and the approvers see it)');
    if (!input.body.trim()) throw invalidInput('body.body', 'A post needs text');
    if (!input.targets.length) throw invalidInput('body.targets', 'Choose at least one platform');
    const ids = input.targets.map((t) => t.platformId);
    if (new Set(ids).size !== ids.length) throw invalidInput('body.targets', 'Each platform once: give a platform its own text instead of listing it twice');

    // Gates read before any transaction opens (SQLite has one connection).
    const targets: Prepared['targets'] = [];
    const owners = new Set<string | null>();
    for (const t of input.targets) {
      const p = await usablePlatformFor(actor, t.platformId);
      owners.add(p.departmentId);
      targets.push({ platformId: p.id, text: t.text?.trim() ? t.text : null, platformType: p.type });
    }
    if (owners.size > 1) {
      throw invalidInput('body.targets', 'One post goes to the platforms of one department (or to City platforms): each has its own approver (IV.C.5). Make a post per department.');
    }
    const departmentId = [...owners][0] ?? null;

    const emergency = input.emergency ? checkEmergencyRelease(pack, input.emergency) : null;
    let scheduledFor: Date | null = null;
    if (input.scheduledFor) {
      scheduledFor = parseScheduleTime(pack, input.scheduledFor);
      if (scheduledFor.getTime() < clock.now().getTime() - PAST_TOLERANCE_MS) throw invalidInput('body.scheduledFor', `${input.scheduledFor} is in the past`);
    }
    if (input.correctionOf) {
      const original = await loadPost(db, input.correctionOf);
      if (original.status !== 'published') throw conflict(`Only a published post can be corrected; ${original.title} is ${original.status}`, [C.correction]);
    }
    const findings = await computeFindings(deps, db, {
      postId,
      title: input.title,
      body: input.body,
      targets,
      attachmentIds: input.attachmentIds ?? [],
      emergency: emergency !== null,
      date: scheduledFor ?? clock.now(),
    });
    if (scheduledFor && !emergency && !isBusinessTime(pack, scheduledFor)) {
      findings.push({
        ruleId: 'schedule-outside-hours',
        clause: C.businessHours,
        severity: 'advice',
        message: 'Scheduled outside normal business hours: it can only go out then as an emergency post or when the City Manager directs it',
        score: 1,
        source: 'schedule',
      });
    }
    return {
      departmentId,
      targets,
      emergency: emergency ? { system: emergency.system, releaseUrl: input.emergency!.releaseUrl, releasedAt: toIso(emergency.releasedAt) } : null,
      scheduledFor: scheduledFor ? toIso(scheduledFor) : null,
      findings,
    };
  }

  function versionRow(postId: string, version: number, input: ComposeInput, prepared: Prepared, actor: PersonActor, at: string) {
    return {
      id: newId(),
      post_id: postId,
      version,
      title: input.title.trim(),
      body: input.body,
      link: input.link?.trim() || null,
      targets: toJson(prepared.targets.map((t) => ({ platformId: t.platformId, text: t.text }))),
      attachment_ids: toJson(input.attachmentIds ?? []),
      findings: toJson(prepared.findings),
      edited_by: actor.personId,
      edited_at: at,
    };
  }

  async function create(actor: PersonActor, input: ComposeInput): Promise<Post> {
    authorize(postsPolicy, actor, 'post.create', { departmentId: null, authorId: actor.personId });
    const prepared = await prepare(actor, input);
    const now = clock.now();
    const exemption = await work.check(actor, { emergency: prepared.emergency !== null, directed: false }, now, 'Drafting a post');
    const id = newId();
    const at = toIso(now);
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('posts')
        .values({
          id,
          department_id: prepared.departmentId,
          author_id: actor.personId,
          status: 'draft',
          version: 1,
          emergency: prepared.emergency ? 1 : 0,
          emergency_system: prepared.emergency?.system ?? null,
          emergency_release_url: prepared.emergency?.releaseUrl ?? null,
          emergency_released_at: prepared.emergency?.releasedAt ?? null,
          directed_by: null,
          directed_reason: null,
          directed_at: null,
          override_by: null,
          override_reason: null,
          override_version: null,
          scheduled_for: prepared.scheduledFor,
          correction_of: input.correctionOf ?? null,
          created_at: at,
          updated_at: at,
          submitted_at: null,
          published_at: null,
          removed_at: null,
          removed_by: null,
          removal_reason: null,
        })
        .execute();
      const v1 = versionRow(id, 1, input, prepared, actor, at);
      await tx.insertInto('post_versions').values(v1).execute();
      await deps.archive?.postVersion(tx, v1.id);
      await audit.record(tx, actor, {
        action: 'post.created',
        targetType: 'post',
        targetId: id,
        targetLabel: input.title,
        after: { version: 1, targets: prepared.targets.map((t) => t.platformId), emergency: prepared.emergency, scheduledFor: prepared.scheduledFor, correctionOf: input.correctionOf ?? null },
        clauses: [C.onlyAuthorized, C.onlyAuthorizedPost, ...(prepared.emergency ? [C.emergency] : [])],
      });
      await work.log(tx, actor, now, exemption, `drafted post ${input.title}`);
    });
    return loadPost(db, id);
  }

  /** Any edit after an approval voids the approvals and sends the post back through them (SPEC §3). */
  async function update(actor: PersonActor, id: string, input: ComposeInput): Promise<Post> {
    const before = await loadPost(db, id);
    authorize(postsPolicy, actor, 'post.update', { departmentId: before.departmentId, authorId: before.authorId });
    if (!EDITABLE.has(before.status)) {
      throw conflict(`This post is ${before.status}: a published post is corrected with a correction post, a removed one cannot change`, before.status === 'published' ? [C.correction] : []);
    }
    const prepared = await prepare(actor, input, id);
    const now = clock.now();
    const exemption = await work.check(actor, { emergency: prepared.emergency !== null, directed: before.direction !== null }, now, 'Editing a post');
    const at = toIso(now);
    const version = before.version + 1;
    const status = before.status === 'draft' ? 'draft' : 'submitted';
    await db.transaction().execute(async (tx) => {
      const voided = await tx.updateTable('post_approvals').set({ voided_at: at }).where('post_id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
      const cancelled = await tx.updateTable('post_publications').set({ status: 'cancelled', updated_at: at }).where('post_id', '=', id).where('status', '=', 'pending').executeTakeFirst();
      const vRow = versionRow(id, version, input, prepared, actor, at);
      await tx.insertInto('post_versions').values(vRow).execute();
      await deps.archive?.postVersion(tx, vRow.id);
      await tx
        .updateTable('posts')
        .set({
          version,
          status,
          department_id: prepared.departmentId,
          emergency: prepared.emergency ? 1 : 0,
          emergency_system: prepared.emergency?.system ?? null,
          emergency_release_url: prepared.emergency?.releaseUrl ?? null,
          emergency_released_at: prepared.emergency?.releasedAt ?? null,
          scheduled_for: prepared.scheduledFor,
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
      const approvalsVoided = Number(voided.numUpdatedRows);
      await audit.record(tx, actor, {
        action: 'post.edited',
        targetType: 'post',
        targetId: id,
        targetLabel: input.title,
        before: { version: before.version, status: before.status, title: before.title, body: before.body },
        after: { version, status, approvalsVoided, publicationsCancelled: Number(cancelled.numUpdatedRows) },
        clauses: approvalsVoided ? [C.approval, C.itReview] : [],
      });
      if (status === 'submitted') await notifyNextApprover(notifications, tx, { id, title: input.title, departmentId: prepared.departmentId }, 'department', localDate(pack, now));
      await work.log(tx, actor, now, exemption, `edited post ${input.title}`);
    });
    return loadPost(db, id);
  }

  async function submit(actor: PersonActor, id: string): Promise<Post> {
    const post = await loadPost(db, id);
    authorize(postsPolicy, actor, 'post.submit', { departmentId: post.departmentId, authorId: post.authorId });
    if (post.status !== 'draft') throw conflict(`Only a draft can be submitted; this post is ${post.status}`);
    for (const t of post.targets) await usablePlatformFor(actor, t.platformId);
    // Attachments may have been described since the draft was saved: screen again now.
    const findings = await computeFindings(deps, db, {
      postId: id,
      title: post.title,
      body: post.body,
      targets: post.targets,
      attachmentIds: post.attachmentIds,
      emergency: post.emergency !== null,
      date: post.scheduledFor ? new Date(post.scheduledFor) : clock.now(),
    });
    const now = clock.now();
    const exemption = await work.check(actor, { emergency: post.emergency !== null, directed: post.direction !== null }, now, 'Submitting a post');
    const at = toIso(now);
    await db.transaction().execute(async (tx) => {
      // Findings are an annotation of the version (its text does not change), so they are refreshed in place.
      await tx.updateTable('post_versions').set({ findings: toJson(findings) }).where('post_id', '=', id).where('version', '=', post.version).execute();
      const r = await tx.updateTable('posts').set({ status: 'submitted', submitted_at: at, updated_at: at }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw conflict('The post changed while it was being submitted; reload it');
      await audit.record(tx, actor, {
        action: 'post.submitted',
        targetType: 'post',
        targetId: id,
        targetLabel: post.title,
        after: { version: post.version, blocking: findings.filter((f) => f.severity === 'block').map((f) => f.clause) },
        clauses: [C.approval],
      });
      await notifyNextApprover(notifications, tx, post, 'department', localDate(pack, now));
      await work.log(tx, actor, now, exemption, `submitted post ${post.title}`);
    });
    return loadPost(db, id);
  }

  return { create, update, submit };
}

