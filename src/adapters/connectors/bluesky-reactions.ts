/**
 * Likes and reposts of the City's Bluesky posts, for the Brown Act guard (IV.B). Like replies,
 * a like or a repost is a record in the reacting account's own repository. Two ways to find them:
 *
 * - 'appview': app.bsky.feed.getLikes and app.bsky.feed.getRepostedBy, which the PDS forwards to
 *   the AppView that indexes the whole network. Sees everyone's likes and reposts.
 * - 'pds' (a PDS without an AppView cannot answer getLikes): the app.bsky.feed.like and
 *   app.bsky.feed.repost records of the given accounts only (the registered members' handles),
 *   read with com.atproto.repo.listRecords from their repositories, keeping those whose subject is
 *   a City post. Reactions by anyone else are not seen this way.
 */
import type { AppBskyActorDefs } from '@atproto/api';
import type { RemoteReaction } from '../../ports/platform-connector.ts';
import type { ReplySource } from './bluesky-replies.ts';
import type { BlueskySession } from './bluesky-session.ts';

const LIKE = 'app.bsky.feed.like';
const REPOST = 'app.bsky.feed.repost';
/** Page limits, so a much-liked post or a busy repository cannot make one fetch run without end. */
const MAX_PAGES = 50;

interface SubjectRecord {
  subject?: { uri?: string };
  createdAt?: string;
}

export async function fetchReactions(s: BlueskySession, source: ReplySource, postUris: string[], accountHandles: string[]): Promise<RemoteReaction[]> {
  if (postUris.length === 0) return [];
  const out = source === 'appview' ? await viaAppView(s, postUris) : await viaMemberRepos(s, new Set(postUris), accountHandles);
  return out.filter((r) => r.authorHandle !== s.handle);
}

const isNotFound = (err: unknown) => ['NotFound', 'InvalidRequest'].includes((err as { error?: string }).error ?? '');

async function viaAppView(s: BlueskySession, postUris: string[]): Promise<RemoteReaction[]> {
  const out: RemoteReaction[] = [];
  const actor = (a: AppBskyActorDefs.ProfileView) => ({ authorHandle: a.handle, authorName: a.displayName || null });
  for (const uri of postUris) {
    try {
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await s.agent.app.bsky.feed.getLikes({ uri, limit: 100, cursor });
        for (const l of res.data.likes) out.push({ postRemoteId: uri, kind: 'like', ...actor(l.actor), createdAt: l.createdAt, native: l });
        cursor = res.data.cursor;
        if (!cursor || res.data.likes.length === 0) break;
      }
      cursor = undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await s.agent.app.bsky.feed.getRepostedBy({ uri, limit: 100, cursor });
        for (const a of res.data.repostedBy) out.push({ postRemoteId: uri, kind: 'repost', ...actor(a), createdAt: null, native: a });
        cursor = res.data.cursor;
        if (!cursor || res.data.repostedBy.length === 0) break;
      }
    } catch (err) {
      if (isNotFound(err)) continue; // the post was removed
      throw err;
    }
  }
  return out;
}

async function viaMemberRepos(s: BlueskySession, postUris: Set<string>, handles: string[]): Promise<RemoteReaction[]> {
  const out: RemoteReaction[] = [];
  for (const handle of new Set(handles)) {
    let did: string;
    try {
      did = (await s.agent.com.atproto.identity.resolveHandle({ handle })).data.did;
    } catch (err) {
      // A registered handle that no longer resolves (renamed, deleted) has nothing to read.
      if ((err as { error?: string }).error === 'InvalidRequest' || (err as { status?: number }).status === 400) continue;
      throw err;
    }
    for (const [collection, kind] of [[LIKE, 'like'], [REPOST, 'repost']] as const) {
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await s.agent.com.atproto.repo.listRecords({ repo: did, collection, limit: 100, cursor });
        for (const r of res.data.records) {
          const v = r.value as SubjectRecord;
          if (v.subject?.uri && postUris.has(v.subject.uri)) {
            out.push({ postRemoteId: v.subject.uri, kind, authorHandle: handle, authorName: null, createdAt: v.createdAt ?? null, native: { uri: r.uri, cid: r.cid, record: r.value } });
          }
        }
        cursor = res.data.cursor;
        if (!cursor || res.data.records.length === 0) break;
      }
    }
  }
  return out;
}
