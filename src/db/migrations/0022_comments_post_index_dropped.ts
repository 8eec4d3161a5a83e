import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * Comment ingest (issue 5): comments_post (post_remote_id, from 0007) is dropped. No query reads
 * comments by post_remote_id alone — the ingest looks posts up in post_publications, the queue
 * and a commenter's history read comments_queue and comments_author, replies read comments_parent
 * — yet every ingested comment paid for one more index entry (about 3 % of SQLite's work per
 * comment, measured with callgrind).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_post').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('comments_post').on('comments').columns(['post_remote_id']).execute();
}
