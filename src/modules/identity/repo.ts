import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor, Row } from '../../db/index.ts';

/** Queries on accounts, sessions and OIDC flows. No rules here: the service decides. */

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
/** 32 random bytes, URL-safe. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

export type PersonRow = Pick<Row<'persons'>, 'id' | 'name' | 'email' | 'status'>;

export async function findPersonByEmail(db: Executor, email: string): Promise<PersonRow | undefined> {
  return db
    .selectFrom('persons')
    .select(['id', 'name', 'email', 'status'])
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function findPerson(db: Executor, personId: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').select(['id', 'name', 'email', 'status']).where('id', '=', personId).executeTakeFirst();
}

export async function findAccount(db: Executor, personId: string): Promise<Row<'accounts'> | undefined> {
  return db.selectFrom('accounts').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

export async function findAccountByOidc(db: Executor, issuer: string, subject: string): Promise<Row<'accounts'> | undefined> {
  return db.selectFrom('accounts').selectAll().where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject).executeTakeFirst();
}

/** Creates the account row when missing (a person may have none until a password or an IdP link is set). */
export async function ensureAccount(db: Executor, personId: string, nowIso: string): Promise<Row<'accounts'>> {
  const existing = await findAccount(db, personId);
  if (existing) return existing;
  const row = {
    person_id: personId,
    password_hash: null,
    totp_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
    oidc_issuer: null,
    oidc_subject: null,
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
    created_at: nowIso,
    updated_at: nowIso,
  };
  await db.insertInto('accounts').values(row).execute();
  return row;
}

/** Counts one failed attempt; returns the new count. Atomic, so parallel attempts all count. */
export async function countFailure(db: Executor, personId: string, nowIso: string): Promise<number> {
  const r = await db
    .updateTable('accounts')
    .set({ failed_logins: sql<number>`failed_logins + 1`, updated_at: nowIso })
    .where('person_id', '=', personId)
    .returning('failed_logins')
    .executeTakeFirst();
  return Number(r?.failed_logins ?? 0);
}

export async function lockAccount(db: Executor, personId: string, untilIso: string, nowIso: string): Promise<void> {
  await db.updateTable('accounts').set({ failed_logins: 0, locked_until: untilIso, updated_at: nowIso }).where('person_id', '=', personId).execute();
}

export async function recordLogin(db: Executor, personId: string, nowIso: string): Promise<void> {
  await db.updateTable('accounts').set({ failed_logins: 0, locked_until: null, last_login_at: nowIso, updated_at: nowIso }).where('person_id', '=', personId).execute();
}

export interface NewSession {
  token: string;
  id: string;
  csrfToken: string;
  expiresAt: string;
}

export async function insertSession(
  db: Executor,
  input: { personId: string; mfaVerified: boolean; nowIso: string; expiresAt: string; ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomToken();
  const id = sha256(token);
  const csrfToken = randomToken();
  await db
    .insertInto('sessions')
    .values({
      id,
      person_id: input.personId,
      csrf_token: csrfToken,
      mfa_verified: input.mfaVerified ? 1 : 0,
      created_at: input.nowIso,
      expires_at: input.expiresAt,
      last_seen_at: input.nowIso,
      ip: input.ip,
      user_agent: input.userAgent ? input.userAgent.slice(0, 300) : null,
      revoked_at: null,
    })
    .execute();
  return { token, id, csrfToken, expiresAt: input.expiresAt };
}

export async function sessionByHash(db: Executor, id: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('persons', 'persons.id', 'sessions.person_id')
    .leftJoin('accounts', 'accounts.person_id', 'sessions.person_id')
    .select([
      'sessions.id',
      'sessions.person_id',
      'sessions.csrf_token',
      'sessions.mfa_verified',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'sessions.revoked_at',
      'sessions.created_at',
      // IV.E: the last time access was withdrawn; a session older than that is void even after reinstatement.
      (eb) =>
        eb
          .selectFrom('access_actions')
          .select((e) => e.fn.max('access_actions.acted_at').as('at'))
          .whereRef('access_actions.person_id', '=', 'sessions.person_id')
          .where('access_actions.action', 'in', ['suspend', 'revoke'])
          .as('access_withdrawn_at'),
      'persons.name',
      'persons.email',
      'persons.status',
      'accounts.totp_enabled_at',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

export async function revokeSession(db: Executor, id: string, nowIso: string): Promise<number> {
  const r = await db.updateTable('sessions').set({ revoked_at: nowIso }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Revokes every live session of a person, except optionally one (the one making the change). */
export async function revokeSessionsOf(db: Executor, personId: string, nowIso: string, exceptId?: string): Promise<number> {
  let q = db.updateTable('sessions').set({ revoked_at: nowIso }).where('person_id', '=', personId).where('revoked_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
