/**
 * The comment ingest as it was before the batch path (src/modules/comments/ingest.ts at commit
 * 52b38da): per-handle register and ban look-ups, screening on the main thread, one archive
 * capture per comment. Kept only so bench/comments/ingest.ts can measure the old path in the same
 * run as the new one (the machine is shared, so only same-run numbers compare). Not used by Crier.
 */
import { createHash } from 'node:crypto';
import type { Executor, NewRow } from '../../src/db/index.ts';
import { systemActor } from '../../src/kernel/actor.ts';
import { fromJson, toIso, toJson } from '../../src/kernel/codec.ts';
import { newId } from '../../src/kernel/ids.ts';
import { storableText } from '../../src/kernel/text.ts';
import { retentionEligibleFrom } from '../../src/policy/index.ts';
import type { Finding } from '../../src/screening/index.ts';
import { C } from '../../src/modules/comments/clauses.ts';
import type { CommentsDeps } from '../../src/modules/comments/deps.ts';
import type { IncomingComment, IngestResult, IngestSource } from '../../src/modules/comments/types.ts';

const MAX_TEXT = 100_000;
/** Rows per multi-row insert: under SQLite's 32,766 bound parameters at 23 columns. */
const INSERT_CHUNK = 500;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** How urgent a comment is for the queue: threats and safety first, then any block, then advice. */
export function severityOf(findings: readonly Finding[], legislative: boolean): number {
  let s = 0;
  for (const f of findings) {
    if (f.severity === 'block') s = Math.max(s, f.clause === 'V.11' || f.clause === 'V.12' ? 3 : 2);
    else s = Math.max(s, 1);
  }
  return legislative ? Math.max(s, 2) : s;
}

export interface AutoHideCandidate {
  commentId: string;
  clauses: string[];
  /** Hidden because its author is under a ban (V), not (only) for what it says. */
  banId?: string;
}

/**
 * Durable, idempotent ingest: one transaction per batch, acknowledged only after it commits.
 * A comment is known by platform and the platform's id; a changed text is a new version (the
 * old one kept), a deletion by its author is a version too, and the native payload is kept with
 * each. Only platforms whose comments the City Manager authorized are taken (IV.A.6).
 */
