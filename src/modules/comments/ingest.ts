import { insertRows, type Executor } from '../../db/index.ts';
import { systemActor } from '../../kernel/actor.ts';
import { fromJson, toIso } from '../../kernel/codec.ts';
import { retentionMemo } from '../../policy/index.ts';
import type { Finding } from '../../screening/index.ts';
import { C } from './clauses.ts';
import type { CommentsDeps } from './deps.ts';
import { commenters, knownComments, newestTextTimes, postsRepliedTo, commentKey } from './ingest-lookups.ts';
import { commentText, planIngest, type AutoHideCandidate, type ChunkPlan, type ScreenRequest } from './ingest-plan.ts';
import type { IncomingComment, IngestResult, IngestSource } from './types.ts';

export { severityOf, type AutoHideCandidate } from './ingest-plan.ts';

/** Comments per transaction: a larger delivery is written as several, each acknowledged work of its own. */
export const INGEST_CHUNK = 500;
/**
 * Comments per screening slice: a transaction's comments are written a slice at a time, each as
 * soon as the workers have screened it, so the main thread writes one slice while the workers
 * screen the next (with one slice of 500 it would wait for all 500 before writing any).
 */
const SCREEN_SLICE = 100;
/**
 * The delivery's first slice is smaller: nothing is written until it is screened, so the main
 * thread waits for 64 comments to be screened instead of 100 (the later slices are screened
 * while earlier ones are written); 64 is the smallest batch the screening service sends to its
 * workers rather than screening on this thread.
 */
const FIRST_SLICE = 64;
/**
 * Where slices start: every SCREEN_SLICE items, but in a delivery of two slices or more the first
 * ends at FIRST_SLICE and the second runs to 2 × SCREEN_SLICE, so no slice falls under the
 * screening service's worker minimum (a smaller one would be screened on this thread).
 */
const slicing = (total: number) => (total < 2 * SCREEN_SLICE ? (n: number) => n % SCREEN_SLICE === 0 : (n: number) => n === FIRST_SLICE || (n % SCREEN_SLICE === 0 && n !== SCREEN_SLICE));

