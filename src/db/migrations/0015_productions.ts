import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * Productions (IV.A.12) started from the UI: one row per BagIt or WARC export job, its filters,
 * who asked for it, its progress and, when done, the file to download and its SHA-256.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('productions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('filters_json', 'text', (c) => c.notNull())
    .addColumn('bates_prefix', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('requested_by_label', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('heartbeat_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('phase', 'text')
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('item_count', 'integer')
    .addColumn('first_bates', 'text')
    .addColumn('last_bates', 'text')
    .addColumn('result_file', 'text')
    .addColumn('result_bytes', 'bigint')
    .addColumn('result_sha256', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('productions_status').on('productions').columns(['status', 'requested_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('productions').execute();
}
