/**
 * A local stand-in for a Mastodon instance's client API, following the PUBLISHED contract
 * (docs.joinmastodon.org: methods/statuses, methods/media, methods/accounts, api/rate-limits,
 * api/guidelines#pagination). Mastodon cannot run here, so the connector is tested against
 * this: same paths, status codes, JSON shapes (Status, MediaAttachment, Context, Account with
 * source), Bearer token checks, the Idempotency-Key header (kept for a limited time, 1 hour by
 * default as on Mastodon), Link-header pagination with max_id/min_id, and the per-account rate
 * limit (X-RateLimit-* headers, 429 with {"error":"Too many requests"} when the budget is spent).
 * State is in memory. Hooks let tests add replies from other accounts, fail requests with 503,
 * drop a response after acting (a crash), expire idempotency keys and count statuses.
 */
import { startContractServer, RateBudget, type ContractServerBase, type ParsedRequest, type Reply } from './http.ts';
import { renderMastodonHtml } from './mastodon-html.ts';
import { createMastodonReactions } from './mastodon-reactions.ts';

interface Account {
  id: string;
  username: string;
  display_name: string;
  note: string;
  fields: { name: string; value: string }[];
}

interface StoredStatus {
  id: string;
  accountId: string;
  text: string;
  createdAt: string;
  editedAt: string | null;
  inReplyToId: string | null;
  visibility: string;
  mediaIds: string[];
}

interface StoredMedia {
  id: string;
  accountId: string;
  type: string;
  description: string | null;
  /** Polls of GET /api/v1/media/:id still answering 206 before the file is processed. */
  pendingPolls: number;
  statusId: string | null;
}

export interface MastodonContractServer extends ContractServerBase {
  /** Base URL of the instance (the account URL's origin). */
  url: string;
  /** The City's account: its profile URL (https://…/@city form, on this origin). */
  accountUrl: string;
  token: string;
  /** Statuses by the City's account that are not deleted. */
  statusCount(): number;
  status(id: string): (StoredStatus & { media: StoredMedia[] }) | undefined;
  /** A reply by another account (created if new) to a status; returns the reply's id. */
  addReply(inReplyToId: string, text: string, username?: string): string;
  /** Another account (created if new) favourites or boosts a status (favourited_by / reblogged_by list it). */
  react(statusId: string, kind: 'favourite' | 'boost', username: string): void;
  /** A status by the City's account, as if posted elsewhere (another app, by hand). */
  addOwnStatus(text: string, createdAt?: string): string;
  /** Forget every idempotency key, as the instance does after its retention time. */
  expireIdempotencyKeys(): void;
  rateLimit: RateBudget;
}

const ID_LIMIT_DEFAULT = 20;
const ID_LIMIT_MAX = 40;
const MAX_CHARS = 500;

