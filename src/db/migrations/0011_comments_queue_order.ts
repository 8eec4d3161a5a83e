import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * The moderation queue reads open comments most severe first, oldest first, then by id
 * (severity DESC, captured_at ASC, id ASC). The index of 0007 ran every column ascending, so
 * neither SQLite nor PostgreSQL could read the page off it in order: both sorted the open
 * comments of each severity first (SQLite: "USE TEMP B-TREE FOR LAST 2 TERMS OF ORDER BY"), which
 * grows with the backlog. Same name, columns in the queue's own order and direction.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_queue').execute();
  await db.schema.createIndex('comments_queue').on('comments').columns(['review_state', 'severity desc', 'captured_at', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_queue').execute();
  await db.schema.createIndex('comments_queue').on('comments').columns(['review_state', 'severity', 'captured_at']).execute();
}
