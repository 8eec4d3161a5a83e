/**
 * Bluesky sessions and errors. The connector signs in with the platform's handle and app password,
 * read from the credential vault at sign-in (IV.C.15(i)(ii)); the session it gets is kept for a
 * few minutes only, per platform, so the password is not re-sent on every call (Bluesky limits
 * sign-ins) yet a rotated password takes effect soon. An expired or revoked session is dropped
 * and the connector signs in again once. Every failure leaves here as a ConnectorError that says
 * whether a retry can help.
 */
import { AtpAgent, XRPCError } from '@atproto/api';
import { ConnectorError, type ConnectorAccount } from '../../ports/platform-connector.ts';

/** XRPCError.status for no answer at all (network) and for an answer that did not match the lexicon. */
const NO_ANSWER = 1;
const BAD_ANSWER = 2;

/** How long a signed-in session is reused before signing in again with the vault's password. */
export const SESSION_TTL_MS = 10 * 60_000;

export interface BlueskySession {
  agent: AtpAgent;
  did: string;
  handle: string;
  /** Where the account's repository lives (the PDS behind an entryway such as bsky.social). */
  pdsUrl: string;
}

/** A call that failed because the session is no longer accepted (expired, revoked). */
function isSessionRefused(err: unknown): boolean {
  return err instanceof XRPCError && (err.status === 401 || err.error === 'ExpiredToken' || err.error === 'InvalidToken');
}

function header(headers: Record<string, string | undefined> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const hit = Object.entries(headers).find(([k]) => k.toLowerCase() === name);
  return hit?.[1];
}

/** How long the service asked us to wait: Retry-After (seconds) or RateLimit-Reset (epoch seconds). */
function retryAfterMs(headers: Record<string, string | undefined> | undefined, now: number): number | undefined {
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter && /^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const reset = header(headers, 'ratelimit-reset');
  if (reset && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now);
  return undefined;
}

/**
 * The ConnectorError for a failed call. Retryable: no answer (network), 5xx, 429 (with the wait
 * the service asked for). Not retryable: the service refused the request as sent (sign-in
 * refused, invalid record, too large) — sending it again would be refused again.
 */
export function toConnectorError(err: unknown, what: string): ConnectorError {
  if (err instanceof ConnectorError) return err;
  if (err instanceof XRPCError) {
    const status: number = err.status;
    const detail = err.message && err.message !== err.error ? `${err.error}: ${err.message}` : err.error;
    if (status === 429) {
      return new ConnectorError(`Bluesky rate limit reached while trying to ${what}`, true, 429, retryAfterMs(err.headers, Date.now()));
    }
    if (status === NO_ANSWER) {
      return new ConnectorError(`Bluesky could not be reached to ${what} (${err.message})`, true);
    }
    if (status >= 500) return new ConnectorError(`Bluesky failed to ${what} (${status} ${detail})`, true, status, retryAfterMs(err.headers, Date.now()));
    if (status === 401) {
      return new ConnectorError(`Bluesky refused the sign-in to ${what}: check the handle and the app password in the vault (${detail})`, false, status);
    }
    if (status === BAD_ANSWER) return new ConnectorError(`Bluesky gave an unexpected answer while trying to ${what} (${detail})`, true);
    return new ConnectorError(`Bluesky refused to ${what} (${status} ${detail})`, false, status);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ConnectorError(`Bluesky could not ${what} (${message})`, true);
}

export interface SessionPool {
  /** Runs fn with a signed-in session; signs in again once if the session was refused; maps errors. */
  run<T>(account: ConnectorAccount, what: string, fn: (s: BlueskySession) => Promise<T>): Promise<T>;
}

export function createSessionPool(options: { service: string; fetch?: typeof fetch; now?: () => number }): SessionPool {
  const now = options.now ?? Date.now;
  // Promises, so that calls arriving together while there is no session share one sign-in.
  const sessions = new Map<string, { session: Promise<BlueskySession>; at: number }>();

  async function signIn(account: ConnectorAccount): Promise<BlueskySession> {
    if (!account.handle) throw new ConnectorError('The Bluesky platform has no handle recorded: set the account handle first', false);
    // Read at the moment of use, never kept beyond the session it opens.
    const password = await account.secrets.get('password');
    const agent = new AtpAgent({ service: options.service, ...(options.fetch ? { fetch: options.fetch } : {}) });
    const res = await agent.login({ identifier: account.handle, password });
    return { agent, did: res.data.did, handle: res.data.handle, pdsUrl: (agent.pdsUrl ?? agent.serviceUrl).toString().replace(/\/$/, '') };
  }

  /** The held session, or a new sign-in when there is none, it is old, or it is the one just refused (stale). */
  function session(account: ConnectorAccount, stale?: Promise<BlueskySession>): Promise<BlueskySession> {
    const key = `${account.platformId}\n${account.handle ?? ''}`;
    const held = sessions.get(key);
    if (held && held.session !== stale && now() - held.at < SESSION_TTL_MS) return held.session;
    const entry = { session: signIn(account), at: now() };
    sessions.set(key, entry);
    // A failed sign-in is not kept: the next call tries again (with the vault's password as it is then).
    entry.session.catch(() => {
      if (sessions.get(key) === entry) sessions.delete(key);
    });
    return entry.session;
  }

  return {
    async run(account, what, fn) {
      try {
        const held = session(account);
        const s = await held; // a refused sign-in is final here: trying again would be refused again
        try {
          return await fn(s);
        } catch (err) {
          if (!isSessionRefused(err)) throw err;
          // The held session was refused (expired beyond refresh, revoked): sign in again, once.
          return await fn(await session(account, held));
        }
      } catch (err) {
        throw toConnectorError(err, what);
      }
    },
  };
}