export async function startMastodonServer(options: { token?: string; rateLimit?: number; rateWindowMs?: number; mediaPendingPolls?: number } = {}): Promise<MastodonContractServer> {
  const token = options.token ?? 'mastodon-test-token';
  const rateLimit = new RateBudget(options.rateLimit ?? 300, options.rateWindowMs ?? 5 * 60_000);
  const accounts = new Map<string, Account>();
  const statuses = new Map<string, StoredStatus>();
  const media = new Map<string, StoredMedia>();
  const idempotency = new Map<string, { statusId: string; at: number }>();
  const idempotencyTtlMs = 60 * 60_000;
  let seq = 100000;
  // Snowflake-like: ids grow with time and compare as numbers.
  const nextId = () => String(++seq);
  const city: Account = {
    id: '1',
    username: 'city',
    display_name: 'City of Carson',
    note: '<p>Official account of the City of Carson.</p>',
    fields: [{ name: 'Website', value: '<a href="https://ci.carson.ca.us" rel="nofollow noopener me" target="_blank"><span class="invisible">https://</span><span class="">ci.carson.ca.us</span></a>' }],
  };
  accounts.set(city.id, city);
  const reactions = createMastodonReactions();
  let origin = '';

  const err = (status: number, error: string): Reply => ({ status, body: { error } });

  const accountJson = (a: Account) => ({
    id: a.id,
    username: a.username,
    acct: a.username,
    display_name: a.display_name,
    locked: false,
    bot: false,
    note: a.note,
    url: `${origin}/@${a.username}`,
    avatar: `${origin}/system/accounts/avatars/${a.id}/original/avatar.png`,
    avatar_static: `${origin}/system/accounts/avatars/${a.id}/original/avatar.png`,
    header: `${origin}/headers/original/missing.png`,
    fields: a.fields.map((f) => ({ ...f, verified_at: null })),
    emojis: [],
  });

  const mediaJson = (m: StoredMedia) => {
    const ready = m.pendingPolls <= 0;
    return {
      id: m.id,
      type: m.type,
      url: ready ? `${origin}/system/media_attachments/files/${m.id}/original/file` : null,
      preview_url: `${origin}/system/media_attachments/files/${m.id}/small/file`,
      remote_url: null,
      meta: {},
      description: m.description,
      blurhash: null,
    };
  };

  const statusJson = (s: StoredStatus) => {
    const account = accounts.get(s.accountId)!;
    const replies = [...statuses.values()].filter((r) => r.inReplyToId === s.id).length;
    return {
      id: s.id,
      uri: `${origin}/users/${account.username}/statuses/${s.id}`,
      url: `${origin}/@${account.username}/${s.id}`,
      created_at: s.createdAt,
      edited_at: s.editedAt,
      account: accountJson(account),
      content: renderMastodonHtml(s.text),
      visibility: s.visibility,
      sensitive: false,
      spoiler_text: '',
      media_attachments: s.mediaIds.map((id) => mediaJson(media.get(id)!)),
      mentions: [],
      tags: [],
      emojis: [],
      reblogs_count: 0,
      favourites_count: 0,
      replies_count: replies,
      in_reply_to_id: s.inReplyToId,
      in_reply_to_account_id: s.inReplyToId ? (statuses.get(s.inReplyToId)?.accountId ?? null) : null,
      reblog: null,
      poll: null,
      card: null,
      language: 'en',
    };
  };

  function authorized(req: ParsedRequest): boolean {
    return req.headers.authorization === `Bearer ${token}`;
  }

  /** Resolves media_ids for a status: 422 for unknown, foreign or still-processing attachments, as Mastodon does. */
  function resolveMedia(ids: string[]): string[] | Reply {
    if (ids.length > 4) return err(422, 'Validation failed: You cannot attach more than 4 files');
    for (const id of ids) {
      const m = media.get(id);
      if (!m || m.accountId !== city.id) return err(422, 'Validation failed: Media attachment not found');
      if (m.pendingPolls > 0) return err(422, 'Cannot attach files that have not finished processing. Try again in a moment!');
    }
    return ids;
  }

  const listField = (req: ParsedRequest, key: string): string[] => {
    const v = req.fields.get(key);
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };

  function createStatus(req: ParsedRequest): Reply {
    const key = req.headers['idempotency-key'];
    if (typeof key === 'string') {
      const seen = idempotency.get(`${city.id}:${key}`);
      if (seen && Date.now() - seen.at < idempotencyTtlMs && statuses.has(seen.statusId)) {
        return { status: 200, body: statusJson(statuses.get(seen.statusId)!) };
      }
    }
    const text = String(req.fields.get('status') ?? '');
    const mediaIds = resolveMedia(listField(req, 'media_ids'));
    if (!Array.isArray(mediaIds)) return mediaIds;
    if (!text.trim() && mediaIds.length === 0) return err(422, "Validation failed: Text can't be blank");
    if ([...text].length > MAX_CHARS) return err(422, `Validation failed: Text character limit of ${MAX_CHARS} exceeded`);
    const inReplyToId = req.fields.get('in_reply_to_id');
    const s: StoredStatus = {
      id: nextId(),
      accountId: city.id,
      text,
      createdAt: new Date().toISOString(),
      editedAt: null,
      inReplyToId: typeof inReplyToId === 'string' ? inReplyToId : null,
      visibility: String(req.fields.get('visibility') ?? 'public'),
      mediaIds,
    };
    statuses.set(s.id, s);
    for (const id of mediaIds) media.get(id)!.statusId = s.id;
    if (typeof key === 'string') idempotency.set(`${city.id}:${key}`, { statusId: s.id, at: Date.now() });
    return { status: 200, body: statusJson(s) };
  }

  function accountStatuses(req: ParsedRequest, accountId: string): Reply {
    if (!accounts.has(accountId)) return err(404, 'Record not found');
    const limit = Math.min(Number(req.url.searchParams.get('limit') ?? ID_LIMIT_DEFAULT) || ID_LIMIT_DEFAULT, ID_LIMIT_MAX);
    const maxId = req.url.searchParams.get('max_id');
    const minId = req.url.searchParams.get('min_id');
    const sinceId = req.url.searchParams.get('since_id');
    const excludeReplies = req.url.searchParams.get('exclude_replies') === 'true';
    let list = [...statuses.values()]
      .filter((s) => s.accountId === accountId && (!excludeReplies || s.inReplyToId === null))
      .filter((s) => (!maxId || Number(s.id) < Number(maxId)) && (!sinceId || Number(s.id) > Number(sinceId)) && (!minId || Number(s.id) > Number(minId)))
      .sort((a, b) => Number(b.id) - Number(a.id));
    // min_id pages forward from the given id (the oldest newer ones); since_id/max_id take the newest.
    list = minId ? list.slice(-limit) : list.slice(0, limit);
    const headers: Record<string, string> = {};
    if (list.length > 0) {
      const base = `${origin}/api/v1/accounts/${accountId}/statuses`;
      const links: string[] = [];
      if (list.length === limit) links.push(`<${base}?limit=${limit}&max_id=${list[list.length - 1]!.id}>; rel="next"`);
      links.push(`<${base}?limit=${limit}&min_id=${list[0]!.id}>; rel="prev"`);
      headers.link = links.join(', ');
    }
    return { status: 200, body: list.map(statusJson), headers };
  }

  function descendants(id: string): StoredStatus[] {
    const out: StoredStatus[] = [];
    const walk = (parent: string) => {
      for (const s of [...statuses.values()].filter((r) => r.inReplyToId === parent).sort((a, b) => Number(a.id) - Number(b.id))) {
        out.push(s);
        walk(s.id);
      }
    };
    walk(id);
    return out;
  }

  function route(req: ParsedRequest): Reply {
    const p = req.url.pathname;
    const m = req.method;
    let match: RegExpMatchArray | null;
    if (m === 'GET' && p === '/api/v1/accounts/verify_credentials') {
      return { status: 200, body: { ...accountJson(city), source: { privacy: 'public', sensitive: false, language: 'en', note: 'Official account of the City of Carson.', fields: [{ name: 'Website', value: 'https://ci.carson.ca.us', verified_at: null }] } } };
    }
    if ((match = p.match(/^\/api\/v1\/accounts\/([^/]+)\/statuses$/)) && m === 'GET') return accountStatuses(req, match[1]!);
    if (m === 'POST' && p === '/api/v2/media') {
      const file = req.files.get('file');
      if (!file) return err(422, "Validation failed: File can't be blank");
      if (!/^(image|video|audio)\//.test(file.type)) return err(422, 'Validation failed: File content type is invalid');
      const desc = req.fields.get('description');
      const stored: StoredMedia = {
        id: nextId(),
        accountId: city.id,
        type: file.type.split('/')[0]!,
        description: typeof desc === 'string' ? desc : null,
        pendingPolls: options.mediaPendingPolls ?? 1,
        statusId: null,
      };
      media.set(stored.id, stored);
      // v2: 202 with url null while the full-size file is processed in the background.
      return { status: stored.pendingPolls > 0 ? 202 : 200, body: mediaJson(stored) };
    }
    if ((match = p.match(/^\/api\/v1\/media\/([^/]+)$/)) && m === 'GET') {
      const stored = media.get(match[1]!);
      if (!stored || stored.accountId !== city.id) return err(404, 'Record not found');
      if (stored.pendingPolls > 0) {
        stored.pendingPolls -= 1;
        return { status: 206, body: mediaJson({ ...stored, pendingPolls: 1 }) };
      }
      return { status: 200, body: mediaJson(stored) };
    }
    if (m === 'POST' && p === '/api/v1/statuses') return createStatus(req);
    if ((match = p.match(/^\/api\/v1\/statuses\/([^/]+)\/(favourited_by|reblogged_by)$/)) && m === 'GET') {
      if (!statuses.has(match[1]!)) return err(404, 'Record not found');
      return reactions.page(origin, match[1]!, match[2] as 'favourited_by' | 'reblogged_by', req.url.searchParams, (id) => accountJson(accounts.get(id)!));
    }
    if ((match = p.match(/^\/api\/v1\/statuses\/([^/]+)(\/context|\/source)?$/))) {
      const s = statuses.get(match[1]!);
      if (!s) return err(404, 'Record not found');
      const sub = match[2];
      if (m === 'GET' && sub === '/context') {
        return { status: 200, body: { ancestors: [], descendants: descendants(s.id).map(statusJson) } };
      }
      if (m === 'GET' && sub === '/source') {
        if (s.accountId !== city.id) return err(404, 'Record not found');
        return { status: 200, body: { id: s.id, text: s.text, spoiler_text: '' } };
      }
      if (sub) return err(404, 'Record not found');
      if (m === 'GET') return { status: 200, body: statusJson(s) };
      if (s.accountId !== city.id) return err(403, 'This action is not allowed');
      if (m === 'DELETE') {
        statuses.delete(s.id);
        return { status: 200, body: { ...statusJson(s), text: s.text } };
      }
      if (m === 'PUT') {
        const text = String(req.fields.get('status') ?? '');
        // The edit replaces the attachments with media_ids (absent = none), as the client API does.
        const mediaIds = resolveMedia(listField(req, 'media_ids'));
        if (!Array.isArray(mediaIds)) return mediaIds;
        if (!text.trim() && mediaIds.length === 0) return err(422, "Validation failed: Text can't be blank");
        if ([...text].length > MAX_CHARS) return err(422, `Validation failed: Text character limit of ${MAX_CHARS} exceeded`);
        s.text = text;
        s.mediaIds = mediaIds;
        s.editedAt = new Date().toISOString();
        return { status: 200, body: statusJson(s) };
      }
    }
    return err(404, 'Record not found');
  }

  function accountNamed(username: string): Account {
    let account = [...accounts.values()].find((a) => a.username === username);
    if (!account) {
      account = { id: String(accounts.size + 1), username, display_name: username[0]!.toUpperCase() + username.slice(1), note: '', fields: [] };
      accounts.set(account.id, account);
    }
    return account;
  }

  const base = await startContractServer(
    (req, o) => {
      origin = o;
      if (!authorized(req)) return err(401, 'The access token is invalid');
      const budget = rateLimit.take(token);
      const headers = {
        'x-ratelimit-limit': String(rateLimit.limit),
        'x-ratelimit-remaining': String(budget.remaining),
        'x-ratelimit-reset': new Date(budget.resetAt).toISOString(),
      };
      if (!budget.ok) return { status: 429, body: { error: 'Too many requests' }, headers };
      const reply = route(req);
      return { ...reply, headers: { ...headers, ...reply.headers } };
    },
    () => err(400, 'Malformed request body'),
  );
  origin = base.origin;

  return {
    ...base,
    url: base.origin,
    accountUrl: `${base.origin}/@city`,
    token,
    rateLimit,
    statusCount: () => [...statuses.values()].filter((s) => s.accountId === city.id).length,
    status(id) {
      const s = statuses.get(id);
      return s ? { ...s, media: s.mediaIds.map((mid) => media.get(mid)!) } : undefined;
    },
    addReply(inReplyToId, text, username = 'resident') {
      const account = accountNamed(username);
      const s: StoredStatus = { id: nextId(), accountId: account.id, text, createdAt: new Date().toISOString(), editedAt: null, inReplyToId, visibility: 'public', mediaIds: [] };
      statuses.set(s.id, s);
      return s.id;
    },
    addOwnStatus(text, createdAt = new Date().toISOString()) {
      const s: StoredStatus = { id: nextId(), accountId: city.id, text, createdAt, editedAt: null, inReplyToId: null, visibility: 'public', mediaIds: [] };
      statuses.set(s.id, s);
      return s.id;
    },
    react(statusId, kind, username) {
      reactions.add(statusId, kind === 'favourite' ? 'favourited_by' : 'reblogged_by', accountNamed(username).id);
    },
    expireIdempotencyKeys: () => idempotency.clear(),
  };
}
