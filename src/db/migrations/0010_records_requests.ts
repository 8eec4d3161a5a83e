import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * The public records request desk (IV.A.11; California Public Records Act):
 * - records_requests: one row per request; `due_on` is the determination due date now (the
 *   original 10 days, or the extended date), `original_due_on` never changes.
 * - records_request_extensions: at most one per request (unique request_id: a second extension
 *   is refused by the database too, not only by the service).
 * - records_request_reviews: the City Attorney's reviews (append-only).
 * - records_request_determinations: at most one per request, with its withheld items.
 * - records_request_messages: the dialogue with the requester and staff notes (append-only).
 * - records_request_reminders: one row per request × due kind × due date × stage (unique, so
 *   the reminder job is idempotent).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('records_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('requester_name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('postal_address', 'text')
    .addColumn('preferred_format', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('original_due_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('reviewer_id', 'text')
    .addColumn('assigned_by', 'text')
    .addColumn('assigned_at', 'text')
    .addColumn('estimated_production_on', 'text')
    .addColumn('determined_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('close_note', 'text')
    .execute();
  await db.schema.createIndex('records_requests_status_due').on('records_requests').columns(['status', 'due_on']).execute();

  await db.schema
    .createTable('records_request_extensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().unique().references('records_requests.id'))
    .addColumn('ground', 'text', (c) => c.notNull())
    .addColumn('ground_detail', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('previous_due_on', 'text', (c) => c.notNull())
    .addColumn('new_due_on', 'text', (c) => c.notNull())
    .addColumn('notice_text', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('records_request_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('records_requests.id'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('records_request_reviews_request').on('records_request_reviews').columns(['request_id', 'reviewed_at']).execute();

  await db.schema
    .createTable('records_request_determinations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().unique().references('records_requests.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('estimated_production_on', 'text')
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('responsible', 'text', (c) => c.notNull())
    .addColumn('letter_text', 'text', (c) => c.notNull())
    .addColumn('review_id', 'text')
    .addColumn('determined_by', 'text', (c) => c.notNull())
    .addColumn('determined_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('records_request_withheld')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('determination_id', 'text', (c) => c.notNull().references('records_request_determinations.id'))
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('exemption', 'text', (c) => c.notNull())
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text')
    .execute();
  await db.schema.createIndex('records_request_withheld_det').on('records_request_withheld').columns(['determination_id', 'position']).execute();

  await db.schema
    .createTable('records_request_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('records_requests.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('records_request_messages_position').on('records_request_messages').columns(['request_id', 'position']).unique().execute();

  await db.schema
    .createTable('records_request_reminders')
    .addColumn('request_id', 'text', (c) => c.notNull().references('records_requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('notified', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('records_request_reminders_pk', ['request_id', 'kind', 'due_on', 'stage'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['records_request_reminders', 'records_request_messages', 'records_request_withheld', 'records_request_determinations', 'records_request_reviews', 'records_request_extensions', 'records_requests']) await db.schema.dropTable(t).ifExists().execute();
}
