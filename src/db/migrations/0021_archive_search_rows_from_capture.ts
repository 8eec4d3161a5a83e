import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * SQLite: captureMany writes an item's search side rows itself, before the item
 * (src/modules/archive/search-rows.ts: the JSON is parsed once in JavaScript, where the trigger's
 * JSON functions cost about 50 µs an item). The capture trigger stays for every other writer of
 * archive_items, and now does nothing when the item's side row is already there. The trigger is
 * re-created from its own definition with that condition added, so its body stays the one the
 * earlier migrations gave it. PostgreSQL is unchanged.
 */
const HEAD = 'AFTER INSERT ON archive_items';
const GUARD = 'WHEN NOT EXISTS (SELECT 1 FROM archive_search_entries WHERE seq = new.seq)';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function replaceTrigger(db: Kysely<any>, edit: (definition: string) => string): Promise<void> {
  const found = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'archive_search_index'`.execute(db);
  const definition = found.rows[0]?.sql;
  if (!definition || !definition.includes(HEAD)) throw new Error('the archive_search_index trigger is not the one migration 0018 created');
  await sql.raw('DROP TRIGGER archive_search_index').execute(db);
  await sql.raw(edit(definition)).execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await replaceTrigger(db, (d) => d.replace(HEAD, `${HEAD} ${GUARD}`));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await replaceTrigger(db, (d) => d.replace(` ${GUARD}`, ''));
}
