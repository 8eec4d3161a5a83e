import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * Archive search (issue 6): every page of hits reads the clauses its items cite
 * (archive_search_clauses by seq), whose only index is led by the clause: without table
 * statistics (SQLite gathers none unless ANALYZE runs) each search read the whole table — 3 ms
 * at 1,000,000 items. Only items citing a clause (moderation decisions, removals) add a row to it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('archive_search_clauses_seq').on('archive_search_clauses').column('seq').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('archive_search_clauses_seq').execute();
}
