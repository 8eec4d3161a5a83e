import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * Archive imports started from the web app (IV.A.9, IV.A.13): one row per uploaded download, run
 * as a background job, its progress and its report (added, skipped and malformed records with
 * their positions). Productions expire (IV.A.12): `expired_at` is when the downloadable file was
 * removed; the row and its custody log stay.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('archive_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('platform_id', 'text')
    .addColumn('account_handle', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_bytes', 'bigint', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('requested_by_label', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('heartbeat_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('total', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('done', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('records', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('added', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('malformed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_json', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('archive_imports_status').on('archive_imports').columns(['status', 'requested_at']).execute();
  await db.schema.alterTable('productions').addColumn('expired_at', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('productions').dropColumn('expired_at').execute();
  await db.schema.dropTable('archive_imports').execute();
}
