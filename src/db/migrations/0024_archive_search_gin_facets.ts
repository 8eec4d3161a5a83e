import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * Archive search (PostgreSQL only): the text index also holds each side row's stretch of the
 * archive (seq >> 14, 16,384 seqs), department (NULL as ''), platform, kind and creation day,
 * so one GIN scan intersects the words with the filters and a stretch, and the ranking window is
 * read newest stretch first instead of by walking the table (src/modules/archive-search/
 * postgres-window.ts). It replaces the index on the document alone (a scan of the words alone
 * reads the same entries), so a capture adds five index keys to the thirty-odd of its text.
 * The non-text columns need btree_gin (PostgreSQL contrib, a trusted extension); where it cannot
 * be installed, that index stays as it was and search reads as before.
 */
const INDEX = 'archive_search_entries_document_facets';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql
    .raw(
      `DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS btree_gin; EXCEPTION WHEN others THEN RAISE NOTICE 'btree_gin not installed (%): archive search keeps its text-only index', SQLERRM; END $$`,
    )
    .execute(db);
  const found = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'btree_gin'`.execute(db);
  if (!found.rows[0]?.n) return;
  await sql
    .raw(
      `CREATE INDEX ${INDEX} ON archive_search_entries USING gin ((seq >> 14), document, (coalesce(department_id, '')), platform_id, kind, (left(created_on_platform_at, 10)))`,
    )
    .execute(db);
  await sql.raw('DROP INDEX archive_search_entries_document').execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  const found = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = ${INDEX}`.execute(db);
  if (!found.rows[0]?.n) return;
  await sql.raw('CREATE INDEX archive_search_entries_document ON archive_search_entries USING gin (document)').execute(db);
  await sql.raw(`DROP INDEX ${INDEX}`).execute(db);
}