export function createIngest(deps: CommentsDeps) {
  const { db, clock, pack, audit, notifications, screenComment } = deps;
  const system = systemActor('comment-ingest');
  const retention = retentionMemo(pack);
  const retainUntil = (createdAt: string) => retention('comments', new Date(createdAt));
  const screen = async (requests: ScreenRequest[]): Promise<Finding[][]> => {
    if (!requests.length) return [];
    if (deps.screenComments) return deps.screenComments(requests);
    return requests.map((r) => screenComment(r.text, r.context));
  };

  /**
   * One delivery at a time, in arrival order: a delivery is planned from what is stored, so two at
   * once (a webhook retried while the first attempt is still being written, a poll overlapping a
   * webhook) would both take the same new comment for new, or the same edit for the next version.
   */
  let tail: Promise<unknown> = Promise.resolve();
  function ingest(items: IncomingComment[], source: IngestSource): Promise<IngestResult & { autoHide: AutoHideCandidate[]; ids: string[] }> {
    const run = tail.then(() => ingestNow(items, source));
    tail = run.catch(() => undefined);
    return run;
  }

  async function ingestNow(items: IncomingComment[], source: IngestSource): Promise<IngestResult & { autoHide: AutoHideCandidate[]; ids: string[] }> {
    const result: IngestResult = { created: 0, edited: 0, deleted: 0, unchanged: 0, refused: [] };
    const autoHide: AutoHideCandidate[] = [];
    const ids: string[] = [];
    if (!items.length) return { ...result, autoHide, ids };
    const now = clock.now();
    const at = toIso(now);

    const platformIds = [...new Set(items.filter((i) => i && typeof i === 'object' && typeof i.platformId === 'string').map((i) => i.platformId))];
    const platforms = new Map((await db.selectFrom('platforms').select(['id', 'name', 'status', 'comments_enabled']).where('id', 'in', platformIds).execute()).map((p) => [p.id, p]));
    const settings = await db.selectFrom('moderation_settings').select(['auto_hide_clauses']).where('id', '=', 'current').executeTakeFirst();
    const autoHideClauses = new Set(fromJson<string[]>(settings?.auto_hide_clauses ?? '[]'));

    const valid: IncomingComment[] = [];
    const unauthorized = new Map<string, number>();
    items.forEach((item, i) => {
      const problem = validate(item);
      if (problem) return result.refused.push({ index: i, remoteId: String(item?.remoteId ?? ''), reason: problem });
      const p = platforms.get(item.platformId);
      if (!p) return result.refused.push({ index: i, remoteId: item.remoteId, reason: `Unknown platform ${item.platformId}` });
      if (p.status !== 'active' || !p.comments_enabled) {
        unauthorized.set(p.id, (unauthorized.get(p.id) ?? 0) + 1);
        return result.refused.push({ index: i, remoteId: item.remoteId, reason: `${p.name} does not have comments authorized by the City Manager`, clauses: [C.commentsAuthorized] });
      }
      valid.push(item);
    });

    // Read before any transaction opens (SQLite has one connection): one query per look-up.
    const posts = await postsRepliedTo(db, valid.map((v) => v.postRemoteId));
    const cutAt = slicing(valid.length);
    const early = screenFirstSliceEarly(valid, posts, cutAt);
    const known = await knownComments(db, valid);
    const edited = valid.filter((v) => !v.deleted).map((v) => known.get(commentKey(v.platformId, v.remoteId))?.id).filter((id): id is string => id !== undefined);
    const newestText = await newestTextTimes(db, edited);
    const slices = planIngest(valid, { source, at, known, posts, newestText, autoHideClauses, retainUntil, cutAt });

    // Every slice goes to the screening workers now (the first already has); the register and bans are read meanwhile.
    const screened = slices.map((p, k) => (k === 0 && early ? early.findingsFor(p) : screen(p.screen)));
    for (const s of screened) s.catch(() => undefined); // a failure is thrown where its slice awaits it
    const who = await commenters(deps, slices.flatMap((p) => p.handles), now);
    const done = new Map<number, Promise<ChunkPlan>>();
    /** Slice k with its findings filled in (once). */
    const finished = (k: number): Promise<ChunkPlan> => {
      let p = done.get(k);
      if (!p) {
        p = screened[k]!.then((found) => {
          for (const finish of slices[k]!.finish) finish(found, who);
          return slices[k]!;
        });
        done.set(k, p);
      }
      return p;
    };

    // Transactions of INGEST_CHUNK items each: the slices that start in each.
    const transactions: number[][] = [];
    slices.forEach((s, k) => (transactions[Math.floor(s.start / INGEST_CHUNK)] ??= []).push(k));
    for (const group of transactions) {
      const first = group[0]!;
      // The first slice is screened before the transaction opens; the others are awaited inside it, one behind the writing.
      await finished(first);
      const c = { created: 0, edited: 0, deleted: 0, unchanged: 0 };
      await db.transaction().execute(async (tx) => {
        for (const k of group) {
          const plan = await finished(k);
          await write(tx, plan);
          await flagMembers(tx, plan);
          for (const key of Object.keys(c) as (keyof typeof c)[]) c[key] += plan.counts[key];
        }
        if (c.created + c.edited + c.deleted > 0) {
          await audit.record(tx, system, {
            action: 'comments.ingested',
            targetType: 'platform',
            targetId: platformIds.length === 1 ? platformIds[0]! : null,
            after: { source, ...c, refused: first === 0 ? result.refused.length : 0 },
            clauses: [C.retainRemoved],
          });
        }
        if (first === 0) await reportUnauthorized(tx, unauthorized, source, (id) => platforms.get(id)?.name ?? id);
      });
      // Counted only once committed: a failed transaction acknowledges nothing of its comments.
      for (const key of Object.keys(c) as (keyof typeof c)[]) result[key] += c[key];
      for (const k of group) {
        ids.push(...slices[k]!.ids);
        autoHide.push(...slices[k]!.autoHide);
      }
    }
    return { ...result, autoHide, ids };
  }

  /**
   * The first slice's texts go to the screening workers before the stored comments are read and
   * the plan is made, so the workers screen them while this thread does that: nothing can be
   * written before the first slice is screened, and screening is a pure function of the text and
   * the post replied to, so the plan's requests for that slice (a subset: new comments and newest
   * edits) take their findings from it. Only when the slice is large enough for the workers (a
   * smaller one would be screened on this thread, for comments that may turn out to be stored
   * already); findings of comments the plan does not screen are dropped.
   */
  function screenFirstSliceEarly(valid: readonly IncomingComment[], posts: Map<string, { text: string }>, cutAt: (n: number) => boolean) {
    if (!deps.screenComments) return null;
    const requests: ScreenRequest[] = [];
    const slot = new Map<number, number>();
    for (let n = 0; n < valid.length && (n === 0 || !cutAt(n)); n++) {
      const item = valid[n]!;
      if (item.deleted) continue;
      slot.set(n, requests.length);
      requests.push({ text: commentText(item), context: posts.get(item.postRemoteId)?.text });
    }
    if (requests.length < FIRST_SLICE) return null;
    const found = screen(requests);
    found.catch(() => undefined); // a failure is thrown where the slice awaits it
    return {
      findingsFor: async (plan: ChunkPlan): Promise<Finding[][]> => {
        if (!plan.screenItems.length) return []; // nothing of it to screen (a redelivery): no wait
        const all = await found;
        return plan.screenItems.map((n) => all[slot.get(n)!]!);
      },
    };
  }

  /** The chunk's rows: comments, then every version, then the updates of comments stored before, then their archive records. */
  async function write(tx: Executor, plan: ChunkPlan): Promise<void> {
    await insertRows(tx, deps.dialect, 'comments', plan.comments);
    await insertRows(tx, deps.dialect, 'comment_versions', plan.versions);
    for (const [id, set] of plan.updates) await tx.updateTable('comments').set(set).where('id', '=', id).execute();
    await deps.archive?.commentRecords(tx, plan.archive);
  }

  async function flagMembers(tx: Executor, plan: ChunkPlan): Promise<void> {
    for (const f of plan.flagged) {
      await audit.record(tx, system, { action: 'comments.legislative_flagged', targetType: 'comment', targetId: f.commentId, after: { personId: f.personId, platformId: f.platformId }, clauses: [C.brownAct] });
      await notifications.notify(tx, { audience: 'role', role: 'city_clerk', kind: 'comments.legislative', subject: 'A council member commented on a City post', body: 'A known account of a legislative body member commented on a City platform. Review it under the Brown Act guard (IV.B).', relatedType: 'comment', relatedId: f.commentId, clauses: [C.brownAct] });
    }
  }

  async function reportUnauthorized(tx: Executor, unauthorized: Map<string, number>, source: IngestSource, nameOf: (id: string) => string): Promise<void> {
    for (const [platformId, n] of unauthorized) {
      await audit.record(tx, system, { action: 'comments.unauthorized_platform', targetType: 'platform', targetId: platformId, after: { refused: n, source }, clauses: [C.commentsAuthorized] });
      // A finding against the platform: comments arrive where the City Manager has not authorized them.
      await notifications.notify(tx, {
        audience: 'role',
        role: 'city_manager',
        kind: 'comments.unauthorized_platform',
        subject: `Comments arrived from ${nameOf(platformId)}, which is not authorized for comments`,
        body: `${n} comment(s) were refused (${source}). Turn comments off on the platform itself, or authorize comments on it (IV.A.6).`,
        relatedType: 'platform',
        relatedId: platformId,
        clauses: [C.commentsAuthorized],
      });
    }
  }

  return { ingest };
}

function validate(item: IncomingComment): string | null {
  if (!item || typeof item !== 'object') return 'not a comment object';
  for (const k of ['platformId', 'remoteId', 'postRemoteId', 'createdAt'] as const) {
    if (typeof item[k] !== 'string' || !item[k].trim()) return `${k} is missing`;
  }
  if (typeof item.text !== 'string') return 'text is missing';
  if (item.authorHandle != null && typeof item.authorHandle !== 'string') return 'authorHandle is not text';
  if (item.authorName != null && typeof item.authorName !== 'string') return 'authorName is not text';
  if (Number.isNaN(Date.parse(item.createdAt))) return `createdAt "${item.createdAt}" is not a date`;
  if (item.editedAt != null && Number.isNaN(Date.parse(item.editedAt))) return `editedAt "${item.editedAt}" is not a date`;
  if (item.remoteId.length > 512 || item.postRemoteId.length > 512) return 'an id is longer than 512 characters';
  return null;
}
