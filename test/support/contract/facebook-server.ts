/**
 * A local stand-in for the Facebook Graph API as a Page uses it, following the PUBLISHED
 * contract (developers.facebook.com/docs/graph-api: reference/page/feed, page/photos, post,
 * object/comments, comment (is_hidden), using-graph-api/error-handling, results/pagination,
 * overview/rate-limiting). Facebook cannot run here, so the connector is tested against this:
 * versioned paths (/v21.0/…), the Page access token (access_token parameter or Authorization
 * header), post ids `{page-id}_{n}`, unpublished photos attached with attached_media, cursor
 * paging (paging.cursors.before/after + paging.next), errors as {error:{message,type,code,
 * error_subcode,fbtrace_id}} (190 bad token, 100/33 missing object, 4 rate limit with the
 * X-App-Usage and X-Business-Use-Case-Usage headers), a post's /reactions edge ({id,name,type}).
 * State is in memory; hooks add comments and reactions from people, fail requests, drop a
 * response after acting (a crash) and count posts.
 */
import { RateBudget, startContractServer, type ContractServerBase, type ParsedRequest, type Reply } from './http.ts';

interface StoredPost {
  id: string;
  message: string;
  link: string | null;
  createdTime: number;
  updatedTime: number;
  photoIds: string[];
}

interface StoredPhoto {
  id: string;
  altText: string | null;
  published: boolean;
  postId: string | null;
}

interface StoredComment {
  id: string;
  postId: string;
  parentId: string | null;
  from: { id: string; name: string };
  message: string;
  createdTime: number;
  isHidden: boolean;
}

export interface FacebookContractServer extends ContractServerBase {
  /** The Graph base URL the connector is given (origin + /v21.0). */
  graphUrl: string;
  pageId: string;
  token: string;
  rateLimit: RateBudget;
  /** The Graph error code a spent budget answers with (4 app, 17 user, 32 page, 613 custom). */
  rateLimitCode: number;
  postCount(): number;
  post(id: string): (StoredPost & { photos: StoredPhoto[] }) | undefined;
  comment(id: string): StoredComment | undefined;
  /** A comment by a person on a Page post (or a reply to a comment); returns its id. fromId: the person's app-scoped id. */
  addComment(postId: string, message: string, options?: { name?: string; parentId?: string; fromPage?: boolean; createdTime?: Date; fromId?: string }): string;
  /** A person's reaction to a post (LIKE, LOVE, CARE, HAHA, WOW, SAD, ANGRY); one per person and post, as on Facebook. */
  addReaction(postId: string, person: { id: string; name: string }, type?: string): void;
  /** A Page post made elsewhere (by hand in Meta Business Suite). */
  addPagePost(message: string, createdTime?: Date): string;
}

const graphTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
const cursor = (id: string) => Buffer.from(id).toString('base64url');
const uncursor = (c: string) => Buffer.from(c, 'base64url').toString('utf8');

