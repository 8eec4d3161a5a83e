import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * Post attachments (SPEC §3; IV.C.15(i)(iii), IV.D.5, IV.D.6(e), IV.D.7(b), IV.D.7(c), IV.A.9):
 * one row per upload, written only after the virus scan. A clean file is stored by the sha256 of
 * its stored bytes (images re-encoded without metadata); an infected one is kept in quarantine
 * (status 'quarantined') and never served. The describing fields are filled in later.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('original_sha256', 'text', (c) => c.notNull())
    .addColumn('stored_sha256', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scanner', 'text', (c) => c.notNull())
    .addColumn('scan_signature', 'text')
    .addColumn('scanned_at', 'text', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('department_id', 'text')
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('alt_text', 'text')
    .addColumn('caption_text', 'text')
    .addColumn('caption_file_id', 'text')
    .addColumn('city_website_url', 'text')
    .addColumn('photo_at_public_event', 'integer')
    .addColumn('photo_attested_by', 'text')
    .addColumn('photo_attested_at', 'text')
    .addColumn('ownership', 'text')
    .addColumn('permission_json', 'text')
    .addColumn('uses_city_seal', 'integer')
    .addColumn('seal_authorization', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_status').on('attachments').columns(['status', 'uploaded_at']).execute();
  await db.schema.createIndex('attachments_department').on('attachments').column('department_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachments').execute();
}
