import { authorize } from '../../authz/index.ts';
import type { Executor, NewRow } from '../../db/index.ts';
import { systemActor, type Actor } from '../../kernel/actor.ts';
import { toIso, toJson } from '../../kernel/codec.ts';
import { invalidInput } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { hasClause } from '../../policy/index.ts';
import type { RemoteReaction } from '../../ports/platform-connector.ts';
import { normalizeHandle } from '../bans/index.ts';
import { legislativeAccountsPolicy } from './policy.ts';
import type { LegislativeAccountsDeps } from './service.ts';

/** What the guard logs beyond members' comments (those carry comments.legislative_person_id). */
export interface LegislativeActivity {
  id: string;
  kind: 'reaction' | 'response';
  personId: string;
  personName: string;
  platformId: string;
  platformName: string;
  handle: string;
  postRemoteId: string;
  postId: string | null;
  /** For a reaction: like, love, favourite, boost, repost … */
  reaction: string | null;
  /** For a response: the member's comment, and the other member's comment it answers. */
  commentId: string | null;
  otherPersonId: string | null;
  otherPersonName: string | null;
  otherCommentId: string | null;
  occurredAt: string | null;
  recordedAt: string;
}

const IV_B = 'IV.B';
const CHUNK = 500;
/** Reaction kinds are platform words (Facebook's LIKE … THANKFUL); kept short and plain. */
const reactionKind = (kind: string) => kind.trim().toLowerCase().replace(/[^a-z_]/g, '').slice(0, 40) || 'reaction';

function* chunks<T>(xs: T[], n: number): Generator<T[]> {
  for (let i = 0; i < xs.length; i += n) yield xs.slice(i, i + n);
}

/**
 * The Brown Act guard's log (IV.B; Gov. Code 54952.2(b)(3)): members' reactions to City posts,
 * and a member answering another member's comment (a possible serial meeting discussion). Each is
 * flagged once (the table's dedupe_key), audited and sent to the City Clerk in one transaction.
 * Called by the comments poll and ingest as the system, so no actor is authorized here; reading
 * the log is authorized like the register.
 */
