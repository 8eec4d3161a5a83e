/**
 * The only door to the server: JSON over /api, the session cookie rides along, every unsafe
 * method carries the CSRF token from GET /api/session, and error bodies become an ApiError.
 */

export interface ClauseRef {
  id: string;
  title: string | null;
}

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly clauses: ClauseRef[];
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, clauses: ClauseRef[] = [], fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.clauses = clauses;
    this.fields = fields;
  }

  /** The message for a form field, matched on the last segment(s) of the error path (`body.printedName` → `printedName`). */
  fieldError(name: string): string | undefined {
    const hit = this.fields.find((f) => f.path === name || f.path.endsWith(`.${name}`) || f.path.includes(`.${name}.`));
    return hit?.message;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (401), so the app can show the sign-in page. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function toApiError(status: number, body: unknown, fallback: string): ApiError {
  const e = (body as { error?: { code?: unknown; message?: unknown; clauses?: unknown; fields?: unknown } } | null)?.error;
  if (e && typeof e === 'object') {
    const clauses = Array.isArray(e.clauses)
      ? e.clauses.map((c: unknown) => (typeof c === 'string' ? { id: c, title: null } : (c as ClauseRef)))
      : [];
    const fields = Array.isArray(e.fields) ? (e.fields as FieldError[]) : [];
    return new ApiError(status, String(e.code ?? 'error'), String(e.message ?? fallback), clauses, fields);
  }
  return new ApiError(status, status >= 500 ? 'internal' : 'error', fallback);
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.');
  }
  // A write with no body still resolves to a value, so callers can tell success from failure.
  if (res.status === 204) return {} as T;
  const text = await res.text();
  let parsed: unknown = res.ok ? {} : null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!res.ok) {
    const err = toApiError(res.status, parsed, `${res.status} ${res.statusText || 'Request failed'}`);
    if (res.status === 401 && (err.code === 'unauthenticated' || err.code === 'mfa_required') && onUnauthenticated) onUnauthenticated();
    throw err;
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** Builds a query string from the defined values only. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
