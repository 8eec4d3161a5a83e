import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * Retention (issue 6): finding the archive items whose retention has ended — `retain_until <=
 * today`, optionally of one retention category — reads an index instead of scanning the archive
 * (the category rides in the index, so a filtered list does not open the wide rows it skips).
 * Proposing and listing a disposition batch also ask which open records requests collected each
 * item (records_request_items by archive_item_id), which only had an index led by request_id.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('archive_items_retention').on('archive_items').columns(['retain_until', 'retention_category']).execute();
  await db.schema.createIndex('records_request_items_item').on('records_request_items').column('archive_item_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('records_request_items_item').execute();
  await db.schema.dropIndex('archive_items_retention').execute();
}
