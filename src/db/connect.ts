import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.ts';
import { withStatementCache } from './sqlite-statements.ts';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Something queries can run on: the database or an open transaction. */
export type Executor = Kysely<Database>;

export interface DbHandle {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export function openDatabase(target: DatabaseTarget): DbHandle {
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    const sqlite = new SQLite(target.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Checkpoint the WAL into the database file every 10,000 pages (40 MB at 4 KB), not SQLite's
    // default 1,000. Comment ingest writes ~1,000 pages per 500-comment transaction, so at 1,000
    // every commit also copied its pages into the file and synced it; pages that the next
    // transactions write again (the leaves of indexes by author, the ends of the tables) are now
    // copied once per ten. Durability is the WAL's (synchronous stays FULL), not the checkpoint's.
    sqlite.pragma('wal_autocheckpoint = 10000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  let closing = false;
  // An idle connection the server drops (a PostgreSQL restart or failover, an administrator
  // terminating it, or a database dropped while the pool shuts down) is reported on the pool.
  // Unheard, that 'error' event would crash the whole process; the pool has already discarded
  // the connection and opens a new one for the next query, so a warning is all it needs.
  pool.on('error', (error) => {
    if (!closing) process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`, { code: 'CRIER_PG_IDLE_ERROR' });
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    close: () => {
      closing = true;
      return db.destroy();
    },
  };
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
