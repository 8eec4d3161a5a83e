import type { Config } from '../../config/index.ts';
import type { Db, DialectName, Executor } from '../../db/index.ts';
import { hasAnyRole, type PersonActor, type Role } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { toIso } from '../../kernel/codec.ts';
import type { PolicyPack } from '../../policy/index.ts';
import type { AuditService } from '../audit/index.ts';
import { accessWithdrawn, outsideCityNetwork } from './errors.ts';
import { createNetworkAllowList, type NetworkAllowList } from './network.ts';
import { insertSession, recordLogin, type PersonRow } from './repo.ts';

/** Who a person is as an actor (roles in force today). Provided by the people module. */
export type ActorFor = (personId: string) => Promise<PersonActor | null>;

export interface IdentityDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  pack: PolicyPack;
  audit: AuditService;
  config: Pick<Config, 'sessionHours' | 'staffNetworks' | 'oidc' | 'publicUrl'>;
  actorFor: ActorFor;
}

export interface RequestMeta {
  ip: string;
  userAgent: string | undefined;
}

export interface MfaState {
  /** A second factor is required for this person (role in the pack's totpRequiredRoles, or TOTP enrolled). */
  required: boolean;
  enrolled: boolean;
  /** Required and not yet given in this session: the session may only finish sign-in. */
  pending: boolean;
}

/** What a sign-in hands the HTTP tier: the cookie token (never stored) and where the person stands. */
export interface SignInResult {
  token: string;
  csrfToken: string;
  expiresAt: string;
  personId: string;
  mfa: MfaState;
  /** 'signed_in' | 'totp_required' (enter a code) | 'totp_enrollment_required' (set up an authenticator first). */
  next: 'signed_in' | 'totp_required' | 'totp_enrollment_required';
}

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
/** A session waiting for its second factor lives this long; giving the code extends it to sessionHours. */
export const PENDING_MINUTES = 15;
/** last_seen_at is written at most this often. */
export const SEEN_INTERVAL_MS = 60_000;

/** Shared by the parts of the identity service. */
export function createCore(deps: IdentityDeps) {
  const network: NetworkAllowList = createNetworkAllowList(deps.config.staffNetworks);
  const totpRoles = deps.pack.authorization.totpRequiredRoles as Role[];

  const now = () => deps.clock.now();
  const nowIso = () => toIso(deps.clock.now());
  /** When a complete session started now ends. */
  const fullExpiry = () => toIso(new Date(deps.clock.now().getTime() + deps.config.sessionHours * 3600_000));

  function mfaState(actor: PersonActor, enrolled: boolean, verified: boolean): MfaState {
    const required = enrolled || hasAnyRole(actor, totpRoles);
    return { required, enrolled, pending: required && !verified };
  }

  /** IV.C.15(c)–(d): staff sign-in and sessions only from the City network, when ranges are configured. */
  function checkNetwork(ip: string): void {
    if (!network.allows(ip)) throw outsideCityNetwork();
  }

  /** IV.E: suspended, revoked or departed persons cannot sign in. */
  function checkActive(person: PersonRow): void {
    if (person.status !== 'active') throw accessWithdrawn(person.status);
  }

  /**
   * Opens a session for a person who has given their first factor (or an IdP sign-in), records
   * the sign-in in the audit trail in the same transaction, and says what comes next.
   */
  async function openSession(
    tx: Executor,
    input: { person: PersonRow; actor: PersonActor; enrolled: boolean; mfaVerified: boolean; meta: RequestMeta; method: 'password' | 'oidc'; extra?: Record<string, unknown> },
  ): Promise<SignInResult> {
    const at = now();
    const mfa = mfaState(input.actor, input.enrolled, input.mfaVerified);
    const expiresAt = mfa.pending ? toIso(new Date(at.getTime() + PENDING_MINUTES * 60_000)) : fullExpiry();
    // Failures are forgiven only by a complete sign-in: a right password followed by wrong codes
    // keeps counting toward the lockout, so the second factor cannot be guessed by signing in again.
    if (!mfa.pending) await recordLogin(tx, input.person.id, toIso(at));
    const s = await insertSession(tx, {
      personId: input.person.id,
      mfaVerified: input.mfaVerified,
      nowIso: toIso(at),
      expiresAt,
      ip: input.meta.ip,
      userAgent: input.meta.userAgent ?? null,
    });
    const next = !mfa.pending ? 'signed_in' : mfa.enrolled ? 'totp_required' : 'totp_enrollment_required';
    await deps.audit.record(tx, input.actor, {
      action: 'identity.signed_in',
      targetType: 'person',
      targetId: input.person.id,
      targetLabel: input.person.name,
      after: { method: input.method, ip: input.meta.ip, secondFactor: mfa.pending ? 'pending' : input.mfaVerified ? 'given' : 'not_required', ...input.extra },
    });
    return { token: s.token, csrfToken: s.csrfToken, expiresAt, personId: input.person.id, mfa, next };
  }

  return { deps, network, now, nowIso, fullExpiry, mfaState, checkNetwork, checkActive, openSession };
}

export type Core = ReturnType<typeof createCore>;
