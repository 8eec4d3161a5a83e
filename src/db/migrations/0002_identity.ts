import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * TOTP anti-replay: the time step of the last code accepted for an account, so a code once used
 * cannot be used again in the same window.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('totp_last_step', 'integer').execute();
  await db.schema.createIndex('sessions_person').on('sessions').column('person_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_person').execute();
  await db.schema.alterTable('accounts').dropColumn('totp_last_step').execute();
}
