import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, setUnauthenticatedHandler } from './client.ts';
import type { PolicyInfo, SessionInfo } from './types.ts';
import { today } from '../components/format.ts';

const SIGNED_OUT: SessionInfo = {
  authenticated: false,
  roles: [],
  csrfToken: null,
  mfa: { required: false, enrolled: false, pending: false },
  oidc: { enabled: false, label: null },
};

interface SessionContextValue {
  session: SessionInfo;
  loading: boolean;
  /** Re-reads GET /api/session (after sign-in, sign-out, TOTP). */
  refresh: () => Promise<SessionInfo>;
  signOut: () => Promise<void>;
  policy: PolicyInfo | null;
  /** "Crier — City of Carson", from the loaded policy pack. */
  siteTitle: string;
  clauseTitle: (id: string) => string | null;
  /** Today on the City's calendar (YYYY-MM-DD). */
  cityToday: () => string;
}

const SessionContext = createContext<SessionContextValue | null>(null);

function normalise(s: Partial<SessionInfo> | null | undefined): SessionInfo {
  if (!s) return SIGNED_OUT;
  return {
    ...SIGNED_OUT,
    ...s,
    roles: Array.isArray(s.roles) ? s.roles : [],
    mfa: { ...SIGNED_OUT.mfa, ...(s.mfa ?? {}) },
    oidc: { ...SIGNED_OUT.oidc, ...(s.oidc ?? {}) },
  };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo>(SIGNED_OUT);
  const [loading, setLoading] = useState(true);
  const [policy, setPolicy] = useState<PolicyInfo | null>(null);

  const refresh = useCallback(async () => {
    let s = SIGNED_OUT;
    try {
      s = normalise(await api.get<SessionInfo>('/api/session'));
    } catch {
      s = SIGNED_OUT;
    }
    setCsrfToken(s.csrfToken);
    setSession(s);
    setLoading(false);
    return s;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {});
    } finally {
      await refresh();
    }
  }, [refresh]);

  useEffect(() => {
    void refresh();
    setUnauthenticatedHandler(() => void refresh());
    api
      .get<PolicyInfo>('/api/policy')
      .then(setPolicy)
      .catch(() =>
        api
          .get<{ policy?: PolicyInfo }>('/api/health')
          .then((h) => setPolicy(h.policy ?? null))
          .catch(() => setPolicy(null)),
      );
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const value = useMemo<SessionContextValue>(() => {
    const city = policy?.jurisdiction?.cityName ?? cityFromName(policy?.name);
    const titles = new Map((policy?.clauses ?? []).map((c) => [c.id, c.title]));
    return {
      session,
      loading,
      refresh,
      signOut,
      policy,
      siteTitle: city ? `Crier — ${city}` : 'Crier',
      clauseTitle: (id) => titles.get(id) ?? null,
      cityToday: () => today(policy?.jurisdiction?.timeZone),
    };
  }, [session, loading, refresh, signOut, policy]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** "City of Carson: Use of City Social Media" → "City of Carson". */
function cityFromName(name: string | undefined): string | null {
  if (!name) return null;
  const i = name.indexOf(':');
  return i > 0 ? name.slice(0, i) : null;
}

export function useSession(): SessionContextValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/**
 * A date field's state that defaults to `initial`, else today on the City's calendar. The policy (the City's
 * time zone) may arrive after the form mounts, so the default is worked out on every render until the user
 * sets a value (even ''): frozen at mount it stayed the reader's own date, a day off outside the City's zone.
 */
export function useCityDate(initial?: string): [string, (value: string) => void] {
  const { cityToday } = useSession();
  const [chosen, setChosen] = useState<string | null>(null);
  return [chosen ?? initial ?? cityToday(), setChosen];
}

/** Does the signed-in person hold this role (any department, designees included)? */
export function hasRole(session: SessionInfo, ...roles: string[]): boolean {
  return session.roles.some((g) => roles.includes(g.role));
}