export function createIngest(deps: CommentsDeps) {
  const { db, clock, pack, audit, notifications, screenComment } = deps;
  const system = systemActor('comment-ingest');

  async function ingest(items: IncomingComment[], source: IngestSource): Promise<IngestResult & { autoHide: AutoHideCandidate[]; ids: string[] }> {
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

    const valid: { i: number; item: IncomingComment }[] = [];
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
      valid.push({ i, item });
    });

    // The posts replied to, for context (the text of the City's post), and the comments already known.
    const postRemoteIds = [...new Set(valid.map((v) => v.item.postRemoteId))];
    const posts = new Map<string, { postId: string; text: string }>();
    for (const chunk of chunks(postRemoteIds, 500)) {
      const rows = await db
        .selectFrom('post_publications as pb')
        .innerJoin('posts as p', 'p.id', 'pb.post_id')
        .innerJoin('post_versions as v', (j) => j.onRef('v.post_id', '=', 'p.id').onRef('v.version', '=', 'pb.version'))
        .select(['pb.remote_id', 'p.id', 'v.body', 'v.targets', 'pb.platform_id'])
        .where('pb.remote_id', 'in', chunk)
        .execute();
      for (const r of rows) {
        const target = fromJson<{ platformId: string; text: string | null }[]>(r.targets).find((t) => t.platformId === r.platform_id);
        posts.set(r.remote_id!, { postId: r.id, text: target?.text ?? r.body });
      }
    }
    const existing = new Map<string, { id: string; version: number; text: string; at: string | null; deleted: boolean }>();
    for (const pid of platformIds) {
      const remoteIds = valid.filter((v) => v.item.platformId === pid).map((v) => v.item.remoteId);
      for (const chunk of chunks(remoteIds, 500)) {
        const rows = await db.selectFrom('comments').select(['id', 'remote_id', 'version', 'text', 'deleted_on_platform_at', 'created_on_platform_at']).where('platform_id', '=', pid).where('remote_id', 'in', chunk).execute();
        for (const r of rows) existing.set(`${pid}\n${r.remote_id}`, { id: r.id, version: r.version, text: r.text, at: r.created_on_platform_at, deleted: r.deleted_on_platform_at !== null });
      }
    }
    const latestAt = new Map<string, string>();
    // Who is behind each handle (Brown Act register, bans) is read before the transaction opens:
    // SQLite has one connection, and these lookups use it.
    const legislative = new Map<string, { personId: string } | null>();
    const bans = new Map<string, { banId: string; clauses: string[] } | null>();
    const handleKey = (platformId: string, handle: string) => `${platformId}\n${handle.toLowerCase()}`;
    for (const { item } of valid) {
      if (!item.authorHandle) continue;
      const key = handleKey(item.platformId, item.authorHandle);
      if (legislative.has(key)) continue;
      legislative.set(key, deps.legislativeAccountFor ? await deps.legislativeAccountFor(item.platformId, item.authorHandle) : null);
      bans.set(key, deps.activeBan ? await deps.activeBan(item.platformId, item.authorHandle, now) : null);
    }
    const legislativeOf = (platformId: string, handle: string | null) => (handle ? (legislative.get(handleKey(platformId, handle)) ?? null) : null);
    const banOf = (platformId: string, handle: string | null) => (handle ? (bans.get(handleKey(platformId, handle)) ?? null) : null);
    const flagged: { commentId: string; personId: string; platformId: string }[] = [];

    // New comments are written in multi-row inserts (one statement per chunk, not two per comment);
    // anything that touches a comment still waiting in the chunk flushes it first.
    const pendingComments: NewRow<'comments'>[] = [];
    const pendingVersions: NewRow<'comment_versions'>[] = [];
    const pendingKeys = new Set<string>();
    const retention = new Map<string, string>();
    const retainUntil = (createdAt: string) => {
      const day = createdAt.slice(0, 10);
      if (!retention.has(day)) retention.set(day, retentionEligibleFrom(pack, 'comments', new Date(createdAt)));
      return retention.get(day)!;
    };

    await db.transaction().execute(async (tx) => {
      const flush = async () => {
        for (let i = 0; i < pendingComments.length; i += INSERT_CHUNK) await tx.insertInto('comments').values(pendingComments.slice(i, i + INSERT_CHUNK)).execute();
        for (let i = 0; i < pendingVersions.length; i += INSERT_CHUNK) await tx.insertInto('comment_versions').values(pendingVersions.slice(i, i + INSERT_CHUNK)).execute();
        if (deps.archive) for (const c of pendingComments) await deps.archive.comment(tx, c.id);
        pendingComments.length = 0;
        pendingVersions.length = 0;
        pendingKeys.clear();
      };
      for (const { item } of valid) {
        const key = `${item.platformId}\n${item.remoteId}`;
        const known = existing.get(key);
        if (known && pendingKeys.has(key)) await flush();
        const text = storable(item.text.slice(0, MAX_TEXT));
        const native = toJson(item.native ?? null);
        const post = posts.get(item.postRemoteId);
        if (!known) {
          const id = newId();
          const member = legislativeOf(item.platformId, item.authorHandle);
          const findings = item.deleted ? [] : screenComment(text, post?.text);
          const severity = severityOf(findings, member !== null);
          pendingKeys.add(key);
          pendingComments.push({
              id,
              platform_id: item.platformId,
              remote_id: item.remoteId,
              post_id: post?.postId ?? null,
              post_remote_id: item.postRemoteId,
              parent_remote_id: item.parentRemoteId ?? null,
              author_handle: item.authorHandle == null ? null : storable(item.authorHandle.slice(0, 500)),
              author_name: item.authorName == null ? null : storable(item.authorName.slice(0, 500)),
              url: item.url ?? null,
              text,
              version: 1,
              source,
              created_on_platform_at: item.createdAt,
              captured_at: at,
              updated_at: at,
              deleted_on_platform_at: item.deleted ? (item.editedAt ?? at) : null,
              visibility: 'visible',
              review_state: 'open',
              severity,
              findings: toJson(findings),
              legislative_person_id: member?.personId ?? null,
              retain_until: retainUntil(item.createdAt),
          });
          pendingVersions.push({ id: newId(), comment_id: id, version: 1, kind: item.deleted ? 'deleted' : 'created', text, native, sha256: sha256(text), at_on_platform: item.editedAt ?? item.createdAt, captured_at: at });
          existing.set(key, { id, version: 1, text, at: item.editedAt ?? item.createdAt, deleted: !!item.deleted });
          latestAt.set(id, item.editedAt ?? item.createdAt);
          ids.push(id);
          result.created++;
          if (member) flagged.push({ commentId: id, personId: member.personId, platformId: item.platformId });
          const hide = findings.filter((f) => f.severity === 'block' && autoHideClauses.has(f.clause)).map((f) => f.clause);
          const ban = banOf(item.platformId, item.authorHandle);
          if (ban) hide.push(...ban.clauses);
          if (hide.length) autoHide.push({ commentId: id, clauses: [...new Set(hide)], ...(ban ? { banId: ban.banId } : {}) });
          continue;
        }
        if (item.deleted) {
          if (known.deleted) {
            result.unchanged++;
            continue;
          }
          known.version++;
          known.deleted = true;
          const deletedVersion = newId();
          await tx.insertInto('comment_versions').values({ id: deletedVersion, comment_id: known.id, version: known.version, kind: 'deleted', text: known.text, native, sha256: sha256(known.text), at_on_platform: item.editedAt ?? null, captured_at: at }).execute();
          await deps.archive?.commentVersion(tx, deletedVersion);
          await tx.updateTable('comments').set({ version: known.version, deleted_on_platform_at: item.editedAt ?? at, updated_at: at }).where('id', '=', known.id).execute();
          result.deleted++;
          continue;
        }
        if (text === known.text) {
          result.unchanged++;
          continue;
        }
        // An edit: always kept as a version; it becomes the current text only if it is the newest.
        known.version++;
        const editedAt = item.editedAt ?? at;
        const editedVersion = newId();
        await tx.insertInto('comment_versions').values({ id: editedVersion, comment_id: known.id, version: known.version, kind: 'edited', text, native, sha256: sha256(text), at_on_platform: editedAt, captured_at: at }).execute();
        await deps.archive?.commentVersion(tx, editedVersion);
        const newest = !latestAt.has(known.id) ? await isNewest(tx, known.id, editedAt) : editedAt >= latestAt.get(known.id)!;
        if (newest) {
          latestAt.set(known.id, editedAt);
          const findings = screenComment(text, post?.text);
          const member = legislativeOf(item.platformId, item.authorHandle);
          known.text = text;
          await tx
            .updateTable('comments')
            .set({ text, version: known.version, findings: toJson(findings), severity: severityOf(findings, member !== null), review_state: 'open', updated_at: at })
            .where('id', '=', known.id)
            .execute();
        } else {
          await tx.updateTable('comments').set({ version: known.version, updated_at: at }).where('id', '=', known.id).execute();
        }
        result.edited++;
      }
      await flush();
      if (result.created + result.edited + result.deleted > 0) {
        await audit.record(tx, system, {
          action: 'comments.ingested',
          targetType: 'platform',
          targetId: platformIds.length === 1 ? platformIds[0]! : null,
          after: { source, created: result.created, edited: result.edited, deleted: result.deleted, unchanged: result.unchanged, refused: result.refused.length },
          clauses: [C.retainRemoved],
        });
      }
      for (const f of flagged) {
        await audit.record(tx, system, { action: 'comments.legislative_flagged', targetType: 'comment', targetId: f.commentId, after: { personId: f.personId, platformId: f.platformId }, clauses: [C.brownAct] });
        await notifications.notify(tx, { audience: 'role', role: 'city_clerk', kind: 'comments.legislative', subject: 'A council member commented on a City post', body: 'A known account of a legislative body member commented on a City platform. Review it under the Brown Act guard (IV.B).', relatedType: 'comment', relatedId: f.commentId, clauses: [C.brownAct] });
      }
      for (const [platformId, n] of unauthorized) {
        await audit.record(tx, system, { action: 'comments.unauthorized_platform', targetType: 'platform', targetId: platformId, after: { refused: n, source }, clauses: [C.commentsAuthorized] });
        // A finding against the platform: comments arrive where the City Manager has not authorized them.
        await notifications.notify(tx, {
          audience: 'role',
          role: 'city_manager',
          kind: 'comments.unauthorized_platform',
          subject: `Comments arrived from ${platforms.get(platformId)?.name ?? platformId}, which is not authorized for comments`,
          body: `${n} comment(s) were refused (${source}). Turn comments off on the platform itself, or authorize comments on it (IV.A.6).`,
          relatedType: 'platform',
          relatedId: platformId,
          clauses: [C.commentsAuthorized],
        });
      }
    });
    return { ...result, autoHide, ids };
  }

  return { ingest };
}

async function isNewest(tx: Executor, commentId: string, at: string): Promise<boolean> {
  const newer = await tx.selectFrom('comment_versions').select('id').where('comment_id', '=', commentId).where('at_on_platform', '>', at).where('kind', '<>', 'deleted').limit(1).execute();
  return newer.length === 0;
}

// Text as both databases can hold it; the exact original stays in the native payload, JSON-escaped.
const storable = storableText;

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

function* chunks<T>(xs: T[], n: number): Generator<T[]> {
  for (let i = 0; i < xs.length; i += n) yield xs.slice(i, i + n);
}
