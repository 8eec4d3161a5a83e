import type { Executor } from '../../db/index.ts';
import { fromJson } from '../../kernel/codec.ts';
import { notFound } from '../../kernel/errors.ts';
import type { ApprovalView, Post, PostFinding, PostStatus, PostTarget, PublicationView, TargetView } from './types.ts';

/** Read side of posts: one post with its current version, approvals and publications. */
export async function loadPost(db: Executor, id: string): Promise<Post> {
  const posts = await loadPosts(db, [id]);
  const p = posts[0];
  if (!p) throw notFound('post', id);
  return p;
}

export async function loadPosts(db: Executor, ids: string[]): Promise<Post[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('posts as p')
    .leftJoin('departments as d', 'd.id', 'p.department_id')
    .leftJoin('persons as a', 'a.id', 'p.author_id')
    .selectAll('p')
    .select(['d.name as department_name', 'a.name as author_name'])
    .where('p.id', 'in', ids)
    .execute();
  const versions = await db
    .selectFrom('post_versions as v')
    .innerJoin('posts as p', (j) => j.onRef('p.id', '=', 'v.post_id').onRef('p.version', '=', 'v.version'))
    .selectAll('v')
    .where('v.post_id', 'in', ids)
    .execute();
  const approvals = await db
    .selectFrom('post_approvals as ap')
    .leftJoin('persons as x', 'x.id', 'ap.decided_by')
    .selectAll('ap')
    .select('x.name as decider_name')
    .where('ap.post_id', 'in', ids)
    .orderBy('ap.decided_at')
    .execute();
  const pubs = await db
    .selectFrom('post_publications as pb')
    .leftJoin('platforms as pl', 'pl.id', 'pb.platform_id')
    .selectAll('pb')
    .select('pl.name as platform_name')
    .where('pb.post_id', 'in', ids)
    .orderBy('pb.created_at')
    .execute();
  const targets = versions.flatMap((v) => fromJson<PostTarget[]>(v.targets).map((t) => t.platformId));
  const platforms = targets.length
    ? await db.selectFrom('platforms').select(['id', 'name', 'type', 'department_id']).where('id', 'in', [...new Set(targets)]).execute()
    : [];
  const platformById = new Map(platforms.map((p) => [p.id, p]));

  const byId = new Map(
    rows.map((r) => {
      const v = versions.find((x) => x.post_id === r.id);
      const targetViews: TargetView[] = v
        ? fromJson<PostTarget[]>(v.targets).map((t) => {
            const pl = platformById.get(t.platformId);
            return { ...t, platformName: pl?.name ?? t.platformId, platformType: pl?.type ?? 'unknown', departmentId: pl?.department_id ?? null };
          })
        : [];
      const post: Post = {
        id: r.id,
        departmentId: r.department_id,
        departmentName: r.department_name ?? null,
        authorId: r.author_id,
        authorName: r.author_name ?? null,
        status: r.status as PostStatus,
        version: r.version,
        title: v?.title ?? '',
        body: v?.body ?? '',
        link: v?.link ?? null,
        targets: targetViews,
        attachmentIds: v ? fromJson<string[]>(v.attachment_ids) : [],
        findings: v ? fromJson<PostFinding[]>(v.findings) : [],
        emergency:
          r.emergency && r.emergency_release_url && r.emergency_released_at
            ? { system: r.emergency_system ?? 'unknown', releaseUrl: r.emergency_release_url, releasedAt: r.emergency_released_at }
            : null,
        direction: r.directed_by && r.directed_at ? { by: r.directed_by, reason: r.directed_reason ?? '', at: r.directed_at } : null,
        override: r.override_by && r.override_version != null ? { by: r.override_by, reason: r.override_reason ?? '', version: r.override_version } : null,
        scheduledFor: r.scheduled_for,
        correctionOf: r.correction_of,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        submittedAt: r.submitted_at,
        publishedAt: r.published_at,
        removed: r.removed_at && r.removed_by ? { at: r.removed_at, by: r.removed_by, reason: r.removal_reason ?? '' } : null,
        approvals: approvals
          .filter((a) => a.post_id === r.id)
          .map(
            (a): ApprovalView => ({
              id: a.id,
              version: a.version,
              stage: a.stage as ApprovalView['stage'],
              decision: a.decision as ApprovalView['decision'],
              decidedBy: a.decided_by,
              decidedByName: a.decider_name ?? null,
              decidedAt: a.decided_at,
              comment: a.comment,
              voided: a.voided_at !== null,
            }),
          ),
        publications: pubs
          .filter((pb) => pb.post_id === r.id)
          .map(
            (pb): PublicationView => ({
              id: pb.id,
              platformId: pb.platform_id,
              platformName: pb.platform_name ?? null,
              status: pb.status as PublicationView['status'],
              attempts: pb.attempts,
              dueAt: pb.due_at,
              nextAttemptAt: pb.next_attempt_at,
              lastError: pb.last_error,
              remoteId: pb.remote_id,
              remoteUrl: pb.remote_url,
              publishedAt: pb.published_at,
              removedAt: pb.removed_at,
            }),
          ),
      };
      return [r.id, post] as const;
    }),
  );
  return ids.map((id) => byId.get(id)).filter((p): p is Post => p !== undefined);
}

export interface PostFilter {
  status?: PostStatus;
  departmentId?: string | null;
  authorId?: string;
  limit?: number;
}

export async function listPostIds(db: Executor, f: PostFilter): Promise<string[]> {
  let q = db.selectFrom('posts').select('id').orderBy('updated_at', 'desc').limit(Math.min(f.limit ?? 100, 500));
  if (f.status) q = q.where('status', '=', f.status);
  if (f.departmentId !== undefined) q = f.departmentId === null ? q.where('department_id', 'is', null) : q.where('department_id', '=', f.departmentId);
  if (f.authorId) q = q.where('author_id', '=', f.authorId);
  return (await q.execute()).map((r) => r.id);
}

/** Posts of the last `days` days that are published or on their way, for the IV.C.15(h) comparison. */
export async function recentPostTexts(db: Executor, sinceIso: string, excludeId?: string) {
  let q = db
    .selectFrom('posts as p')
    .innerJoin('post_versions as v', (j) => j.onRef('v.post_id', '=', 'p.id').onRef('v.version', '=', 'p.version'))
    .leftJoin('departments as d', 'd.id', 'p.department_id')
    .select(['p.id', 'v.body', 'v.title', 'p.scheduled_for', 'p.published_at', 'p.created_at', 'd.name as department'])
    .where('p.status', 'in', ['submitted', 'approved', 'reviewed', 'scheduled', 'published'])
    .where('p.created_at', '>=', sinceIso)
    .limit(2000);
  if (excludeId) q = q.where('p.id', '<>', excludeId);
  return q.execute();
}
