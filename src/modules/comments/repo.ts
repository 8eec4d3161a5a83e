import type { Executor } from '../../db/index.ts';
import { fromJson } from '../../kernel/codec.ts';
import { notFound } from '../../kernel/errors.ts';
import type { Finding } from '../../screening/index.ts';
import type { CommentView, DecisionView, IngestSource } from './types.ts';

export async function loadComments(db: Executor, ids: string[]): Promise<CommentView[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('comments as c')
    .leftJoin('platforms as p', 'p.id', 'c.platform_id')
    .leftJoin('posts as po', 'po.id', 'c.post_id')
    .leftJoin('post_versions as v', (j) => j.onRef('v.post_id', '=', 'po.id').onRef('v.version', '=', 'po.version'))
    .selectAll('c')
    .select(['p.name as platform_name', 'v.body as post_text'])
    .where('c.id', 'in', ids)
    .execute();
  const decisions = await db
    .selectFrom('moderation_decisions as d')
    .leftJoin('persons as m', 'm.id', 'd.moderator_id')
    .selectAll('d')
    .select('m.name as moderator_name')
    .where('d.comment_id', 'in', ids)
    .orderBy('d.decided_at')
    .execute();
  const byId = new Map<string, CommentView>();
  for (const r of rows) {
    byId.set(r.id, {
      id: r.id,
      platformId: r.platform_id,
      platformName: r.platform_name ?? null,
      remoteId: r.remote_id,
      postId: r.post_id,
      postRemoteId: r.post_remote_id,
      postText: r.post_text ?? null,
      parentRemoteId: r.parent_remote_id,
      authorHandle: r.author_handle,
      authorName: r.author_name,
      url: r.url,
      text: r.text,
      version: r.version,
      source: r.source as IngestSource,
      createdOnPlatformAt: r.created_on_platform_at,
      capturedAt: r.captured_at,
      deletedOnPlatformAt: r.deleted_on_platform_at,
      visibility: r.visibility as CommentView['visibility'],
      reviewState: r.review_state as CommentView['reviewState'],
      severity: r.severity,
      findings: fromJson<Finding[]>(r.findings),
      legislativePersonId: r.legislative_person_id,
      retainUntil: r.retain_until,
      decisions: decisions
        .filter((d) => d.comment_id === r.id)
        .map(
          (d): DecisionView => ({
            id: d.id,
            decision: d.decision as DecisionView['decision'],
            clauses: fromJson<string[]>(d.clauses),
            note: d.note,
            moderatorId: d.moderator_id,
            moderatorName: d.moderator_name ?? null,
            automatic: d.automatic === 1,
            decidedAt: d.decided_at,
            status: d.status as DecisionView['status'],
            secondModeratorId: d.second_moderator_id,
            platformAction: d.platform_action as DecisionView['platformAction'],
            platformNote: d.platform_note,
          }),
        ),
    });
  }
  return ids.map((id) => byId.get(id)).filter((c): c is CommentView => c !== undefined);
}

export async function loadComment(db: Executor, id: string): Promise<CommentView> {
  const [c] = await loadComments(db, [id]);
  if (!c) throw notFound('comment', id);
  return c;
}
