import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct statements kept prepared; past this the cache starts over (a guard against unbounded ad-hoc SQL). */
const CAPACITY = 500;

/**
 * The connection Kysely's SQLite dialect sees, with prepared statements reused by their SQL.
 * Kysely prepares every query it runs; preparing a 500-row insert costs about as much as running
 * it, and comment ingest and capture run the same few statements thousands of times. A statement
 * is never in use twice at once: Kysely runs one query (or one streamed query) at a time on the
 * connection. better-sqlite3 re-prepares a statement itself when the schema changes.
 */
export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const prepared = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      prepared.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let statement = prepared.get(sql);
      if (statement === undefined) {
        statement = sqlite.prepare(sql);
        if (prepared.size >= CAPACITY) prepared.clear();
        prepared.set(sql, statement);
      }
      return statement;
    },
  };
}
