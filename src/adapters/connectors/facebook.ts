/**
 * The Facebook Page connector, through the Graph API. The platform's handle is the numeric Page
 * id; the Page access token is read from the credential vault at each call (IV.C.15(i)(ii)).
 * The Page can edit and delete its posts (IV.C.15(i)(vi)) and hide or delete comments on them
 * (IV.C.15(j)). Images go up as unpublished Page photos with their alt text (alt_text_custom)
 * and are attached to one feed post, so a post with several images is still one post.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ConnectorError, type ConnectorAccount, type PlatformConnector, type PublishedPost, type PublishRequest, type RemoteComment, type RemoteReaction } from '../../ports/platform-connector.ts';
import { connectorDescriptor } from './descriptors.ts';
import { DEFAULT_GRAPH_URL, graphClient, isMissingObject, pageIdOf, type GraphClient } from './facebook-graph.ts';

interface GraphPost {
  id: string;
  message?: string;
  created_time?: string;
  permalink_url?: string;
}

interface GraphComment {
  id: string;
  message?: string;
  from?: { id: string; name: string };
  created_time: string;
  permalink_url?: string;
  parent?: { id: string };
}

/** One entry of a post's /reactions edge: who reacted and how (LIKE, LOVE, CARE, HAHA, WOW, SAD, ANGRY …). */
interface GraphReaction {
  id: string;
  name?: string;
  type?: string;
}

interface Page<T> {
  data: T[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string };
}

export interface FacebookConnectorOptions {
  /** Graph API base with its version (CRIER_FACEBOOK_GRAPH_URL); default https://graph.facebook.com/v21.0. */
  graphUrl?: string;
  fetch?: typeof fetch;
}

/** Clock difference allowed between Crier and Facebook when comparing `since` with created_time. */
const SKEW_MS = 5 * 60_000;
const POST_FIELDS = 'id,message,created_time,permalink_url';
const COMMENT_FIELDS = 'id,message,from,created_time,permalink_url,parent';

/** Graph times look like 2026-11-26T09:06:06+0000; Crier stores ISO 8601 UTC. */
const iso = (graphTime: string | undefined) => (graphTime && !Number.isNaN(Date.parse(graphTime)) ? new Date(graphTime).toISOString() : new Date().toISOString());

/** The message Crier sends. With images the link cannot be a link attachment too, so it goes into the text. */
export function facebookMessage(post: PublishRequest): string {
  if (post.link && post.media?.length && !post.text.includes(post.link)) return `${post.text}\n\n${post.link}`;
  return post.text;
}

const asPublished = (p: GraphPost, native: unknown = p): PublishedPost => ({ remoteId: p.id, url: p.permalink_url ?? null, publishedAt: iso(p.created_time), native });

/** Every item of a cursor-paged Graph edge, following paging.next until it ends or `stop` says so. */
async function collect<T>(client: GraphClient, first: Page<T>, stop: (item: T) => boolean = () => false): Promise<T[]> {
  const out: T[] = [];
  let page: Page<T> = first;
  for (;;) {
    for (const item of page.data) {
      if (stop(item)) return out;
      out.push(item);
    }
    if (!page.paging?.next || page.data.length === 0) return out;
    page = await client.getUrl<Page<T>>(page.paging.next);
  }
}

