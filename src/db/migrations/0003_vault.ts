import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * Credential custody (SPEC §6; IV.A.14, IV.C.2, IV.C.15(i)(i)–(ii)):
 * - credential_secrets: one row per secret version, encrypted (envelope: a per-secret AES-256-GCM
 *   data key wrapped by the master key, which is never stored here; only its fingerprint is).
 * - credential_reveals: who saw which secret, when and why (the secret itself never).
 * - credential_rotation_tasks: rotations owed when someone with access leaves or loses it.
 * - mail_outbox: e-mail written in the transaction, sent after it commits; failures recorded.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('credential_secrets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ciphertext', 'text')
    .addColumn('wrapped_key', 'text')
    .addColumn('key_fingerprint', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .execute();
  await db.schema.createIndex('credential_secrets_platform').on('credential_secrets').columns(['platform_id', 'status']).execute();

  await db.schema
    .createTable('credential_reveals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('secret_id', 'text', (c) => c.notNull().references('credential_secrets.id'))
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id'))
    .addColumn('person_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('revealed_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('credential_reveals_person').on('credential_reveals').column('person_id').execute();

  await db.schema
    .createTable('credential_rotation_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id'))
    .addColumn('person_id', 'text')
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('completed_by', 'text')
    .addColumn('completion_note', 'text')
    .execute();
  await db.schema.createIndex('credential_rotation_tasks_status').on('credential_rotation_tasks').columns(['status', 'platform_id']).execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_addresses', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('related_type', 'text')
    .addColumn('related_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('mail_outbox_status').on('mail_outbox').column('status').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_outbox').execute();
  await db.schema.dropTable('credential_rotation_tasks').execute();
  await db.schema.dropTable('credential_reveals').execute();
  await db.schema.dropTable('credential_secrets').execute();
}
