import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * Posts (SPEC §3):
 * - posts: one row per post, its workflow state and the exceptions recorded on it
 *   (emergency release IV.A.5, City Manager direction IV.C.15(e), block override, removal).
 * - post_versions: every saved text, append-only; approvals name the version they approved.
 * - post_approvals: department/City Manager approval (IV.C.5) and IT review (IV.A.17), voided by an edit.
 * - post_publications: the outbox, one row per post × platform with an idempotency key.
 * - feed_entries: what the City feed connector serves as Atom/RSS (Crier is that platform).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('emergency', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('emergency_system', 'text')
    .addColumn('emergency_release_url', 'text')
    .addColumn('emergency_released_at', 'text')
    .addColumn('directed_by', 'text')
    .addColumn('directed_reason', 'text')
    .addColumn('directed_at', 'text')
    .addColumn('override_by', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('override_version', 'integer')
    .addColumn('scheduled_for', 'text')
    .addColumn('correction_of', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('removed_at', 'text')
    .addColumn('removed_by', 'text')
    .addColumn('removal_reason', 'text')
    .execute();
  await db.schema.createIndex('posts_status').on('posts').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('posts_department').on('posts').columns(['department_id', 'created_at']).execute();

  await db.schema
    .createTable('post_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('targets', 'text', (c) => c.notNull())
    .addColumn('attachment_ids', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('post_versions_post_version', ['post_id', 'version'])
    .execute();

  await db.schema
    .createTable('post_approvals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('voided_at', 'text')
    .execute();
  await db.schema.createIndex('post_approvals_post').on('post_approvals').columns(['post_id', 'version']).execute();

  await db.schema
    .createTable('post_publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id'))
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('first_attempt_at', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('remote_id', 'text')
    .addColumn('remote_url', 'text')
    .addColumn('native', 'text')
    .addColumn('published_at', 'text')
    .addColumn('removed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_publications_due').on('post_publications').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('post_publications_post').on('post_publications').column('post_id').execute();

  await db.schema
    .createTable('feed_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('media', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema.createIndex('feed_entries_platform').on('feed_entries').columns(['platform_id', 'published_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['feed_entries', 'post_publications', 'post_approvals', 'post_versions', 'posts']) await db.schema.dropTable(t).execute();
}
