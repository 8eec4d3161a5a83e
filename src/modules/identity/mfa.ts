import type { Executor } from '../../db/index.ts';
import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { AppError, conflict, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/codec.ts';
import type { IdentitySession as ResolvedSessionLike } from './sessions.ts';
import { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD, type Core } from './core.ts';
import { invalidCode, noSession } from './errors.ts';
import { countFailure, findAccount, findPerson, lockAccount, revokeSessionsOf } from './repo.ts';
import { identityPolicy } from './policy.ts';
import { checkCode, newEnrollment, type Enrollment } from './totp.ts';

/**
 * TOTP second factor. Enrollment: a new secret is shown once (secret, otpauth URL, QR code) and
 * becomes active only when a code from it is entered. Verification: a pending session becomes a
 * full one. Wrong codes count toward the account lockout. Secrets are never returned after
 * enrollment, never logged and never audited.
 */
export function createMfaService(core: Core) {
  const { deps } = core;
  const { db, audit } = deps;

  function target(session: ResolvedSessionLike) {
    return { targetType: 'person', targetId: session.personId, targetLabel: session.actor.name };
  }

  async function accountOf(session: ResolvedSessionLike | null) {
    if (!session) throw noSession();
    const account = await findAccount(db, session.personId);
    if (!account) throw noSession();
    return { session, account };
  }

  /** Starts (or restarts) enrollment. Allowed in a full session, or in a pending one that has no TOTP yet. */
  async function startTotpEnrollment(s: ResolvedSessionLike | null): Promise<Enrollment> {
    const { session, account } = await accountOf(s);
    if (account.totp_enabled_at) throw conflict('An authenticator is already set up for this account. Ask the IT Manager to reset it if the device was lost.');
    const issuer = `Crier (${deps.pack.jurisdiction.cityName})`;
    const person = await db.selectFrom('persons').select('email').where('id', '=', session.personId).executeTakeFirstOrThrow();
    const enrollment = await newEnrollment(issuer, person.email);
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable('accounts')
        .set({ totp_secret: enrollment.secret, totp_last_step: null, updated_at: core.nowIso() })
        .where('person_id', '=', session.personId)
        .where('totp_enabled_at', 'is', null)
        .execute();
      await audit.record(tx, session.actor, { action: 'identity.totp_enrollment_started', ...target(session) });
    });
    return enrollment;
  }

  /** Counts a wrong code; at the threshold the account is locked and the pending session ended. */
  async function wrongCode(session: ResolvedSessionLike): Promise<never> {
    await db.transaction().execute(async (tx) => {
      const at = core.now();
      const failures = await countFailure(tx, session.personId, toIso(at));
      await audit.record(tx, session.actor, { action: 'identity.totp_failed', ...target(session), after: { failures } });
      if (failures >= LOCKOUT_THRESHOLD) {
        const until = toIso(new Date(at.getTime() + LOCKOUT_MINUTES * 60_000));
        await lockAccount(tx, session.personId, until, toIso(at));
        await revokeSessionsOf(tx, session.personId, toIso(at));
        await audit.record(tx, session.actor, { action: 'identity.account_locked', ...target(session), after: { lockedUntil: until, failures } });
      }
    });
    throw invalidCode();
  }

  /**
   * Records the step of an accepted code only if no later one was recorded meanwhile (two
   * processes racing with the same code: one wins, the other is a replay).
   */
  async function claimStep(tx: Executor, personId: string, step: number): Promise<boolean> {
    const r = await tx
      .updateTable('accounts')
      .set({ totp_last_step: step, failed_logins: 0, locked_until: null, last_login_at: core.nowIso(), updated_at: core.nowIso() })
      .where('person_id', '=', personId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The second factor is given: the session becomes complete and lives sessionHours from now. */
  async function completeSession(tx: Executor, sessionId: string, expiresAt: string): Promise<void> {
    await tx.updateTable('sessions').set({ mfa_verified: 1, expires_at: expiresAt }).where('id', '=', sessionId).execute();
  }

  /** Finishes enrollment with a code from the new secret; the session counts as second-factor verified. */
  async function activateTotp(s: ResolvedSessionLike | null, code: string): Promise<{ expiresAt: string }> {
    const { session, account } = await accountOf(s);
    if (account.totp_enabled_at) throw conflict('An authenticator is already set up for this account.');
    if (!account.totp_secret) throw new AppError('conflict', 'Start the authenticator set-up first.');
    if (account.locked_until && account.locked_until > core.nowIso()) throw invalidCode();
    const step = await checkCode(account.totp_secret, code, core.now(), account.totp_last_step);
    if (step === null) return wrongCode(session);
    const expiresAt = core.fullExpiry();
    const done = await db.transaction().execute(async (tx) => {
      if (!(await claimStep(tx, session.personId, step))) return false;
      const at = core.nowIso();
      await tx.updateTable('accounts').set({ totp_enabled_at: at, updated_at: at }).where('person_id', '=', session.personId).execute();
      await completeSession(tx, session.id, expiresAt);
      await audit.record(tx, session.actor, { action: 'identity.totp_enrolled', ...target(session) });
      return true;
    });
    if (!done) throw invalidCode();
    return { expiresAt };
  }

  /** Second step of sign-in: a code from the enrolled authenticator, each code usable once. */
  async function verifyTotp(s: ResolvedSessionLike | null, code: string): Promise<{ expiresAt: string }> {
    const { session, account } = await accountOf(s);
    if (!account.totp_enabled_at || !account.totp_secret) throw new AppError('conflict', 'Set up an authenticator first.');
    if (account.locked_until && account.locked_until > core.nowIso()) throw invalidCode();
    const step = await checkCode(account.totp_secret, code, core.now(), account.totp_last_step);
    if (step === null) return wrongCode(session);
    const expiresAt = core.fullExpiry();
    const done = await db.transaction().execute(async (tx) => {
      if (!(await claimStep(tx, session.personId, step))) return false;
      await completeSession(tx, session.id, expiresAt);
      await audit.record(tx, session.actor, { action: 'identity.mfa_verified', ...target(session), after: { method: 'totp' } });
      return true;
    });
    if (!done) throw invalidCode();
    return { expiresAt };
  }

  /**
   * Clears a person's authenticator (lost device): the City Manager or IT Manager only. The
   * person's sessions end; at the next sign-in a person whose role requires TOTP enrolls again.
   */
  async function resetTotp(actor: Actor, personId: string, reason: string): Promise<void> {
    authorize(identityPolicy, actor, 'identity.reset_totp', null);
    const person = await findPerson(db, personId);
    const account = person ? await findAccount(db, personId) : undefined;
    if (!person || !account) throw notFound('Account', personId);
    await db.transaction().execute(async (tx) => {
      const at = core.nowIso();
      await tx.updateTable('accounts').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: at }).where('person_id', '=', personId).execute();
      const ended = await revokeSessionsOf(tx, personId, at);
      await audit.record(tx, actor, {
        action: 'identity.totp_reset',
        targetType: 'person',
        targetId: personId,
        targetLabel: person.name,
        before: { enrolled: account.totp_enabled_at != null },
        after: { enrolled: false, sessionsEnded: ended },
        reason,
      });
    });
  }

  return { startTotpEnrollment, activateTotp, verifyTotp, resetTotp };
}
