import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * notification_reads: who has read which notification. A notice to the Council or a role is
 * read by each member separately (IV.A.7), so "read" cannot be one column on the notification.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_reads')
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_reads_pk', ['notification_id', 'person_id'])
    .execute();
  await db.schema.createIndex('notifications_audience').on('notifications').columns(['audience', 'person_id', 'role']).execute();
  await db.schema.createIndex('platform_admins_platform').on('platform_admins').column('platform_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('platform_admins_platform').execute();
  await db.schema.dropIndex('notifications_audience').execute();
  await db.schema.dropTable('notification_reads').execute();
}