export function createFacebookConnector(options: FacebookConnectorOptions = {}): PlatformConnector {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const graphUrl = options.graphUrl ?? DEFAULT_GRAPH_URL;
  const descriptor = connectorDescriptor('facebook')!;
  const open = (account: ConnectorAccount) => ({ client: graphClient(fetchImpl, graphUrl, account), pageId: pageIdOf(account) });

  async function uploadPhotos(client: GraphClient, pageId: string, media: NonNullable<PublishRequest['media']>): Promise<string[]> {
    const ids: string[] = [];
    for (const m of media) {
      if (!m.mimeType.startsWith('image/')) throw new ConnectorError(`The Facebook connector posts images only; ${basename(m.path)} is ${m.mimeType}`, false);
      const form = new FormData();
      form.append('source', new Blob([await readFile(m.path)], { type: m.mimeType }), basename(m.path));
      // Unpublished: the photo appears only as part of the one feed post below.
      form.append('published', 'false');
      form.append('alt_text_custom', m.altText);
      ids.push((await client.post<{ id: string }>(`/${pageId}/photos`, form)).id);
    }
    return ids;
  }

  /** The post's permalink and time; a failure here must not fail a publish that already happened. */
  async function describe(client: GraphClient, id: string, native: unknown): Promise<PublishedPost> {
    try {
      return asPublished(await client.get<GraphPost>(`/${id}`, { fields: POST_FIELDS }), native);
    } catch {
      return { remoteId: id, url: null, publishedAt: new Date().toISOString(), native };
    }
  }

  /** The Page's posts made since `since` (minus clock skew), newest first; the newest page when no `since`. */
  async function postsSince(client: GraphClient, pageId: string, since: string | undefined): Promise<GraphPost[]> {
    const query: Record<string, string> = { fields: POST_FIELDS, limit: '100' };
    const cutoff = since ? Date.parse(since) - SKEW_MS : null;
    if (cutoff !== null) query.since = String(Math.floor(cutoff / 1000));
    const first = await client.get<Page<GraphPost>>(`/${pageId}/feed`, query);
    if (cutoff === null) return first.data;
    return collect(client, first, (p) => p.created_time !== undefined && Date.parse(p.created_time) < cutoff);
  }

  return {
    type: descriptor.type,
    label: descriptor.label,
    capabilities: descriptor.capabilities,

    async publish(account, post) {
      const { client, pageId } = open(account);
      const body: Record<string, string> = { message: facebookMessage(post) };
      if (post.media?.length) {
        // Photos of an attempt that fails before the feed post stay unpublished and are never shown.
        const photoIds = await uploadPhotos(client, pageId, post.media);
        photoIds.forEach((id, i) => (body[`attached_media[${i}]`] = JSON.stringify({ media_fbid: id })));
      } else if (post.link) {
        body.link = post.link;
      }
      const created = await client.post<{ id: string }>(`/${pageId}/feed`, body);
      return describe(client, created.id, created);
    },

    /**
     * The Graph API has no idempotency key. After a crash this searches the Page's feed for a post
     * made since the first attempt (minus clock skew) whose message is exactly the one Crier sends;
     * the oldest match is taken. A post with the same text from before the attempt is not matched.
     */
    async findPublished(account, post, since) {
      const { client, pageId } = open(account);
      const want = facebookMessage(post);
      const match = (await postsSince(client, pageId, since)).reverse().find((p) => p.message === want);
      return match ? asPublished(match) : null;
    },

    async delete(account, remoteId) {
      const { client } = open(account);
      try {
        await client.del(`/${remoteId}`);
      } catch (err) {
        // Already gone (removed on Facebook, or an earlier attempt whose answer was lost): the removal holds.
        if (!isMissingObject(err)) throw err;
      }
    },

    /** Graph edits a Page post's message only; attachments stay as published (to change them, remove and post again). */
    async edit(account, remoteId, post) {
      const { client } = open(account);
      await client.post(`/${remoteId}`, { message: facebookMessage(post) });
      return asPublished(await client.get<GraphPost>(`/${remoteId}`, { fields: POST_FIELDS }));
    },

    /**
     * Comments by people (not the Page) on the given posts, replies to comments included
     * (filter=stream), across all cursor pages; without postRemoteIds, on the Page's posts made
     * since `since` (the newest page when no `since`). With `since`, only comments made after it.
     */
    async fetchComments(account, { since, postRemoteIds }) {
      const { client, pageId } = open(account);
      const postIds = postRemoteIds ?? (await postsSince(client, pageId, since)).map((p) => p.id);
      const after = since ? Date.parse(since) : null;
      const out: RemoteComment[] = [];
      for (const postId of postIds) {
        let comments: GraphComment[];
        try {
          const first = await client.get<Page<GraphComment>>(`/${postId}/comments`, { filter: 'stream', order: 'chronological', limit: '100', fields: COMMENT_FIELDS });
          comments = await collect(client, first);
        } catch (err) {
          if (isMissingObject(err)) continue; // the post was removed
          throw err;
        }
        for (const c of comments) {
          if (c.from?.id === pageId) continue;
          if (after !== null && Date.parse(c.created_time) <= after) continue;
          out.push({
            remoteId: c.id,
            postRemoteId: postId,
            authorHandle: c.from?.id ?? null,
            authorName: c.from?.name ?? null,
            text: c.message ?? '',
            createdAt: iso(c.created_time),
            url: c.permalink_url ?? null,
            parentRemoteId: c.parent?.id ?? null,
            native: c,
          });
        }
      }
      return out;
    },

    async hideComment(account, comment) {
      const { client } = open(account);
      await client.post(`/${comment.remoteId}`, { is_hidden: 'true' });
    },

    async unhideComment(account, comment) {
      const { client } = open(account);
      await client.post(`/${comment.remoteId}`, { is_hidden: 'false' });
    },

    /**
     * Who reacted to each post, from its /reactions edge (every cursor page), with the kind in
     * lower case ('like', 'love' …). Graph gives no time for a reaction. A removed post has none.
     */
    async fetchReactions(account, { postRemoteIds }) {
      const { client, pageId } = open(account);
      const out: RemoteReaction[] = [];
      for (const postId of postRemoteIds) {
        let reactions: GraphReaction[];
        try {
          reactions = await collect(client, await client.get<Page<GraphReaction>>(`/${postId}/reactions`, { fields: 'id,name,type', limit: '100' }));
        } catch (err) {
          if (isMissingObject(err)) continue;
          throw err;
        }
        for (const r of reactions) {
          if (r.id === pageId) continue;
          out.push({ postRemoteId: postId, kind: (r.type ?? 'like').toLowerCase(), authorHandle: r.id, authorName: r.name ?? null, createdAt: null, native: r });
        }
      }
      return out;
    },

    async deleteComment(account, comment) {
      const { client } = open(account);
      try {
        await client.del(`/${comment.remoteId}`);
      } catch (err) {
        if (!isMissingObject(err)) throw err;
      }
    },

    async readProfile(account) {
      const { client, pageId } = open(account);
      const page = await client.get<{ name?: string; about?: string; website?: string; picture?: { data?: { url?: string } } }>(`/${pageId}`, { fields: 'name,about,website,picture' });
      return { displayName: page.name ?? null, description: page.about ?? null, avatarUrl: page.picture?.data?.url ?? null, website: page.website ?? null, native: page };
    },
  };
}
