import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * Retention, disposition and legal holds (SPEC §5; IV.A.9, IV.A.13, IV.C.11; Gov. Code 34090):
 * - legal_holds: matter, custodian, scope (platforms, departments, search terms, date range) and
 *   state (issued → acknowledged → released, with the release reason).
 * - disposition_batches / disposition_batch_items: the City Clerk's proposal, the City Attorney's
 *   written consent, the council resolution and destruction form numbers; the items as they
 *   stood when proposed (ids and hashes).
 * - archive_dispositions: one marker per destroyed archive item (item_id and item_seq unique,
 *   so no item is destroyed twice). archive_items rows are never deleted; see the archive README
 *   for what destruction erases and how verify accepts it.
 * - disposition_certificates: one per destruction, hash-chained to the one before, with a
 *   digest of its markers (ids, content hashes, item hashes) so verify can hold them together.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('legal_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('custodian_id', 'text', (c) => c.notNull())
    .addColumn('platform_ids', 'text')
    .addColumn('department_ids', 'text')
    .addColumn('search_terms', 'text')
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('released_by', 'text')
    .addColumn('released_at', 'text')
    .addColumn('release_reason', 'text')
    .execute();
  await s.createIndex('legal_holds_status').on('legal_holds').columns(['status', 'issued_at']).execute();
  await s.createIndex('legal_holds_custodian').on('legal_holds').columns(['custodian_id', 'status']).execute();

  await s
    .createTable('disposition_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('proposed_by', 'text')
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('consented_by', 'text')
    .addColumn('consented_at', 'text')
    .addColumn('consent_text', 'text')
    .addColumn('resolution_number', 'text')
    .addColumn('form_number', 'text')
    .addColumn('authorized_by', 'text')
    .addColumn('authorized_at', 'text')
    .addColumn('destroyed_by', 'text')
    .addColumn('destroyed_at', 'text')
    .addColumn('withdrawn_by', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdraw_reason', 'text')
    .execute();
  await s.createIndex('disposition_batches_status').on('disposition_batches').columns(['status', 'proposed_at']).execute();

  await s
    .createTable('disposition_batch_items')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('disposition_batches.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('item_seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('retention_category', 'text', (c) => c.notNull())
    .addColumn('retain_until', 'text', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('item_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('disposition_batch_items_pk', ['batch_id', 'item_id'])
    .execute();
  await s.createIndex('disposition_batch_items_item').on('disposition_batch_items').column('item_id').execute();

  await s
    .createTable('archive_dispositions')
    .addColumn('item_id', 'text', (c) => c.primaryKey())
    .addColumn('item_seq', 'integer', (c) => c.notNull().unique())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('item_hash', 'text', (c) => c.notNull())
    .addColumn('disposed_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('disposition_certificates')
    .addColumn('batch_id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('certificate_hash', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(_db: Kysely<any>): Promise<void> {
  throw new Error('The retention migration cannot be reversed: destruction certificates and legal holds must not be dropped.');
}
