/**
 * What a batch of incoming comments needs to know before it is written, each in one query per
 * batch (not per comment): the City posts replied to, the comments already known, the newest
 * text time of the known ones, and who is behind each handle (Brown Act register, bans).
 */
import type { Executor } from '../../db/index.ts';
import { fromJson } from '../../kernel/codec.ts';
import type { CommentsDeps } from './deps.ts';
import type { IncomingComment } from './types.ts';

/** Ids per `in (…)` list: far under both databases' parameter limits. */
const IN_CHUNK = 500;

export interface KnownComment {
  id: string;
  version: number;
  text: string;
  deleted: boolean;
  /** What a record of a later version names (the comment's own fields never change). */
  owner: { platform_id: string; remote_id: string; author_handle: string | null; author_name: string | null; created_on_platform_at: string };
}

export const commentKey = (platformId: string, remoteId: string) => `${platformId}\n${remoteId}`;

function* chunks<T>(xs: readonly T[], n = IN_CHUNK): Generator<T[]> {
  for (let i = 0; i < xs.length; i += n) yield xs.slice(i, i + n);
}

/** The City posts replied to, by remote id: the post and the text published on that platform (screening context). */
export async function postsRepliedTo(db: Executor, postRemoteIds: readonly string[]): Promise<Map<string, { postId: string; text: string }>> {
  const posts = new Map<string, { postId: string; text: string }>();
  for (const chunk of chunks([...new Set(postRemoteIds)])) {
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
  return posts;
}

/** The comments already stored for these items, by platform and remote id. */
export async function knownComments(db: Executor, items: readonly IncomingComment[]): Promise<Map<string, KnownComment>> {
  const known = new Map<string, KnownComment>();
  const byPlatform = new Map<string, Set<string>>();
  for (const i of items) {
    let set = byPlatform.get(i.platformId);
    if (!set) byPlatform.set(i.platformId, (set = new Set()));
    set.add(i.remoteId);
  }
  for (const [platformId, remoteIds] of byPlatform) {
    for (const chunk of chunks([...remoteIds])) {
      const rows = await db
        .selectFrom('comments')
        .select(['id', 'platform_id', 'remote_id', 'version', 'text', 'deleted_on_platform_at', 'author_handle', 'author_name', 'created_on_platform_at'])
        .where('platform_id', '=', platformId)
        .where('remote_id', 'in', chunk)
        .execute();
      for (const r of rows) {
        const owner = { platform_id: r.platform_id, remote_id: r.remote_id, author_handle: r.author_handle, author_name: r.author_name, created_on_platform_at: r.created_on_platform_at };
        known.set(commentKey(platformId, r.remote_id), { id: r.id, version: r.version, text: r.text, deleted: r.deleted_on_platform_at !== null, owner });
      }
    }
  }
  return known;
}

/**
 * The time of each known comment's newest text (created or edited; a deletion is not a text): an
 * edit replaces the current text only if none is newer. Comments with no timed text are absent.
 */
export async function newestTextTimes(db: Executor, commentIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const chunk of chunks([...new Set(commentIds)])) {
    const rows = await db
      .selectFrom('comment_versions')
      .select((eb) => ['comment_id', eb.fn.max('at_on_platform').as('latest')])
      .where('comment_id', 'in', chunk)
      .where('kind', '<>', 'deleted')
      .groupBy('comment_id')
      .execute();
    for (const r of rows) if (r.latest != null) out.set(r.comment_id, r.latest);
  }
  return out;
}

export interface Commenters {
  member(platformId: string, handle: string | null): { personId: string } | null;
  ban(platformId: string, handle: string | null): { banId: string; clauses: string[] } | null;
}

/** Who is behind each handle: a registered member of a legislative body (IV.B), an active ban (V). */
export async function commenters(deps: Pick<CommentsDeps, 'legislativeAccountsFor' | 'legislativeAccountFor' | 'activeBans' | 'activeBan'>, handles: readonly { platformId: string; handle: string }[], now: Date): Promise<Commenters> {
  const members = new Map<string, { personId: string }>();
  const bans = new Map<string, { banId: string; clauses: string[] }>();
  const byPlatform = new Map<string, Set<string>>();
  for (const { platformId, handle } of handles) {
    let set = byPlatform.get(platformId);
    if (!set) byPlatform.set(platformId, (set = new Set()));
    set.add(handle);
  }
  for (const [platformId, set] of byPlatform) {
    const list = [...set];
    const m = deps.legislativeAccountsFor ? await deps.legislativeAccountsFor(platformId, list) : await oneByOne(list, (h) => deps.legislativeAccountFor?.(platformId, h));
    const b = deps.activeBans ? await deps.activeBans(platformId, list, now) : await oneByOne(list, (h) => deps.activeBan?.(platformId, h, now));
    for (const [h, v] of m) members.set(commentKey(platformId, h), v);
    for (const [h, v] of b) bans.set(commentKey(platformId, h), { banId: v.banId, clauses: v.clauses });
  }
  return {
    member: (platformId, handle) => (handle ? (members.get(commentKey(platformId, handle)) ?? null) : null),
    ban: (platformId, handle) => (handle ? (bans.get(commentKey(platformId, handle)) ?? null) : null),
  };
}

/** For a service wired with only the one-handle look-ups. */
async function oneByOne<T>(handles: string[], look: (h: string) => Promise<T | null> | undefined): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  for (const h of handles) {
    const v = await look(h);
    if (v) out.set(h, v);
  }
  return out;
}
