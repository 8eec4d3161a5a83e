/**
 * The Bluesky connector (AT Protocol, through @atproto/api). Signs in to the platform's account
 * with its handle and an app password read from the credential vault (bluesky-session.ts).
 *
 * - Publish writes an app.bsky.feed.post record under a record key derived from the idempotency
 *   key, so the repository can hold only one record per publish request: a retry finds the
 *   record the lost attempt made instead of posting again (exactly once).
 * - Delete removes the record (IV.C.15(i)(vi)) and the thread gate Crier may have made for it.
 * - Replies are records in the repliers' repositories (bluesky-replies.ts for how they are found).
 * - The City cannot delete another account's reply; it hides it in the post's threadgate record
 *   (hiddenReplies), which Bluesky's apps honour, and shows it again by taking it out of the list.
 * - Likes and reposts of City posts: bluesky-reactions.ts.
 * - Posts cannot be edited on Bluesky (the apps show no edits): no edit.
 */
import { UnsupportedByConnector, ConnectorError, type PlatformConnector } from '../../ports/platform-connector.ts';
import { connectorDescriptor } from './descriptors.ts';
import {
  POST,
  PROFILE,
  THREADGATE,
  asPublished,
  buildPostRecord,
  checkPublishable,
  getRecordOrNull,
  parsePostUri,
  recordKeyFor,
} from './bluesky-records.ts';
import { fetchReactions } from './bluesky-reactions.ts';
import { fetchReplies, ownPostUris, type ReplySource } from './bluesky-replies.ts';
import { createSessionPool, type BlueskySession } from './bluesky-session.ts';

export interface BlueskyConnectorOptions {
  /** The account's PDS or entryway (CRIER_BLUESKY_SERVICE), e.g. https://bsky.social. */
  service: string;
  fetch?: typeof fetch;
  /** How replies are found (CRIER_BLUESKY_REPLIES): through the AppView (default) or by reading the PDS's repositories. */
  replies?: ReplySource;
  /** The web app that post links point at. */
  appUrl?: string;
  /** Milliseconds since the epoch, for the session's lifetime (tests move it). */
  now?: () => number;
}

/** The most reply URIs a threadgate holds (the lexicon's limit). */
const MAX_HIDDEN = 300;

