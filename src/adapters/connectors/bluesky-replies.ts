/**
 * Replies to the City's Bluesky posts. A reply is a record in the replier's own repository, not
 * the City's, so the City's PDS alone does not know them. Two ways to find them:
 *
 * - 'appview' (bsky.social and any PDS with an AppView): app.bsky.feed.getPostThread, which the
 *   PDS forwards to the AppView that indexes the whole network. Sees every reply.
 * - 'pds': com.atproto.sync.listRepos on the City's PDS, then com.atproto.repo.listRecords of
 *   each repository's posts, keeping those whose reply parent or root is a City post. Needs no
 *   AppView, but sees only replies by accounts on the same PDS (a City's own PDS, the test
 *   network), and reads every repository there — only for small PDSes.
 */
import type { AppBskyFeedDefs, AtpAgent } from '@atproto/api';
import type { RemoteComment } from '../../ports/platform-connector.ts';
import { POST, PROFILE, getRecordOrNull, postUrl } from './bluesky-records.ts';
import type { BlueskySession } from './bluesky-session.ts';

export type ReplySource = 'appview' | 'pds';

/** Without postRemoteIds: the newest own posts looked at when there is no `since`. */
const NEWEST_POSTS = 100;
/** Page limits, so a large repository cannot make one fetch run without end. */
const MAX_PAGES = 50;
const MAX_REPOS = 1000;
/** Clock difference allowed between Crier and the repliers' clients when comparing createdAt with `since`. */
const SKEW_MS = 5 * 60_000;

interface PostRecord {
  text?: string;
  createdAt?: string;
  reply?: { root?: { uri?: string }; parent?: { uri?: string } };
}

type Listed = { uri: string; cid: string; value: unknown };

/** Every record of a collection in a repository, page by page (up to MAX_PAGES), until stop() says enough. */
async function listAll(agent: AtpAgent, repo: string, collection: string, stop?: (page: Listed[]) => boolean): Promise<Listed[]> {
  const out: Listed[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await agent.com.atproto.repo.listRecords({ repo, collection, limit: 100, cursor });
    out.push(...res.data.records);
    cursor = res.data.cursor;
    if (!cursor || res.data.records.length === 0 || stop?.(res.data.records)) break;
  }
  return out;
}

const createdMs = (r: Listed) => Date.parse((r.value as PostRecord).createdAt ?? '') || 0;

/**
 * The City's posts to look under: the given ones, else those made since `since`, else the
 * newest. By createdAt, not by record key: Crier's own posts carry keys derived from their
 * idempotency keys (see recordKeyFor), which do not follow time.
 */
export async function ownPostUris(s: BlueskySession, since: string | undefined): Promise<string[]> {
  const posts = await listAll(s.agent, s.did, POST);
  posts.sort((a, b) => createdMs(b) - createdMs(a));
  if (since) {
    const cutoff = Date.parse(since) - SKEW_MS;
    return posts.filter((p) => createdMs(p) >= cutoff).map((p) => p.uri);
  }
  return posts.slice(0, NEWEST_POSTS).map((p) => p.uri);
}

export async function fetchReplies(
  s: BlueskySession,
  source: ReplySource,
  appUrl: string,
  postUris: string[],
  since: string | undefined,
): Promise<RemoteComment[]> {
  if (postUris.length === 0) return [];
  const after = since ? Date.parse(since) : null;
  const comments = source === 'appview' ? await viaAppView(s, appUrl, postUris) : await viaPdsRepos(s, appUrl, new Set(postUris), after);
  return comments.filter((c) => after === null || Date.parse(c.createdAt) >= after).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

async function viaAppView(s: BlueskySession, appUrl: string, postUris: string[]): Promise<RemoteComment[]> {
  const out: RemoteComment[] = [];
  for (const uri of postUris) {
    let thread;
    try {
      thread = (await s.agent.app.bsky.feed.getPostThread({ uri, depth: 50, parentHeight: 0 })).data.thread;
    } catch (err) {
      if ((err as { error?: string }).error === 'NotFound') continue; // the post was removed
      throw err;
    }
    const walk = (node: unknown) => {
      const t = node as AppBskyFeedDefs.ThreadViewPost;
      if (t?.$type !== 'app.bsky.feed.defs#threadViewPost') return; // not found, blocked
      for (const child of t.replies ?? []) {
        const c = child as AppBskyFeedDefs.ThreadViewPost;
        if (c?.$type === 'app.bsky.feed.defs#threadViewPost' && c.post.author.did !== s.did) {
          const record = c.post.record as PostRecord;
          out.push({
            remoteId: c.post.uri,
            postRemoteId: uri,
            authorHandle: c.post.author.handle,
            authorName: c.post.author.displayName || null,
            text: record.text ?? '',
            createdAt: record.createdAt ?? c.post.indexedAt,
            url: postUrl(appUrl, c.post.uri, c.post.author.handle),
            parentRemoteId: record.reply?.parent?.uri && record.reply.parent.uri !== uri ? record.reply.parent.uri : null,
            native: c.post,
          });
        }
        walk(child);
      }
    };
    walk(thread);
  }
  return out;
}

async function viaPdsRepos(s: BlueskySession, appUrl: string, postUris: Set<string>, after: number | null): Promise<RemoteComment[]> {
  const repos: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await s.agent.com.atproto.sync.listRepos({ limit: 500, cursor });
    repos.push(...res.data.repos.filter((r) => r.active !== false && r.did !== s.did).map((r) => r.did));
    cursor = res.data.cursor;
  } while (cursor && repos.length < MAX_REPOS);

  const out: RemoteComment[] = [];
  for (const did of repos.slice(0, MAX_REPOS)) {
    // With `since`, stop at a page whose posts are all older (records list newest key first).
    const stop = after === null ? undefined : (page: Listed[]) => page.every((r) => createdMs(r) < after - SKEW_MS);
    const replies = (await listAll(s.agent, did, POST, stop)).filter((r) => {
      const reply = (r.value as PostRecord).reply;
      return (reply?.parent?.uri && postUris.has(reply.parent.uri)) || (reply?.root?.uri && postUris.has(reply.root.uri));
    });
    if (replies.length === 0) continue;
    const handle = (await s.agent.com.atproto.repo.describeRepo({ repo: did })).data.handle;
    const profile = await getRecordOrNull(s.agent, did, PROFILE, 'self');
    const name = (profile?.value as { displayName?: string } | undefined)?.displayName || null;
    for (const r of replies) {
      const record = r.value as PostRecord;
      const parent = record.reply?.parent?.uri;
      out.push({
        remoteId: r.uri,
        // The City post it belongs to: the one replied to, or the thread's root for a reply to a reply.
        postRemoteId: parent && postUris.has(parent) ? parent : record.reply!.root!.uri!,
        authorHandle: handle,
        authorName: name,
        text: record.text ?? '',
        createdAt: record.createdAt ?? new Date(0).toISOString(),
        url: postUrl(appUrl, r.uri, handle),
        parentRemoteId: parent && !postUris.has(parent) ? parent : null,
        native: { uri: r.uri, cid: r.cid, record: r.value },
      });
    }
  }
  return out;
}
