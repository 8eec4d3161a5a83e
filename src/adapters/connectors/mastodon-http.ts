/**
 * HTTP to a Mastodon instance's client API: Bearer token (read from the vault at each call),
 * JSON bodies, and the mapping of failures to ConnectorError. Mastodon answers errors as
 * {"error": "..."}; 401 (token refused), 403, 404 and 422 (validation) will never succeed as
 * sent, so they are not retryable; 429 (rate limit, reset time in X-RateLimit-Reset), 5xx and
 * network failures are.
 */
import { ConnectorError, type ConnectorAccount } from '../../ports/platform-connector.ts';

export interface MastodonResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface MastodonClient {
  request<T>(method: string, path: string, init?: { json?: unknown; form?: FormData; headers?: Record<string, string> }): Promise<MastodonResponse<T>>;
  /** GET of a full URL the instance handed out (a Link header's next page). */
  getUrl<T>(url: string): Promise<MastodonResponse<T>>;
}

/** The instance is the origin of the account's public address (https://instance/@city). */
export function instanceOf(account: ConnectorAccount): string {
  if (!account.url) throw new ConnectorError('This Mastodon platform has no account URL: the instance is taken from it (e.g. https://mastodon.example/@city)', false);
  try {
    return new URL(account.url).origin;
  } catch {
    throw new ConnectorError(`The Mastodon account URL is not a valid URL: ${account.url}`, false);
  }
}

/** Milliseconds until the instance's rate-limit window resets, from Retry-After or X-RateLimit-Reset (an ISO 8601 time). */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const secs = Number(retryAfter);
    if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('x-ratelimit-reset');
  if (reset) {
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  return undefined;
}

function errorText(body: unknown): string {
  if (body && typeof body === 'object' && 'error' in body && typeof (body as { error: unknown }).error === 'string') {
    const b = body as { error: string; error_description?: string };
    return b.error_description ? `${b.error}: ${b.error_description}` : b.error;
  }
  return typeof body === 'string' && body.length > 0 ? body.slice(0, 200) : 'no details';
}

export function mastodonError(status: number, body: unknown, headers: Headers, what: string): ConnectorError {
  const detail = errorText(body);
  if (status === 429) return new ConnectorError(`Mastodon rate limit reached (${what}): ${detail}`, true, status, retryAfterMs(headers));
  if (status >= 500) return new ConnectorError(`Mastodon instance failed (${what}): HTTP ${status}`, true, status, retryAfterMs(headers));
  if (status === 401) return new ConnectorError(`Mastodon refused the access token (${what}): ${detail}`, false, status);
  if (status === 408) return new ConnectorError(`Mastodon timed out (${what})`, true, status);
  return new ConnectorError(`Mastodon refused ${what}: HTTP ${status}: ${detail}`, false, status);
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function mastodonClient(fetchImpl: typeof fetch, account: ConnectorAccount): MastodonClient {
  const instance = instanceOf(account);
  async function send<T>(method: string, url: string, init: { json?: unknown; form?: FormData; headers?: Record<string, string> } = {}): Promise<MastodonResponse<T>> {
    // Read at the moment of use: a token rotated in the vault takes effect on the next call.
    const token = await account.secrets.get('api_token');
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json', ...init.headers };
    let body: string | FormData | undefined;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.form) {
      body = init.form;
    }
    const what = `${method} ${new URL(url).pathname}`;
    let res: Response;
    try {
      res = await fetchImpl(url, { method, headers, body });
    } catch (err) {
      throw new ConnectorError(`Could not reach the Mastodon instance ${instance} (${what}): ${(err as Error).message}`, true);
    }
    const parsed = await readBody(res).catch((err: Error) => {
      throw new ConnectorError(`The Mastodon answer was cut off (${what}): ${err.message}`, true, res.status);
    });
    if (res.status >= 400) throw mastodonError(res.status, parsed, res.headers, what);
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  return {
    request: (method, path, init) => send(method, instance + path, init),
    getUrl(url) {
      // Only follow links on the same instance: the token must never go elsewhere.
      if (new URL(url).origin !== instance) throw new ConnectorError(`Mastodon pagination pointed off the instance: ${url}`, false);
      return send('GET', url);
    },
  };
}

/** The rel="next" URL of a Link header (Mastodon's pagination), or null on the last page. */
export function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = part.match(/<([^>]+)>\s*;\s*rel="?([^";]+)"?/);
    if (m && m[2]!.split(/\s+/).includes('next')) return m[1]!;
  }
  return null;
}