export function createLegislativeActivity(deps: LegislativeAccountsDeps) {
  const { db, clock, pack, audit, notifications } = deps;
  const system = systemActor('brown-act-guard');
  const cite = () => (hasClause(pack, IV_B) ? [IV_B] : []);

  /** The active registered handles on a platform (a connector that cannot list all reactions reads these accounts). */
  async function registeredHandles(platformId: string): Promise<string[]> {
    const rows = await db.selectFrom('legislative_accounts').select('handle').where('platform_id', '=', platformId).where('removed_at', 'is', null).execute();
    return [...new Set(rows.map((r) => r.handle))];
  }

  /** Inserts a flag unless the same one exists; true when it is new. */
  async function insertOnce(tx: Executor, row: NewRow<'legislative_activity'>): Promise<boolean> {
    const made = await tx.insertInto('legislative_activity').values(row).onConflict((oc) => oc.column('dedupe_key').doNothing()).returning('id').execute();
    return made.length > 0;
  }

  /** Flags every reaction by a registered member's account (once per member × post × kind); others are ignored, not stored. */
  async function recordReactions(platformId: string, reactions: RemoteReaction[]): Promise<{ flagged: number }> {
    const accounts = await db
      .selectFrom('legislative_accounts as a')
      .innerJoin('persons as p', 'p.id', 'a.person_id')
      .select(['a.handle', 'a.person_id', 'p.name'])
      .where('a.platform_id', '=', platformId)
      .where('a.removed_at', 'is', null)
      .execute();
    const byHandle = new Map(accounts.map((a) => [a.handle, a]));
    const hits = reactions.flatMap((r) => {
      const a = typeof r?.authorHandle === 'string' ? byHandle.get(normalizeHandle(r.authorHandle)) : undefined;
      return a && typeof r.postRemoteId === 'string' && r.postRemoteId ? [{ r, a }] : [];
    });
    if (!hits.length) return { flagged: 0 };
    const platform = await db.selectFrom('platforms').select('name').where('id', '=', platformId).executeTakeFirstOrThrow();
    const postIds = new Map<string, string>();
    for (const chunk of chunks([...new Set(hits.map((h) => h.r.postRemoteId))], CHUNK)) {
      const rows = await db.selectFrom('post_publications').select(['remote_id', 'post_id']).where('platform_id', '=', platformId).where('remote_id', 'in', chunk).execute();
      for (const row of rows) postIds.set(row.remote_id!, row.post_id);
    }
    const at = toIso(clock.now());
    let flagged = 0;
    await db.transaction().execute(async (tx) => {
      for (const { r, a } of hits) {
        const kind = reactionKind(r.kind);
        const id = newId();
        const postId = postIds.get(r.postRemoteId) ?? null;
        const occurredAt = r.createdAt && !Number.isNaN(Date.parse(r.createdAt)) ? new Date(r.createdAt).toISOString() : null;
        const isNew = await insertOnce(tx, {
          id,
          dedupe_key: ['reaction', platformId, a.person_id, r.postRemoteId, kind].join('\n'),
          kind: 'reaction',
          person_id: a.person_id,
          platform_id: platformId,
          handle: a.handle,
          post_remote_id: r.postRemoteId,
          post_id: postId,
          reaction: kind,
          comment_id: null,
          other_person_id: null,
          other_comment_id: null,
          occurred_at: occurredAt,
          recorded_at: at,
          native: toJson(r.native ?? null),
        });
        if (!isNew) continue;
        flagged++;
        await audit.record(tx, system, { action: 'legislative.reaction_flagged', targetType: 'legislative_activity', targetId: id, targetLabel: `${a.name}: ${kind} on ${platform.name}`, after: { personId: a.person_id, handle: a.handle, platformId, postRemoteId: r.postRemoteId, postId, reaction: kind }, clauses: cite() });
        await notifications?.notify(tx, {
          audience: 'role',
          role: 'city_clerk',
          kind: 'legislative.reaction',
          subject: `${a.name} reacted (${kind}) to a City post on ${platform.name}`,
          body: `A known account of a legislative body member (${a.handle}) reacted to a City post. Members should not respond to or participate in City postings (IV.B; Gov. Code 54952.2(b)(3)).`,
          relatedType: postId ? 'post' : 'platform',
          relatedId: postId ?? platformId,
          clauses: cite(),
        });
      }
    });
    return { flagged };
  }

  type CommentRow = { id: string; platform_id: string; remote_id: string; parent_remote_id: string | null; post_remote_id: string; post_id: string | null; author_handle: string | null; legislative_person_id: string | null; created_on_platform_at: string };
  const commentCols = ['id', 'platform_id', 'remote_id', 'parent_remote_id', 'post_remote_id', 'post_id', 'author_handle', 'legislative_person_id', 'created_on_platform_at'] as const;

  /**
   * Among the given (newly ingested) comments, finds members answering ANOTHER member's comment:
   * a member's comment whose parent is another member's, and — for replies that arrived before
   * their parent — another member's stored reply to a new member comment. Each pair is flagged
   * once as a possible serial meeting discussion, naming both members.
   */
  async function flagMemberResponses(commentIds: string[]): Promise<{ flagged: number }> {
    const fresh: CommentRow[] = [];
    for (const chunk of chunks([...new Set(commentIds)], CHUNK)) fresh.push(...(await db.selectFrom('comments').select(commentCols).where('id', 'in', chunk).where('legislative_person_id', 'is not', null).execute()));
    const pairs = new Map<string, { responder: CommentRow; other: CommentRow }>();
    const add = (responder: CommentRow, other: CommentRow) => {
      if (responder.legislative_person_id && other.legislative_person_id && responder.legislative_person_id !== other.legislative_person_id) pairs.set(`${responder.id}\n${other.id}`, { responder, other });
    };
    for (const c of fresh) {
      if (c.parent_remote_id) {
        const parent = await db.selectFrom('comments').select(commentCols).where('platform_id', '=', c.platform_id).where('remote_id', '=', c.parent_remote_id).executeTakeFirst();
        if (parent) add(c, parent);
      }
      const replies = await db.selectFrom('comments').select(commentCols).where('platform_id', '=', c.platform_id).where('parent_remote_id', '=', c.remote_id).where('legislative_person_id', 'is not', null).execute();
      for (const r of replies) add(r, c);
    }
    if (!pairs.size) return { flagged: 0 };
    const personIds = [...new Set([...pairs.values()].flatMap((p) => [p.responder.legislative_person_id!, p.other.legislative_person_id!]))];
    const names = new Map((await db.selectFrom('persons').select(['id', 'name']).where('id', 'in', personIds).execute()).map((p) => [p.id, p.name]));
    const platformNames = new Map((await db.selectFrom('platforms').select(['id', 'name']).where('id', 'in', [...new Set(fresh.map((c) => c.platform_id))]).execute()).map((p) => [p.id, p.name]));
    const at = toIso(clock.now());
    let flagged = 0;
    await db.transaction().execute(async (tx) => {
      for (const { responder, other } of pairs.values()) {
        const id = newId();
        const who = names.get(responder.legislative_person_id!) ?? responder.legislative_person_id!;
        const whom = names.get(other.legislative_person_id!) ?? other.legislative_person_id!;
        const isNew = await insertOnce(tx, {
          id,
          dedupe_key: ['response', responder.id, other.id].join('\n'),
          kind: 'response',
          person_id: responder.legislative_person_id!,
          platform_id: responder.platform_id,
          handle: normalizeHandle(responder.author_handle ?? ''),
          post_remote_id: responder.post_remote_id,
          post_id: responder.post_id,
          reaction: null,
          comment_id: responder.id,
          other_person_id: other.legislative_person_id,
          other_comment_id: other.id,
          occurred_at: responder.created_on_platform_at,
          recorded_at: at,
          native: null,
        });
        if (!isNew) continue;
        flagged++;
        const where = platformNames.get(responder.platform_id) ?? responder.platform_id;
        await audit.record(tx, system, { action: 'legislative.member_response_flagged', targetType: 'comment', targetId: responder.id, targetLabel: `${who} answered ${whom} on ${where}`, after: { activityId: id, personId: responder.legislative_person_id, otherPersonId: other.legislative_person_id, otherCommentId: other.id }, clauses: cite() });
        for (const role of ['city_clerk', 'city_attorney']) {
          await notifications?.notify(tx, {
            audience: 'role',
            role,
            kind: 'legislative.member_response',
            subject: `Possible serial meeting: ${who} answered ${whom} on ${where}`,
            body: `${who} responded to a comment by ${whom}, both members of a legislative body, on a City post. A discussion among members outside a noticed meeting may be a serial meeting (IV.B; Gov. Code 54952.2(b)(3)). Review it.`,
            relatedType: 'comment',
            relatedId: responder.id,
            clauses: cite(),
          });
        }
      }
    });
    return { flagged };
  }

  /** The log, newest first (the same readers as the register). */
  async function list(actor: Actor, options: { limit?: number; personId?: string; kind?: string } = {}): Promise<{ items: LegislativeActivity[] }> {
    authorize(legislativeAccountsPolicy, actor, 'legislative_account.list', null);
    const limit = options.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw invalidInput('limit', 'give a whole number from 1 to 500');
    if (options.kind !== undefined && options.kind !== 'reaction' && options.kind !== 'response') throw invalidInput('kind', "kind is 'reaction' or 'response'");
    let q = db
      .selectFrom('legislative_activity as a')
      .innerJoin('persons as p', 'p.id', 'a.person_id')
      .innerJoin('platforms as f', 'f.id', 'a.platform_id')
      .leftJoin('persons as o', 'o.id', 'a.other_person_id')
      .selectAll('a')
      .select(['p.name as person_name', 'f.name as platform_name', 'o.name as other_name'])
      .orderBy('a.recorded_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit);
    if (options.personId) q = q.where('a.person_id', '=', options.personId);
    if (options.kind) q = q.where('a.kind', '=', options.kind as 'reaction' | 'response');
    const rows = await q.execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        personId: r.person_id,
        personName: r.person_name,
        platformId: r.platform_id,
        platformName: r.platform_name,
        handle: r.handle,
        postRemoteId: r.post_remote_id,
        postId: r.post_id,
        reaction: r.reaction,
        commentId: r.comment_id,
        otherPersonId: r.other_person_id,
        otherPersonName: r.other_name,
        otherCommentId: r.other_comment_id,
        occurredAt: r.occurred_at,
        recordedAt: r.recorded_at,
      })),
    };
  }

  return { registeredHandles, recordReactions, flagMemberResponses, list };
}

export type LegislativeActivityService = ReturnType<typeof createLegislativeActivity>;
