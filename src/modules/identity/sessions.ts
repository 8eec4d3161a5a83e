import type { Executor } from '../../db/index.ts';
import { ROLE_LABELS, type PersonActor } from '../../kernel/actor.ts';
import { fromFlag } from '../../kernel/codec.ts';
import { SEEN_INTERVAL_MS, type Core, type MfaState, type RequestMeta } from './core.ts';
import { findAccount, revokeSession, revokeSessionsOf, sessionByHash, sha256 } from './repo.ts';

/** A live session as the HTTP tier sees it (the same shape as the session plugin's ResolvedSession). */
export interface IdentitySession {
  /** SHA-256 of the cookie token (the token itself is never stored). */
  id: string;
  personId: string;
  csrfToken: string;
  pendingMfa: boolean;
  actor: PersonActor;
}

/** What GET /api/session answers. */
export interface SessionView {
  authenticated: boolean;
  person?: { id: string; name: string; email: string; title: string | null; departmentId: string | null };
  roles: (PersonActor['roles'][number] & { label: string })[];
  csrfToken: string | null;
  mfa: MfaState;
  oidc: { enabled: boolean; label: string | null };
}

const MAX_TOKEN_LENGTH = 128;

export function createSessionService(core: Core) {
  const { deps } = core;
  const { db, audit } = deps;

  /**
   * "Who is this token?" for the HTTP session plugin. Null for an unknown, expired or revoked
   * token and for a person no longer active (whose sessions are then revoked). A live session
   * from outside the City network is refused (IV.C.15(c)–(d)). The second factor is pending when
   * the person's roles require it (checked on every request, so a role granted mid-session asks
   * for it at once) and it has not been given in this session.
   */
  async function resolve(token: string, meta: RequestMeta): Promise<IdentitySession | null> {
    if (!token || token.length > MAX_TOKEN_LENGTH) return null;
    const id = sha256(token);
    const row = await sessionByHash(db, id);
    const nowIso = core.nowIso();
    if (!row || row.revoked_at || row.expires_at <= nowIso) return null;
    if (row.status !== 'active') {
      await revokeSessionsOf(db, row.person_id, nowIso);
      return null;
    }
    // IV.E: access withdrawn after this session began (even if since reinstated): it is void.
    if (row.access_withdrawn_at != null && row.access_withdrawn_at >= row.created_at) {
      await revokeSession(db, id, nowIso);
      return null;
    }
    core.checkNetwork(meta.ip);
    const actor = await deps.actorFor(row.person_id);
    if (!actor) return null;
    const verified = fromFlag(row.mfa_verified);
    const mfa = core.mfaState(actor, row.totp_enabled_at != null, verified);
    if (core.now().getTime() - Date.parse(row.last_seen_at) >= SEEN_INTERVAL_MS) {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: nowIso, ip: meta.ip, user_agent: meta.userAgent ? meta.userAgent.slice(0, 300) : null })
        .where('id', '=', id)
        .execute();
    }
    return { id, personId: row.person_id, csrfToken: row.csrf_token, pendingMfa: mfa.pending, actor: { ...actor, sessionId: id, mfa: verified } };
  }

  /** Ends the session (sign-out). Audited. */
  async function logout(session: IdentitySession | null): Promise<void> {
    if (!session) return;
    await db.transaction().execute(async (tx) => {
      const n = await revokeSession(tx, session.id, core.nowIso());
      if (n > 0) {
        await audit.record(tx, session.actor, { action: 'identity.signed_out', targetType: 'person', targetId: session.personId, targetLabel: session.actor.name });
      }
    });
  }

  /**
   * Ends every session of a person, e.g. when they are suspended or revoked (IV.E). Pass the
   * caller's transaction so it happens with the change that caused it (the caller audits that
   * change). Returns how many sessions ended.
   */
  async function revokeSessionsFor(personId: string, tx?: Executor): Promise<number> {
    return revokeSessionsOf(tx ?? db, personId, core.nowIso());
  }

  /**
   * Housekeeping for a scheduled job: deletes sessions that expired or were revoked more than
   * `keepDays` ago (the audit trail keeps the sign-ins and sign-outs) and OIDC flows never finished.
   */
  async function purgeExpiredSessions(keepDays = 30): Promise<{ sessions: number; oidcFlows: number }> {
    const cutoff = new Date(core.now().getTime() - keepDays * 86_400_000).toISOString();
    const flowCutoff = new Date(core.now().getTime() - 60 * 60_000).toISOString();
    const s = await db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<', cutoff), eb('revoked_at', '<', cutoff)]))
      .executeTakeFirst();
    const f = await db.deleteFrom('oidc_flows').where('created_at', '<', flowCutoff).executeTakeFirst();
    return { sessions: Number(s.numDeletedRows), oidcFlows: Number(f.numDeletedRows) };
  }

  async function describe(session: IdentitySession | null): Promise<SessionView> {
    const oidc = { enabled: deps.config.oidc !== undefined, label: deps.config.oidc?.label ?? null };
    if (!session) return { authenticated: false, roles: [], csrfToken: null, mfa: { required: false, enrolled: false, pending: false }, oidc };
    const [person, account] = await Promise.all([
      db.selectFrom('persons').select(['id', 'name', 'email', 'title', 'department_id']).where('id', '=', session.personId).executeTakeFirst(),
      findAccount(db, session.personId),
    ]);
    const mfa = core.mfaState(session.actor, account?.totp_enabled_at != null, session.actor.mfa === true);
    return {
      authenticated: !session.pendingMfa,
      ...(person ? { person: { id: person.id, name: person.name, email: person.email, title: person.title, departmentId: person.department_id } } : {}),
      roles: session.pendingMfa ? [] : session.actor.roles.map((g) => ({ ...g, label: ROLE_LABELS[g.role] })),
      csrfToken: session.csrfToken,
      mfa,
      oidc,
    };
  }

  return { resolve, logout, revokeSessionsFor, describe, purgeExpiredSessions };
}
