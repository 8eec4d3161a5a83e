import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * The Brown Act guard's log (IV.B; Gov. Code 54952.2(b)(3)) of what registered members did on
 * City posts beyond commenting (their comments carry comments.legislative_person_id):
 * - kind 'reaction': a like, favourite, boost, repost or Facebook reaction on a City post;
 * - kind 'response': a member's comment answering a comment by ANOTHER member (a possible serial
 *   meeting discussion), naming both.
 * dedupe_key makes each flag once only (member × post × reaction kind; the responding comment ×
 * the other member), so polling again or a redelivered comment never flags twice.
 * Also an index for finding the replies to a comment (comments.parent_remote_id).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('legislative_activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id'))
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('post_remote_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.references('posts.id'))
    .addColumn('reaction', 'text')
    .addColumn('comment_id', 'text', (c) => c.references('comments.id'))
    .addColumn('other_person_id', 'text', (c) => c.references('persons.id'))
    .addColumn('other_comment_id', 'text', (c) => c.references('comments.id'))
    .addColumn('occurred_at', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('native', 'text')
    .execute();
  await db.schema.createIndex('legislative_activity_recorded').on('legislative_activity').columns(['recorded_at', 'id']).execute();
  await db.schema.createIndex('legislative_activity_person').on('legislative_activity').columns(['person_id', 'recorded_at']).execute();
  await db.schema.createIndex('comments_parent').on('comments').columns(['platform_id', 'parent_remote_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_parent').execute();
  await db.schema.dropTable('legislative_activity').execute();
}
