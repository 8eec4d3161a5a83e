/**
 * HTTP to the Facebook Graph API for a Page: the Page access token (read from the vault at each
 * call) in the Authorization header, so it never sits in a URL or a log line; form-encoded or
 * multipart bodies; and the mapping of Graph errors ({error:{message,type,code,error_subcode}})
 * to ConnectorError. Rate limits (codes 4, 17, 32, 613, 80000–80014) and transient errors (1, 2,
 * is_transient) are retryable, with the wait from Retry-After or the estimated_time_to_regain_access
 * of X-Business-Use-Case-Usage; 190 (token invalid or expired), permissions (10, 200–299) and
 * bad parameters (100) never succeed as sent.
 */
import { ConnectorError, type ConnectorAccount } from '../../ports/platform-connector.ts';

export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com/v21.0';

export interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
}

export interface GraphClient {
  get<T>(path: string, query?: Record<string, string>): Promise<T>;
  /** GET of a full URL Graph handed out (paging.next). */
  getUrl<T>(url: string): Promise<T>;
  post<T>(path: string, body: Record<string, string> | FormData): Promise<T>;
  del<T>(path: string): Promise<T>;
}

const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);
const isRateLimit = (code: number | undefined) => code !== undefined && (RATE_LIMIT_CODES.has(code) || (code >= 80000 && code <= 80014));

/** The wait Graph asked for: Retry-After, or the longest estimated_time_to_regain_access (minutes) in the usage headers. */
export function graphRetryAfterMs(headers: Headers): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter && Number.isFinite(Number(retryAfter))) return Math.max(0, Number(retryAfter) * 1000);
  let minutes: number | undefined;
  for (const name of ['x-business-use-case-usage', 'x-ad-account-usage']) {
    const raw = headers.get(name);
    if (!raw) continue;
    try {
      const json = JSON.stringify(JSON.parse(raw));
      for (const m of json.matchAll(/"estimated_time_to_regain_access":(\d+)/g)) minutes = Math.max(minutes ?? 0, Number(m[1]));
    } catch {
      // An unreadable usage header only loses the hint.
    }
  }
  return minutes ? minutes * 60_000 : undefined;
}

/** A ConnectorError that keeps Graph's error code and subcode, for the callers here that act on them. */
export class GraphConnectorError extends ConnectorError {
  constructor(
    message: string,
    retryable: boolean,
    status: number,
    retryAfterMs: number | undefined,
    readonly graphCode: number | undefined,
    readonly graphSubcode: number | undefined,
  ) {
    super(message, retryable, status, retryAfterMs);
  }
}

export function graphError(status: number, body: unknown, headers: Headers, what: string): ConnectorError {
  const e: GraphError = body && typeof body === 'object' && 'error' in body ? ((body as { error: GraphError }).error ?? {}) : {};
  const detail = e.message ? `${e.message}${e.code !== undefined ? ` (code ${e.code}${e.error_subcode ? `/${e.error_subcode}` : ''})` : ''}` : `HTTP ${status}`;
  const wait = graphRetryAfterMs(headers);
  const make = (message: string, retryable: boolean) => new GraphConnectorError(message, retryable, status, retryable ? wait : undefined, e.code, e.error_subcode);
  if (status === 429 || isRateLimit(e.code)) return make(`Facebook rate limit reached (${what}): ${detail}`, true);
  if (e.code === 190 || e.code === 102 || e.code === 104) return make(`Facebook refused the Page access token (${what}): ${detail}`, false);
  if (e.is_transient || e.code === 1 || e.code === 2 || status >= 500) return make(`Facebook failed (${what}): ${detail}`, true);
  return make(`Facebook refused ${what}: ${detail}`, false);
}

/** Graph's "object does not exist" (code 100, subcode 33): a removal that finds nothing has nothing left to do. */
export function isMissingObject(err: unknown): boolean {
  return err instanceof GraphConnectorError && err.graphCode === 100 && err.graphSubcode === 33;
}

export function pageIdOf(account: ConnectorAccount): string {
  if (!account.handle || !/^[0-9]+$/.test(account.handle)) {
    throw new ConnectorError(`The Facebook platform's handle must be the numeric Page id (found ${account.handle ?? 'none'})`, false);
  }
  return account.handle;
}

export function graphClient(fetchImpl: typeof fetch, graphUrl: string, account: ConnectorAccount): GraphClient {
  const base = graphUrl.replace(/\/+$/, '');
  const origin = new URL(base).origin;
  async function send<T>(method: string, url: string, body?: Record<string, string> | FormData): Promise<T> {
    // Read at the moment of use: a token replaced in the vault takes effect on the next call.
    const token = await account.secrets.get('api_token');
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(body).toString();
    }
    const what = `${method} ${new URL(url).pathname.replace(new URL(base).pathname, '') || '/'}`;
    let res: Response;
    try {
      res = await fetchImpl(url, { method, headers, body: payload });
    } catch (err) {
      throw new ConnectorError(`Could not reach the Graph API (${what}): ${(err as Error).message}`, true);
    }
    let parsed: unknown = null;
    const text = await res.text().catch((err: Error) => {
      throw new ConnectorError(`The Graph API answer was cut off (${what}): ${err.message}`, true, res.status);
    });
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    if (res.status >= 400 || (parsed && typeof parsed === 'object' && 'error' in parsed)) throw graphError(res.status, parsed, res.headers, what);
    return parsed as T;
  }
  const at = (path: string, query?: Record<string, string>) => `${base}${path}${query ? `?${new URLSearchParams(query)}` : ''}`;
  return {
    get: (path, query) => send('GET', at(path, query)),
    getUrl(url) {
      // Paging links stay on the Graph host: the token must never be sent anywhere else.
      if (new URL(url).origin !== origin) throw new ConnectorError(`Graph paging pointed off the Graph host: ${new URL(url).origin}`, false);
      return send('GET', url);
    },
    post: (path, body) => send('POST', at(path), body),
    del: (path) => send('DELETE', at(path)),
  };
}
