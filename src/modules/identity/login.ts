import { authorize } from '../../authz/index.ts';
import { publicActor, type Actor } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { AppError, invalidInput, notFound } from '../../kernel/errors.ts';
import { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD, type Core, type RequestMeta, type SignInResult } from './core.ts';
import { loginFailed } from './errors.ts';
import { burnPasswordCheck, checkNewPassword, hashPassword, verifyPassword } from './passwords.ts';
import { identityPolicy } from './policy.ts';
import { countFailure, ensureAccount, findAccount, findPerson, findPersonByEmail, lockAccount, revokeSessionsOf } from './repo.ts';

/** Local accounts: password sign-in with lockout, password changes, accounts for the CLI and seed. */
export function createLoginService(core: Core) {
  const { deps } = core;
  const { db, audit } = deps;

  /**
   * Email + password. Unknown email, wrong password and a locked account all get the same answer
   * after the same work (a dummy hash is verified for unknown emails): no user enumeration.
   * Five failures lock the account for fifteen minutes.
   */
  async function loginWithPassword(input: { email: string; password: string }, meta: RequestMeta): Promise<SignInResult> {
    core.checkNetwork(meta.ip);
    const person = await findPersonByEmail(db, input.email);
    const account = person ? await findAccount(db, person.id) : undefined;
    if (!person || !account?.password_hash) {
      await burnPasswordCheck(input.password);
      throw loginFailed();
    }
    const at = core.now();
    if (account.locked_until && account.locked_until > toIso(at)) {
      await burnPasswordCheck(input.password);
      throw loginFailed();
    }
    const ok = await verifyPassword(account.password_hash, input.password);
    if (!ok) {
      await db.transaction().execute(async (tx) => {
        const failures = await countFailure(tx, person.id, toIso(at));
        const target = { targetType: 'person', targetId: person.id, targetLabel: person.name };
        await audit.record(tx, publicActor, { action: 'identity.login_failed', ...target, after: { ip: meta.ip, failures } });
        if (failures >= LOCKOUT_THRESHOLD) {
          const until = toIso(new Date(at.getTime() + LOCKOUT_MINUTES * 60_000));
          await lockAccount(tx, person.id, until, toIso(at));
          await audit.record(tx, publicActor, { action: 'identity.account_locked', ...target, after: { lockedUntil: until, failures, ip: meta.ip } });
        }
      });
      throw loginFailed();
    }
    core.checkActive(person);
    const actor = await deps.actorFor(person.id);
    if (!actor) throw new AppError('forbidden', 'This person has no access to Crier.');
    return db.transaction().execute((tx) =>
      core.openSession(tx, { person, actor, enrolled: account.totp_enabled_at != null, mfaVerified: false, meta, method: 'password' }),
    );
  }

  /**
   * Sets a person's password: the City Manager or IT Manager (a reset), or the person themself
   * (who must give their current password when they have one). Every other session of that person
   * is ended, and the change is audited (never the password).
   */
  async function setPassword(actor: Actor, personId: string, password: string, options: { currentPassword?: string; keepSessionId?: string } = {}): Promise<void> {
    authorize(identityPolicy, actor, 'identity.set_password', { personId });
    const person = await findPerson(db, personId);
    if (!person) throw notFound('Person', personId);
    checkNewPassword(password, { email: person.email, name: person.name });
    const self = actor.kind === 'person' && actor.personId === personId;
    const existing = await findAccount(db, personId);
    if (self && existing?.password_hash) {
      const ok = options.currentPassword !== undefined && (await verifyPassword(existing.password_hash, options.currentPassword));
      if (!ok) throw invalidInput('currentPassword', 'is not your current password');
    }
    const passwordHash = await hashPassword(password);
    await db.transaction().execute(async (tx) => {
      const at = core.nowIso();
      await ensureAccount(tx, personId, at);
      await tx
        .updateTable('accounts')
        .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: at })
        .where('person_id', '=', personId)
        .execute();
      const ended = await revokeSessionsOf(tx, personId, at, self ? options.keepSessionId : undefined);
      await audit.record(tx, actor, {
        action: 'identity.password_changed',
        targetType: 'person',
        targetId: personId,
        targetLabel: person.name,
        after: { by: self ? 'self' : 'administrator', sessionsEnded: ended, firstPassword: !existing?.password_hash },
      });
    });
  }

  /** For the CLI (`crier create-admin`) and the demo seed: gives an existing person a local password. */
  async function createLocalAccount(actor: Actor, input: { personId: string; password: string }): Promise<void> {
    authorize(identityPolicy, actor, 'identity.create_account', null);
    const person = await findPerson(db, input.personId);
    if (!person) throw notFound('Person', input.personId);
    checkNewPassword(input.password, { email: person.email, name: person.name });
    const passwordHash = await hashPassword(input.password);
    await db.transaction().execute(async (tx) => {
      const at = core.nowIso();
      const before = await findAccount(tx, input.personId);
      await ensureAccount(tx, input.personId, at);
      await tx.updateTable('accounts').set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: at }).where('person_id', '=', input.personId).execute();
      await audit.record(tx, actor, {
        action: before ? 'identity.password_changed' : 'identity.account_created',
        targetType: 'person',
        targetId: input.personId,
        targetLabel: person.name,
        after: { method: 'password', by: 'administrator' },
      });
    });
  }

  return { loginWithPassword, setPassword, createLocalAccount };
}