export function createBlueskyConnector(options: BlueskyConnectorOptions): PlatformConnector {
  const descriptor = connectorDescriptor('bluesky')!;
  const pool = createSessionPool({ service: options.service, fetch: options.fetch, now: options.now });
  const appUrl = options.appUrl ?? 'https://bsky.app';
  const replySource = options.replies ?? 'appview';

  const findOwn = async (s: BlueskySession, rkey: string) => {
    const r = await getRecordOrNull(s.agent, s.did, POST, rkey);
    return r ? asPublished(appUrl, s.handle, r) : null;
  };

  /** A post URI of this account (the City acts on its own posts only). */
  const ownPost = (s: BlueskySession, uri: string) => {
    const p = parsePostUri(uri);
    if (p.repo !== s.did) throw new ConnectorError(`The post ${uri} is not the City account's (${s.did})`, false);
    return p;
  };

  /**
   * Rewrites the hiddenReplies of a post's threadgate (same record key as the post), keeping its
   * reply rules. change() gives the new list, or null when there is nothing to do.
   */
  async function changeHidden(s: BlueskySession, comment: { remoteId: string; postRemoteId: string }, change: (hidden: string[]) => string[] | null): Promise<void> {
    const { rkey } = ownPost(s, comment.postRemoteId);
    for (let attempt = 0; ; attempt++) {
      const gate = await getRecordOrNull(s.agent, s.did, THREADGATE, rkey);
      const value = (gate?.value ?? {}) as { hiddenReplies?: string[]; createdAt?: string };
      const next = change(value.hiddenReplies ?? []);
      if (next === null) return;
      const record = { ...value, $type: THREADGATE, post: comment.postRemoteId, createdAt: value.createdAt ?? new Date().toISOString(), hiddenReplies: next };
      try {
        // swapRecord: refuse if the gate changed since we read it (another hide at the same time); then read again.
        await s.agent.com.atproto.repo.putRecord({ repo: s.did, collection: THREADGATE, rkey, record, swapRecord: gate?.cid ?? null, validate: true });
        return;
      } catch (err) {
        if ((err as { error?: string }).error !== 'InvalidSwap' || attempt >= 2) throw err;
      }
    }
  }

  return {
    type: descriptor.type,
    label: descriptor.label,
    capabilities: descriptor.capabilities,

    async publish(account, post) {
      checkPublishable(post);
      const rkey = recordKeyFor(post.idempotencyKey);
      return pool.run(account, 'publish the post', async (s) => {
        const existing = await findOwn(s, rkey);
        if (existing) return existing;
        const record = await buildPostRecord(s.agent, post, new Date().toISOString());
        try {
          const res = await s.agent.com.atproto.repo.createRecord({ repo: s.did, collection: POST, rkey, record, validate: true });
          return asPublished(appUrl, s.handle, { uri: res.data.uri, cid: res.data.cid, value: record });
        } catch (err) {
          // The key is taken: an attempt whose answer was lost (or a racing one) made the post. Use it.
          const made = await findOwn(s, rkey).catch(() => null);
          if (made) return made;
          throw err;
        }
      });
    },

    async findPublished(account, post) {
      const rkey = recordKeyFor(post.idempotencyKey);
      return pool.run(account, 'look up an earlier attempt', (s) => findOwn(s, rkey));
    },

    async delete(account, remoteId) {
      await pool.run(account, 'remove the post', async (s) => {
        const { rkey } = ownPost(s, remoteId);
        // deleteRecord of a record already gone succeeds: a removal retried after a lost answer holds.
        await s.agent.com.atproto.repo.deleteRecord({ repo: s.did, collection: POST, rkey });
        await s.agent.com.atproto.repo.deleteRecord({ repo: s.did, collection: THREADGATE, rkey });
      });
    },

    edit: () => Promise.reject(new UnsupportedByConnector('bluesky', 'editPost')),

    async fetchComments(account, { since, postRemoteIds }) {
      return pool.run(account, 'fetch replies', async (s) => {
        const uris = postRemoteIds ?? (await ownPostUris(s, since));
        return fetchReplies(s, replySource, appUrl, uris, since);
      });
    },

    async hideComment(account, comment) {
      await pool.run(account, 'hide the reply', (s) =>
        changeHidden(s, comment, (hidden) => {
          if (hidden.includes(comment.remoteId)) return null;
          if (hidden.length >= MAX_HIDDEN) throw new ConnectorError(`Bluesky hides at most ${MAX_HIDDEN} replies per post`, false);
          return [...hidden, comment.remoteId];
        }),
      );
    },

    async unhideComment(account, comment) {
      await pool.run(account, 'show the reply again', (s) => changeHidden(s, comment, (hidden) => (hidden.includes(comment.remoteId) ? hidden.filter((u) => u !== comment.remoteId) : null)));
    },

    async fetchReactions(account, { postRemoteIds, accountHandles }) {
      return pool.run(account, 'fetch likes and reposts', (s) => fetchReactions(s, replySource, postRemoteIds, accountHandles ?? []));
    },

    deleteComment: () => Promise.reject(new UnsupportedByConnector('bluesky', 'deleteComment')),

    async readProfile(account) {
      return pool.run(account, 'read the profile', async (s) => {
        const r = await getRecordOrNull(s.agent, s.did, PROFILE, 'self');
        const v = (r?.value ?? {}) as { displayName?: string; description?: string; website?: string; avatar?: { ref?: { toString(): string } } };
        const avatarCid = v.avatar?.ref?.toString();
        return {
          displayName: v.displayName || null,
          description: v.description || null,
          // The PDS serves the account's blobs itself (no AppView or CDN needed).
          avatarUrl: avatarCid ? `${s.pdsUrl}/xrpc/com.atproto.sync.getBlob?did=${encodeURIComponent(s.did)}&cid=${encodeURIComponent(avatarCid)}` : null,
          website: v.website || null,
          native: { did: s.did, handle: s.handle, profile: r?.value ?? null },
        };
      });
    },
  };
}
