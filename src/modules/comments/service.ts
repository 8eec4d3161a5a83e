import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { CommentsDeps } from './deps.ts';
import { createIngest } from './ingest.ts';
import { createModeration } from './moderate.ts';
import { commentsPolicy } from './policy.ts';
import { createPoller } from './poll.ts';
import { queuePage, type QueuePage } from './queue.ts';
import { loadComment } from './repo.ts';
import type { CommentView, IncomingComment, IngestResult, IngestSource } from './types.ts';

export function createCommentsService(deps: CommentsDeps) {
  const { ingest: ingestBatch } = createIngest(deps);
  const moderation = createModeration(deps);

  /**
   * Take a batch of comments (idempotent, durable once this returns), then hide automatically the
   * ones whose block findings are on the City Manager's list — each still waits for a human.
   */
  async function ingest(items: IncomingComment[], source: IngestSource): Promise<IngestResult & { ids: string[] }> {
    const { autoHide, ...result } = await ingestBatch(items, source);
    for (const c of autoHide) await moderation.autoHide(c.commentId, c.clauses, c.banId);
    // Members answering each other (IV.B): checked once the batch is stored, so a parent in the same batch is seen.
    if (deps.brownAct && result.ids.length) await deps.brownAct.flagMemberResponses(result.ids);
    return result;
  }

  /** Staff ingest (an export file, a webhook relayed by hand): same path, authorized. */
  async function ingestAs(actor: Actor, items: IncomingComment[], source: IngestSource): Promise<IngestResult & { ids: string[] }> {
    authorize(commentsPolicy, actor, 'comment.ingest', null);
    return ingest(items, source);
  }

  const poller = createPoller(deps, ingest);

  async function queue(actor: Actor, options: { limit?: number; after?: string; platformId?: string } = {}): Promise<QueuePage> {
    authorize(commentsPolicy, actor, 'comment.read', null);
    return queuePage(deps.db, options);
  }

  async function get(actor: Actor, id: string): Promise<CommentView & { versions: { version: number; kind: string; text: string; atOnPlatform: string | null; capturedAt: string }[] }> {
    authorize(commentsPolicy, actor, 'comment.read', null);
    const c = await loadComment(deps.db, id);
    const versions = await deps.db.selectFrom('comment_versions').select(['version', 'kind', 'text', 'at_on_platform', 'captured_at']).where('comment_id', '=', id).orderBy('version').execute();
    return { ...c, versions: versions.map((v) => ({ version: v.version, kind: v.kind, text: v.text, atOnPlatform: v.at_on_platform, capturedAt: v.captured_at })) };
  }

  async function settings(actor: Actor) {
    authorize(commentsPolicy, actor, 'comment.read', null);
    return moderation.settings();
  }

  return {
    ingest,
    ingestAs,
    pollAll: poller.pollAll,
    pollPlatform: poller.pollPlatform,
    queue,
    get,
    settings,
    setSettings: moderation.setSettings,
    decide: moderation.decide,
    second: moderation.second,
    confirmPlatform: moderation.confirmPlatform,
  };
}

export type CommentsService = ReturnType<typeof createCommentsService>;