export async function startFacebookServer(options: { token?: string; pageId?: string; rateLimit?: number; rateWindowMs?: number } = {}): Promise<FacebookContractServer> {
  const token = options.token ?? 'facebook-page-token';
  const pageId = options.pageId ?? '104857600000001';
  const page = { id: pageId, name: 'City of Carson', about: 'Official Page of the City of Carson.', website: 'https://ci.carson.ca.us' };
  const rateLimit = new RateBudget(options.rateLimit ?? 200, options.rateWindowMs ?? 60 * 60_000);
  const posts = new Map<string, StoredPost>();
  const photos = new Map<string, StoredPhoto>();
  const comments = new Map<string, StoredComment>();
  const reactions = new Map<string, { id: string; name: string; type: string }[]>();
  let seq = 0;
  let origin = '';
  const state = { rateLimitCode: 4 };

  const graphError = (status: number, code: number, message: string, type = 'OAuthException', extra: Record<string, unknown> = {}): Reply => ({
    status,
    body: { error: { message, type, code, ...extra, fbtrace_id: `A${(++seq).toString(36)}trace` } },
  });
  const missing = (id: string) =>
    graphError(400, 100, `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, 'GraphMethodException', { error_subcode: 33 });

  function tokenOf(req: ParsedRequest): string | null {
    const param = req.fields.get('access_token');
    if (typeof param === 'string') return param;
    const m = String(req.headers.authorization ?? '').match(/^(?:Bearer|OAuth)\s+(.+)$/i);
    return m ? m[1]! : null;
  }

  const fieldsOf = (req: ParsedRequest, fallback: string[]) => {
    const f = req.fields.get('fields');
    return typeof f === 'string' ? f.split(',').map((s) => s.trim().replace(/\{.*$/, '')) : fallback;
  };
  const pick = (obj: Record<string, unknown>, fields: string[]) => Object.fromEntries(Object.entries(obj).filter(([k]) => k === 'id' || fields.includes(k)));

  const postJson = (p: StoredPost, fields: string[]) =>
    pick(
      {
        id: p.id,
        message: p.message || undefined,
        created_time: graphTime(p.createdTime),
        updated_time: graphTime(p.updatedTime),
        permalink_url: `https://www.facebook.com/${pageId}/posts/${p.id.split('_')[1]}`,
        from: { id: pageId, name: page.name },
        is_published: true,
      },
      fields,
    );

  const commentJson = (c: StoredComment, fields: string[]) =>
    pick(
      {
        id: c.id,
        message: c.message,
        from: c.from,
        created_time: graphTime(c.createdTime),
        permalink_url: `https://www.facebook.com/${pageId}/posts/${c.postId.split('_')[1]}?comment_id=${c.id.split('_')[1]}`,
        is_hidden: c.isHidden,
        parent: c.parentId ? { id: c.parentId } : undefined,
      },
      fields,
    );

  /** Cursor paging over an ordered list: data, paging.cursors and paging.next/previous as the Graph API gives them. */
  function paged<T extends { id: string }>(req: ParsedRequest, items: T[], render: (t: T) => unknown): Reply {
    const limit = Math.min(Number(req.url.searchParams.get('limit') ?? 25) || 25, 100);
    const after = req.url.searchParams.get('after');
    let start = 0;
    if (after) {
      const idx = items.findIndex((i) => i.id === uncursor(after));
      start = idx < 0 ? items.length : idx + 1;
    }
    const slice = items.slice(start, start + limit);
    if (slice.length === 0) return { status: 200, body: { data: [] } };
    const paging: Record<string, unknown> = { cursors: { before: cursor(slice[0]!.id), after: cursor(slice[slice.length - 1]!.id) } };
    const params = new URLSearchParams(req.url.searchParams);
    if (start + limit < items.length) {
      params.set('after', cursor(slice[slice.length - 1]!.id));
      params.delete('before');
      paging.next = `${origin}${req.url.pathname}?${params}`;
    }
    return { status: 200, body: { data: slice.map(render), paging } };
  }

  function createPost(req: ParsedRequest): Reply {
    const message = String(req.fields.get('message') ?? '');
    const link = req.fields.get('link');
    const attached: string[] = [];
    for (const [k, v] of req.fields) {
      if (!/^attached_media\[\d+\]$/.test(k)) continue;
      const fbid = (JSON.parse(String(v)) as { media_fbid?: string }).media_fbid;
      const photo = fbid ? photos.get(fbid) : undefined;
      if (!photo || photo.published || photo.postId) return graphError(400, 100, '(#100) attached_media must be the ids of unpublished photos of this Page', 'OAuthException');
      attached.push(photo.id);
    }
    if (!message && typeof link !== 'string' && attached.length === 0) return graphError(400, 100, '(#100) Missing message or attachment', 'OAuthException');
    if ([...message].length > 63206) return graphError(400, 100, '(#100) The message is too long', 'OAuthException');
    const now = Date.now();
    const p: StoredPost = { id: `${pageId}_${++seq}`, message, link: typeof link === 'string' ? link : null, createdTime: now, updatedTime: now, photoIds: attached };
    posts.set(p.id, p);
    for (const id of attached) photos.get(id)!.postId = p.id;
    return { status: 200, body: { id: p.id } };
  }

  function route(req: ParsedRequest): Reply {
    const path = req.url.pathname.replace(/^\/v\d+\.\d+/, '');
    const parts = path.split('/').filter(Boolean);
    const [id, edge] = [parts[0] ?? '', parts[1]];
    const m = req.method;
    if (parts.length === 0 || parts.length > 2) return graphError(400, 2500, 'Unknown path components', 'OAuthException');
    if (id === pageId) {
      if (!edge && m === 'GET') {
        const fields = fieldsOf(req, ['name']);
        const full = { ...page, picture: { data: { height: 50, width: 50, is_silhouette: false, url: `${origin}/static/page-${pageId}.jpg` } } };
        return { status: 200, body: pick(full, fields) };
      }
      if (edge === 'feed' && m === 'POST') return createPost(req);
      if (edge === 'feed' && m === 'GET') {
        const since = req.url.searchParams.get('since');
        const sinceMs = since ? (/^\d+$/.test(since) ? Number(since) * 1000 : Date.parse(since)) : 0;
        const list = [...posts.values()].filter((p) => p.createdTime >= sinceMs).sort((a, b) => b.createdTime - a.createdTime || Number(b.id.split('_')[1]) - Number(a.id.split('_')[1]));
        const fields = fieldsOf(req, ['message', 'created_time']);
        return paged(req, list, (p) => postJson(p, fields));
      }
      if (edge === 'photos' && m === 'POST') {
        const file = req.files.get('source');
        if (!file && typeof req.fields.get('url') !== 'string') return graphError(400, 324, '(#324) Requires upload file', 'OAuthException');
        if (file && !file.type.startsWith('image/')) return graphError(400, 324, '(#324) Missing or invalid image file', 'OAuthException');
        const published = req.fields.get('published') !== 'false';
        const alt = req.fields.get('alt_text_custom');
        const photo: StoredPhoto = { id: String(900000 + ++seq), altText: typeof alt === 'string' ? alt : null, published, postId: null };
        photos.set(photo.id, photo);
        if (!published) return { status: 200, body: { id: photo.id } };
        const now = Date.now();
        const p: StoredPost = { id: `${pageId}_${++seq}`, message: String(req.fields.get('message') ?? req.fields.get('caption') ?? ''), link: null, createdTime: now, updatedTime: now, photoIds: [photo.id] };
        posts.set(p.id, p);
        photo.postId = p.id;
        return { status: 200, body: { id: photo.id, post_id: p.id } };
      }
      return graphError(400, 100, `(#100) Unknown edge ${edge} on Page`, 'OAuthException');
    }
    const p = posts.get(id);
    if (p) {
      if (edge === 'comments' && m === 'GET') {
        const filter = req.url.searchParams.get('filter') ?? 'toplevel';
        const list = [...comments.values()].filter((c) => c.postId === p.id && (filter === 'stream' || c.parentId === null)).sort((a, b) => a.createdTime - b.createdTime);
        const fields = fieldsOf(req, ['message', 'created_time', 'from']);
        return paged(req, list, (c) => commentJson(c, fields));
      }
      if (edge === 'reactions' && m === 'GET') {
        const type = req.url.searchParams.get('type');
        const list = (reactions.get(p.id) ?? []).filter((r) => !type || r.type === type);
        const fields = fieldsOf(req, ['id', 'name']);
        return paged(req, list, (r) => pick(r, fields));
      }
      if (edge) return graphError(400, 100, `(#100) Unknown edge ${edge} on Post`, 'OAuthException');
      if (m === 'GET') return { status: 200, body: postJson(p, fieldsOf(req, ['message', 'created_time'])) };
      if (m === 'POST') {
        const message = req.fields.get('message');
        if (typeof message !== 'string' || !message) return graphError(400, 100, '(#100) The parameter message is required', 'OAuthException');
        p.message = message;
        p.updatedTime = Date.now();
        return { status: 200, body: { success: true } };
      }
      if (m === 'DELETE') {
        posts.delete(p.id);
        for (const c of [...comments.values()]) if (c.postId === p.id) comments.delete(c.id);
        return { status: 200, body: { success: true } };
      }
    }
    const c = comments.get(id);
    if (c && !edge) {
      if (m === 'GET') return { status: 200, body: commentJson(c, fieldsOf(req, ['message', 'created_time', 'from'])) };
      if (m === 'POST') {
        const hidden = req.fields.get('is_hidden');
        if (hidden === undefined) return graphError(400, 100, '(#100) Nothing to update', 'OAuthException');
        if (c.from.id === pageId) return graphError(400, 100, "(#100) The Page's own comments cannot be hidden", 'OAuthException');
        c.isHidden = hidden === 'true';
        return { status: 200, body: { success: true } };
      }
      if (m === 'DELETE') {
        comments.delete(c.id);
        for (const r of [...comments.values()]) if (r.parentId === c.id) comments.delete(r.id);
        return { status: 200, body: { success: true } };
      }
    }
    return missing(id);
  }

  const base = await startContractServer(
    (req, o) => {
      origin = o;
      const t = tokenOf(req);
      if (!t) return graphError(400, 104, 'An access token is required to request this resource.');
      if (t !== token) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token', 'OAuthException', { error_subcode: 463 });
      const budget = rateLimit.take(token);
      const usedPct = Math.min(100, Math.round(((rateLimit.limit - budget.remaining) / rateLimit.limit) * 100));
      const minutes = budget.ok ? 0 : Math.max(1, Math.ceil((budget.resetAt - Date.now()) / 60_000));
      const headers = {
        'x-app-usage': JSON.stringify({ call_count: usedPct, total_cputime: 1, total_time: 1 }),
        'x-business-use-case-usage': JSON.stringify({ [pageId]: [{ type: 'pages', call_count: usedPct, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: minutes }] }),
      };
      if (!budget.ok) {
        const messages: Record<number, string> = { 4: '(#4) Application request limit reached', 17: '(#17) User request limit reached', 32: '(#32) Page request limit reached', 613: '(#613) Calls to this api have exceeded the rate limit.' };
        const reply = graphError(400, state.rateLimitCode, messages[state.rateLimitCode] ?? 'Rate limit reached', 'OAuthException', { is_transient: true });
        return { ...reply, headers };
      }
      const reply = route(req);
      return { ...reply, headers: { ...headers, ...reply.headers } };
    },
    () => graphError(400, 100, '(#100) Malformed request body'),
  );
  origin = base.origin;

  const addPost = (message: string, at = Date.now()) => {
    const p: StoredPost = { id: `${pageId}_${++seq}`, message, link: null, createdTime: at, updatedTime: at, photoIds: [] };
    posts.set(p.id, p);
    return p.id;
  };

  return {
    ...base,
    graphUrl: `${base.origin}/v21.0`,
    pageId,
    token,
    rateLimit,
    get rateLimitCode() {
      return state.rateLimitCode;
    },
    set rateLimitCode(code: number) {
      state.rateLimitCode = code;
    },
    postCount: () => posts.size,
    post(id) {
      const p = posts.get(id);
      return p ? { ...p, photos: p.photoIds.map((pid) => photos.get(pid)!) } : undefined;
    },
    comment: (id) => comments.get(id),
    addComment(postId, message, opts = {}) {
      const c: StoredComment = {
        id: `${postId.split('_')[1]}_${++seq}`,
        postId,
        parentId: opts.parentId ?? null,
        from: opts.fromPage ? { id: pageId, name: page.name } : { id: opts.fromId ?? String(700000 + seq), name: opts.name ?? 'Pat Resident' },
        message,
        createdTime: opts.createdTime?.getTime() ?? Date.now(),
        isHidden: false,
      };
      comments.set(c.id, c);
      return c.id;
    },
    addPagePost: (message, createdTime) => addPost(message, createdTime?.getTime()),
    addReaction(postId, person, type = 'LIKE') {
      // A person has one reaction per post: a new one replaces the old.
      reactions.set(postId, [...(reactions.get(postId) ?? []).filter((r) => r.id !== person.id), { ...person, type }]);
    },
  };
}
