/**
 * The Mastodon connector, through the instance's client API (docs.joinmastodon.org/methods).
 * The instance is the origin of the platform's account URL; the access token is read from the
 * credential vault at each call (IV.C.15(i)(ii)). Posts are public statuses; the City can edit
 * and delete its own statuses (IV.C.15(i)(vi)); replies are the descendants of a status. The
 * client API gives no way to hide (or show again) or delete another account's reply, so this
 * connector does not declare those capabilities (see the descriptor in descriptors.ts).
 * Favourites and boosts of a status are read with favourited_by and reblogged_by.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  ConnectorError,
  UnsupportedByConnector,
  type PlatformConnector,
  type PublishedPost,
  type PublishRequest,
  type RemoteComment,
  type RemoteProfile,
  type RemoteReaction,
} from '../../ports/platform-connector.ts';
import { connectorDescriptor } from './descriptors.ts';
import { mastodonClient, nextLink, type MastodonClient } from './mastodon-http.ts';
import { htmlToText, statusText } from './mastodon-text.ts';

interface Account {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  note: string;
  url: string;
  avatar: string;
  fields?: { name: string; value: string }[];
  source?: { note?: string; fields?: { name: string; value: string }[] };
}

interface Status {
  id: string;
  url: string | null;
  uri: string;
  created_at: string;
  content: string;
  in_reply_to_id: string | null;
  account: Account;
}

interface Media {
  id: string;
  url: string | null;
}

export interface MastodonConnectorOptions {
  fetch?: typeof fetch;
  /** Wait between polls of an attachment the instance is still processing (POST /api/v2/media answered 202). */
  mediaPollMs?: number;
  /** How many polls before giving up on an attachment (the publisher retries later). */
  mediaPollLimit?: number;
}

/** Page size for the account's statuses (the API's maximum). */
const PAGE = 40;
/** Page size for favourited_by / reblogged_by (the API's maximum). */
const ACCOUNTS_PAGE = 80;
/** Pages followed per status and reaction kind, so one viral status cannot make a poll run without end. */
const MAX_REACTION_PAGES = 50;
/** Clock difference allowed between Crier and the instance when comparing `since` with created_at. */
const SKEW_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const published = (s: Status): PublishedPost => ({ remoteId: s.id, url: s.url ?? s.uri, publishedAt: s.created_at, native: s });

