import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * The records archive (IV.A.9, IV.A.11–IV.A.13, IV.C.11): one append-only, hash-chained row per
 * captured record, a head row so concurrent writers line up, and one seal per City day.
 * Disposition (later) will add its own table of `disposed` markers naming item ids: items are
 * never updated or deleted here, so the chain keeps verifying after disposition.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('archive_items')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('platform_id', 'text')
    .addColumn('native', 'text', (c) => c.notNull())
    .addColumn('rendered_text', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addColumn('retention_category', 'text', (c) => c.notNull())
    .addColumn('retain_until', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('item_hash', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('archive_items_kind').on('archive_items').columns(['kind', 'seq']).execute();
  await s.createIndex('archive_items_department').on('archive_items').columns(['department_id', 'seq']).execute();
  await s.createIndex('archive_items_captured').on('archive_items').column('captured_at').execute();
  await s.createIndex('archive_items_source').on('archive_items').column('source_id').execute();

  await s
    .createTable('archive_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('archive_head').values({ id: 1, seq: 0, hash: '0'.repeat(64) }).execute();

  await s
    .createTable('archive_seals')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('first_seq', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('head_hash', 'text', (c) => c.notNull())
    .addColumn('sealed_at', 'text', (c) => c.notNull())
    .addColumn('prev_seal_hash', 'text', (c) => c.notNull())
    .addColumn('seal_hash', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(_db: Kysely<any>): Promise<void> {
  throw new Error('The archive migration cannot be reversed: records must not be dropped.');
}
