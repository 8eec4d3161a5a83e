import { toIso } from '../../kernel/codec.ts';
import { connectorAccount } from '../platforms/index.ts';
import type { CommentsDeps } from './deps.ts';
import type { IncomingComment } from './types.ts';

const OVERLAP_MS = 5 * 60_000;
/** Reactions are read for City posts published this recently (a member's like on an old post is still a like, but polling every post forever would not scale). */
export const REACTION_WINDOW_MS = 30 * 24 * 60 * 60_000;
/** Reactions are read at most this often per platform (comments every minute): each post costs a call or two, and platforms limit calls. */
export const REACTION_EVERY_MS = 15 * 60_000;
/** The newest City posts whose reactions are read, at most. */
const REACTION_POSTS = 100;

export interface PollResult {
  fetched: number;
  error?: string;
  /** Members' reactions newly flagged (IV.B), when the connector can read reactions. */
  reactionsFlagged?: number;
  reactionsError?: string;
}

/**
 * Polling: for each active platform with comments authorized (IV.A.6) whose connector can fetch
 * them, ask for comments on the City's published posts there, and ingest them. Then, where the
 * connector can read reactions and the platform has registered members' accounts, the reactions
 * to recent City posts go to the Brown Act guard (IV.B), which flags the members' ones.
 */
export function createPoller(deps: CommentsDeps, ingest: (items: IncomingComment[], source: 'poll') => Promise<unknown>) {
  const { db, clock, connectors, vault } = deps;

  // When each platform's reactions were last read (per process: after a restart they are read at once; flags are idempotent).
  const reactionsReadAt = new Map<string, number>();

  async function pollPlatform(platformId: string): Promise<PollResult> {
    const result = await pollComments(platformId);
    const reactions = await pollReactions(platformId);
    if (reactions.reactionsError && !result.error) {
      // Not silent: the platform's poll state shows it, as a comments failure would.
      await db.updateTable('comment_ingest_state').set({ last_error: `Reactions could not be read for the Brown Act guard (IV.B): ${reactions.reactionsError}` }).where('platform_id', '=', platformId).execute();
    }
    return { ...result, ...reactions };
  }

  async function pollReactions(platformId: string): Promise<Pick<PollResult, 'reactionsFlagged' | 'reactionsError'>> {
    const guard = deps.brownAct;
    const p = await db.selectFrom('platforms').select(['id', 'type', 'handle', 'url', 'status', 'comments_enabled']).where('id', '=', platformId).executeTakeFirstOrThrow();
    const connector = connectors(p.type);
    if (!guard || p.status !== 'active' || !p.comments_enabled || !connector?.capabilities.fetchReactions || !connector.fetchReactions) return {};
    // Only members' reactions are flagged: with no member registered on this platform there is nothing to look for.
    const handles = await guard.registeredHandles(platformId);
    if (!handles.length) return {};
    const now = clock.now().getTime();
    const last = reactionsReadAt.get(platformId);
    if (last !== undefined && now - last < REACTION_EVERY_MS && now >= last) return {};
    reactionsReadAt.set(platformId, now);
    const from = toIso(new Date(now - REACTION_WINDOW_MS));
    const posts = await db
      .selectFrom('post_publications')
      .select('remote_id')
      .where('platform_id', '=', platformId)
      .where('status', '=', 'published')
      .where('remote_id', 'is not', null)
      .where('published_at', '>=', from)
      .orderBy('published_at', 'desc')
      .limit(REACTION_POSTS)
      .execute();
    if (!posts.length) return { reactionsFlagged: 0 };
    try {
      const reactions = await connector.fetchReactions(connectorAccount(p, vault.tokenFor), { postRemoteIds: posts.map((r) => r.remote_id!), accountHandles: handles });
      return { reactionsFlagged: (await guard.recordReactions(platformId, reactions)).flagged };
    } catch (e) {
      return { reactionsFlagged: 0, reactionsError: e instanceof Error ? e.message : String(e) };
    }
  }

  async function pollComments(platformId: string): Promise<{ fetched: number; error?: string }> {
    const p = await db.selectFrom('platforms').select(['id', 'type', 'handle', 'url', 'status', 'comments_enabled']).where('id', '=', platformId).executeTakeFirstOrThrow();
    const connector = connectors(p.type);
    if (p.status !== 'active' || !p.comments_enabled || !connector?.capabilities.fetchComments) return { fetched: 0 };
    const state = await db.selectFrom('comment_ingest_state').selectAll().where('platform_id', '=', platformId).executeTakeFirst();
    const posts = await db.selectFrom('post_publications').select('remote_id').where('platform_id', '=', platformId).where('status', '=', 'published').where('remote_id', 'is not', null).execute();
    const at = toIso(clock.now());
    const save = (set: { last_polled_at: string; last_seen_at?: string | null; last_error: string | null }) =>
      db
        .insertInto('comment_ingest_state')
        .values({ platform_id: platformId, last_seen_at: state?.last_seen_at ?? null, ...set })
        .onConflict((oc) => oc.column('platform_id').doUpdateSet(set))
        .execute();
    if (!posts.length) {
      await save({ last_polled_at: at, last_error: null });
      return { fetched: 0 };
    }
    try {
      // Ask again from a little before the newest comment seen: platforms give times to the second
      // and comments can land out of order; ingest is idempotent, so the overlap costs nothing.
      const since = state?.last_seen_at ? new Date(Date.parse(state.last_seen_at) - OVERLAP_MS).toISOString() : undefined;
      const remote = await connector.fetchComments(connectorAccount(p, vault.tokenFor), { since, postRemoteIds: posts.map((r) => r.remote_id!) });
      await ingest(
        remote.map((r) => ({ platformId, remoteId: r.remoteId, postRemoteId: r.postRemoteId, parentRemoteId: r.parentRemoteId ?? null, authorHandle: r.authorHandle, authorName: r.authorName, text: r.text, createdAt: r.createdAt, url: r.url, native: r.native })),
        'poll',
      );
      const newest = remote.reduce<string | null>((m, r) => (m === null || r.createdAt > m ? r.createdAt : m), state?.last_seen_at ?? null);
      await save({ last_polled_at: at, last_seen_at: newest, last_error: null });
      return { fetched: remote.length };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      await save({ last_polled_at: at, last_error: error });
      return { fetched: 0, error };
    }
  }

  async function pollAll(): Promise<Record<string, PollResult>> {
    const platforms = await db.selectFrom('platforms').select('id').where('status', '=', 'active').where('comments_enabled', '=', 1).execute();
    const out: Record<string, PollResult> = {};
    for (const p of platforms) out[p.id] = await pollPlatform(p.id);
    return out;
  }

  return { pollPlatform, pollAll };
}