export function createMastodonConnector(options: MastodonConnectorOptions = {}): PlatformConnector {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const pollMs = options.mediaPollMs ?? 1000;
  const pollLimit = options.mediaPollLimit ?? 30;
  const descriptor = connectorDescriptor('mastodon')!;

  /** Uploads the (already scanned and stripped) attachments with their alt text as `description`; returns their ids once processed. */
  async function uploadMedia(client: MastodonClient, media: PublishRequest['media']): Promise<string[]> {
    const ids: string[] = [];
    for (const m of media ?? []) {
      const bytes = await readFile(m.path);
      const form = new FormData();
      form.append('file', new Blob([bytes], { type: m.mimeType }), basename(m.path));
      form.append('description', m.altText);
      const res = await client.request<Media>('POST', '/api/v2/media', { form });
      // 202: the instance still processes the file; a status may only attach it once GET answers 200.
      let ready = res.status === 200 && res.body.url !== null;
      for (let i = 0; !ready && i < pollLimit; i++) {
        await sleep(pollMs);
        const poll = await client.request<Media>('GET', `/api/v1/media/${encodeURIComponent(res.body.id)}`);
        ready = poll.status === 200;
      }
      if (!ready) throw new ConnectorError(`Mastodon is still processing the attachment ${basename(m.path)}`, true);
      ids.push(res.body.id);
    }
    return ids;
  }

  const ownAccount = async (client: MastodonClient) => (await client.request<Account>('GET', '/api/v1/accounts/verify_credentials')).body;

  /**
   * The account's own top-level statuses, newest first, back to `since` (minus clock skew), or
   * the newest page when there is no `since`. Follows the Link header's rel="next".
   */
  async function ownStatusesSince(client: MastodonClient, since: string | undefined): Promise<Status[]> {
    const me = await ownAccount(client);
    const cutoff = since ? Date.parse(since) - SKEW_MS : null;
    const out: Status[] = [];
    let res = await client.request<Status[]>('GET', `/api/v1/accounts/${encodeURIComponent(me.id)}/statuses?limit=${PAGE}&exclude_replies=true&exclude_reblogs=true`);
    for (;;) {
      for (const s of res.body) {
        if (cutoff !== null && Date.parse(s.created_at) < cutoff) return out;
        out.push(s);
      }
      const next = nextLink(res.headers.get('link'));
      if (cutoff === null || !next || res.body.length === 0) return out;
      res = await client.getUrl<Status[]>(next);
    }
  }

  const unsupported = (capability: 'hideComment' | 'deleteComment') => {
    throw new UnsupportedByConnector('mastodon', capability);
  };

  return {
    type: descriptor.type,
    label: descriptor.label,
    capabilities: descriptor.capabilities,

    async publish(account, post) {
      const client = mastodonClient(fetchImpl, account);
      // An attachment uploaded by an attempt that then failed stays unattached; the instance removes those itself.
      const mediaIds = await uploadMedia(client, post.media);
      const res = await client.request<Status>('POST', '/api/v1/statuses', {
        json: { status: statusText(post), visibility: 'public', media_ids: mediaIds },
        // The instance answers a repeated key with the status it already made instead of posting again.
        headers: { 'idempotency-key': post.idempotencyKey },
      });
      return published(res.body);
    },

    /**
     * Mastodon keeps an Idempotency-Key for about an hour only, and has no way to look a key up
     * without posting. A crash may be noticed much later (a worker down overnight), when
     * re-sending the key would post again. So this searches the account's own statuses made
     * since the first attempt for one with exactly the text Crier would send (GET …/source gives
     * the plain text as written). Only a status made in that window can match, so an identical
     * text posted days ago is not mistaken for this one; the oldest match is taken.
     */
    async findPublished(account, post, since) {
      const client = mastodonClient(fetchImpl, account);
      const want = statusText(post);
      const candidates = (await ownStatusesSince(client, since)).reverse();
      const squash = (t: string) => t.replace(/\s+/g, '');
      for (const s of candidates) {
        // A lenient first look at the rendered HTML (whitespace aside) before asking for the exact source text.
        if (squash(htmlToText(s.content)) !== squash(want)) continue;
        const source = await client.request<{ text: string }>('GET', `/api/v1/statuses/${encodeURIComponent(s.id)}/source`);
        if (source.body.text === want) return published(s);
      }
      return null;
    },

    async delete(account, remoteId) {
      const client = mastodonClient(fetchImpl, account);
      try {
        await client.request('DELETE', `/api/v1/statuses/${encodeURIComponent(remoteId)}`);
      } catch (err) {
        // Already gone (removed by hand or by an earlier attempt whose answer was lost): the removal holds.
        if (err instanceof ConnectorError && err.status === 404) return;
        throw err;
      }
    },

    async edit(account, remoteId, post) {
      const client = mastodonClient(fetchImpl, account);
      // The edit replaces the whole status: text and attachments (absent media_ids would drop them).
      const mediaIds = await uploadMedia(client, post.media);
      const res = await client.request<Status>('PUT', `/api/v1/statuses/${encodeURIComponent(remoteId)}`, {
        json: { status: statusText(post), media_ids: mediaIds },
      });
      return published(res.body);
    },

    /**
     * Replies by other accounts to the given statuses (the descendants in their context), or,
     * without postRemoteIds, to the account's statuses made since `since` (the newest page when
     * no `since`). The City's own replies are not comments. With `since`, only replies made after it.
     */
    async fetchComments(account, { since, postRemoteIds }) {
      const client = mastodonClient(fetchImpl, account);
      const me = await ownAccount(client);
      const postIds = postRemoteIds ?? (await ownStatusesSince(client, since)).map((s) => s.id);
      const after = since ? Date.parse(since) : null;
      const out: RemoteComment[] = [];
      for (const postId of postIds) {
        let context: { descendants: Status[] };
        try {
          context = (await client.request<{ descendants: Status[] }>('GET', `/api/v1/statuses/${encodeURIComponent(postId)}/context`)).body;
        } catch (err) {
          if (err instanceof ConnectorError && err.status === 404) continue; // the post was removed
          throw err;
        }
        for (const r of context.descendants) {
          if (r.account.id === me.id) continue;
          if (after !== null && Date.parse(r.created_at) <= after) continue;
          out.push({
            remoteId: r.id,
            postRemoteId: postId,
            authorHandle: r.account.acct,
            authorName: r.account.display_name || r.account.username,
            text: htmlToText(r.content),
            createdAt: r.created_at,
            url: r.url ?? r.uri,
            parentRemoteId: r.in_reply_to_id && r.in_reply_to_id !== postId ? r.in_reply_to_id : null,
            native: r,
          });
        }
      }
      return out;
    },

    /**
     * The accounts that favourited or boosted each status (favourited_by, reblogged_by), every
     * page by the Link header. The client API gives no time for either.
     */
    async fetchReactions(account, { postRemoteIds }) {
      const client = mastodonClient(fetchImpl, account);
      const me = await ownAccount(client);
      const out: RemoteReaction[] = [];
      for (const postId of postRemoteIds) {
        for (const [kind, edge] of [['favourite', 'favourited_by'], ['boost', 'reblogged_by']] as const) {
          let res;
          try {
            res = await client.request<Account[]>('GET', `/api/v1/statuses/${encodeURIComponent(postId)}/${edge}?limit=${ACCOUNTS_PAGE}`);
          } catch (err) {
            if (err instanceof ConnectorError && err.status === 404) break; // the post was removed
            throw err;
          }
          for (let page = 1; ; page++) {
            for (const a of res.body) if (a.id !== me.id) out.push({ postRemoteId: postId, kind, authorHandle: a.acct, authorName: a.display_name || a.username, createdAt: null, native: a });
            const next = nextLink(res.headers.get('link'));
            if (!next || res.body.length === 0 || page >= MAX_REACTION_PAGES) break;
            res = await client.getUrl<Account[]>(next);
          }
        }
      }
      return out;
    },

    hideComment: async () => unsupported('hideComment'),
    deleteComment: async () => unsupported('deleteComment'),

    async readProfile(account): Promise<RemoteProfile> {
      const me = await ownAccount(mastodonClient(fetchImpl, account));
      const fields = me.source?.fields ?? me.fields?.map((f) => ({ name: f.name, value: htmlToText(f.value) })) ?? [];
      const website = fields.map((f) => f.value.match(/https?:\/\/\S+/)?.[0]).find(Boolean) ?? null;
      return {
        displayName: me.display_name || me.username,
        description: me.source?.note ?? (htmlToText(me.note) || null),
        avatarUrl: me.avatar ?? null,
        website,
        native: me,
      };
    },
  };
}
