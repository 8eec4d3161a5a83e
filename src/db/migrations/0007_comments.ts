import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * Public comments (SPEC §4; IV.A.6, IV.B, IV.C.11, V):
 * - comments: one row per comment on a platform (unique by platform and the platform's id), its
 *   current text and state; comment_versions keeps every text the commenter wrote (edits and
 *   deletions are new versions, never overwrites) with the native payload.
 * - moderation_decisions: keep / hide / remove / restore, each hide or remove citing Section V
 *   clauses; automatic hides wait for a human; the platform action and its confirmation.
 * - moderation_settings: what the City Manager allows to be hidden automatically, the two-person rule.
 * - commenter_bans and moderation_appeals: denial of access with review, and the public's appeals.
 * - legislative_accounts: known accounts of legislative body members (Brown Act guard, IV.B).
 * - comment_ingest_state: per platform, where polling got to.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id'))
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.references('posts.id'))
    .addColumn('post_remote_id', 'text', (c) => c.notNull())
    .addColumn('parent_remote_id', 'text')
    .addColumn('author_handle', 'text')
    .addColumn('author_name', 'text')
    .addColumn('url', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_on_platform_at', 'text', (c) => c.notNull())
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_on_platform_at', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('review_state', 'text', (c) => c.notNull())
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('legislative_person_id', 'text')
    .addColumn('retain_until', 'text')
    .addUniqueConstraint('comments_platform_remote', ['platform_id', 'remote_id'])
    .execute();
  // The queue: open items, most severe first, oldest first.
  await db.schema.createIndex('comments_queue').on('comments').columns(['review_state', 'severity', 'captured_at']).execute();
  await db.schema.createIndex('comments_author').on('comments').columns(['platform_id', 'author_handle']).execute();
  await db.schema.createIndex('comments_post').on('comments').columns(['post_remote_id']).execute();

  await db.schema
    .createTable('comment_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('native', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('at_on_platform', 'text')
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('comment_versions_comment_version', ['comment_id', 'version'])
    .execute();

  await db.schema
    .createTable('moderation_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('clauses', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('moderator_id', 'text')
    .addColumn('automatic', 'integer', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('second_moderator_id', 'text')
    .addColumn('second_at', 'text')
    .addColumn('platform_action', 'text', (c) => c.notNull())
    .addColumn('platform_note', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_at', 'text')
    .execute();
  await db.schema.createIndex('moderation_decisions_comment').on('moderation_decisions').columns(['comment_id', 'decided_at']).execute();
  await db.schema.createIndex('moderation_decisions_month').on('moderation_decisions').columns(['decided_at']).execute();

  await db.schema
    .createTable('moderation_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('auto_hide_clauses', 'text', (c) => c.notNull())
    .addColumn('two_person_rule', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('commenter_bans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id'))
    .addColumn('author_handle', 'text', (c) => c.notNull())
    .addColumn('clauses', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .addColumn('review_on', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text')
    .addColumn('lifted_by', 'text')
    .addColumn('lifted_at', 'text')
    .addColumn('lift_reason', 'text')
    .execute();
  await db.schema.createIndex('commenter_bans_author').on('commenter_bans').columns(['platform_id', 'author_handle', 'status']).execute();

  await db.schema
    .createTable('moderation_appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comment_id', 'text', (c) => c.references('comments.id'))
    .addColumn('ban_id', 'text', (c) => c.references('commenter_bans.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();

  await db.schema
    .createTable('legislative_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id'))
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema.createIndex('legislative_accounts_handle').on('legislative_accounts').columns(['platform_id', 'handle']).execute();

  await db.schema
    .createTable('comment_ingest_state')
    .addColumn('platform_id', 'text', (c) => c.primaryKey().references('platforms.id'))
    .addColumn('last_polled_at', 'text')
    .addColumn('last_seen_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['comment_ingest_state', 'legislative_accounts', 'moderation_appeals', 'commenter_bans', 'moderation_settings', 'moderation_decisions', 'comment_versions', 'comments']) await db.schema.dropTable(t).execute();
}
