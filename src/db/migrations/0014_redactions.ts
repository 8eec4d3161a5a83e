import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * Redactions for records-request productions (IV.A.11; Gov. Code 7922.000–7927.705):
 * - redactions: one row per text span or image region marked in an archive item for a request,
 *   with its exemption (a statute id and citation, or a free-text ground the City Attorney
 *   approves), who marked it and when. `position` numbers the request's redaction log (unique
 *   per request). A withdrawal sets the withdrawn_* columns; the row is kept.
 * - redaction_renditions: each distinct redacted rendition handed out, with the hash of the
 *   original it came from and its own hash (append-only; unique per request, item and hash).
 * Archive items are never touched: redacted copies are derived from them on demand.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('redactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('records_requests.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('archive_item_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('attachment_id', 'text')
    .addColumn('span_start', 'integer')
    .addColumn('span_end', 'integer')
    .addColumn('region_x', 'integer')
    .addColumn('region_y', 'integer')
    .addColumn('region_w', 'integer')
    .addColumn('region_h', 'integer')
    .addColumn('exemption', 'text')
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('ground_text', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('original_sha256', 'text', (c) => c.notNull())
    .addColumn('redacted_by', 'text', (c) => c.notNull())
    .addColumn('redacted_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_by', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawal_reason', 'text')
    .execute();
  await db.schema.createIndex('redactions_request_position').on('redactions').columns(['request_id', 'position']).unique().execute();
  await db.schema.createIndex('redactions_request_item').on('redactions').columns(['request_id', 'archive_item_id']).execute();

  await db.schema
    .createTable('redaction_renditions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('records_requests.id'))
    .addColumn('archive_item_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('original_sha256', 'text', (c) => c.notNull())
    .addColumn('redacted_sha256', 'text', (c) => c.notNull())
    .addColumn('redaction_ids', 'text', (c) => c.notNull())
    .addColumn('rendered_by', 'text')
    .addColumn('rendered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('redaction_renditions_unique').on('redaction_renditions').columns(['request_id', 'archive_item_id', 'redacted_sha256']).unique().execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('redaction_renditions').execute();
  await db.schema.dropTable('redactions').execute();
}
