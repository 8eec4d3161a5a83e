import { CompiledQuery } from 'kysely';
import type { DialectName, Executor } from './connect.ts';
import type { Database, NewRow } from './schema.ts';

/** Bound parameters per statement: under SQLite's 32,766 (PostgreSQL allows 65,535). */
const MAX_PARAMS = 30_000;
const statements = new Map<string, string>();

/**
 * Multi-row INSERT for writers of thousands of rows at once, without the query builder: Kysely
 * builds and compiles a node per value, which for a 500-row insert of 23 columns costs more than
 * SQLite spends storing the rows. Every row must have the columns of the first; the values are
 * bound, never spliced into the SQL. Same SQL on both dialects but for the placeholders.
 */
export async function insertRows<T extends keyof Database & string>(ex: Executor, dialect: DialectName, table: T, rows: readonly NewRow<T>[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!) as (keyof NewRow<T> & string)[];
  const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const params: unknown[] = [];
    for (const row of chunk) for (const c of columns) params.push(row[c] ?? null);
    await ex.executeQuery(CompiledQuery.raw(statement(dialect, table, columns, chunk.length), params));
  }
}

function statement(dialect: DialectName, table: string, columns: readonly string[], n: number): string {
  const key = `${dialect}\n${table}\n${columns.join(',')}\n${n}`;
  let sql = statements.get(key);
  if (sql === undefined) {
    const k = columns.length;
    const rowsSql = Array.from({ length: n }, (_, r) => `(${columns.map((_, c) => (dialect === 'postgres' ? `$${r * k + c + 1}` : '?')).join(', ')})`);
    sql = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${rowsSql.join(', ')}`;
    if (statements.size > 200) statements.clear();
    statements.set(key, sql);
  }
  return sql;
}

/**
 * Multi-row INSERT whose rows all take the same value tuple, e.g. `(?, lower(?))`, for writers
 * that apply SQL functions to the bound values. `head` is `insert into t (a, b)`; placeholders are
 * `?` (SQLite). Statements are cached by text like insertRows'.
 */
export async function insertTuples(ex: Executor, head: string, tuple: string, rows: readonly unknown[][]): Promise<void> {
  if (!rows.length) return;
  const per = Math.max(1, Math.floor(MAX_PARAMS / rows[0]!.length));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const key = `${head}\n${tuple}\n${chunk.length}`;
    let sql = statements.get(key);
    if (sql === undefined) {
      sql = `${head} values ${Array.from({ length: chunk.length }, () => tuple).join(', ')}`;
      if (statements.size > 200) statements.clear();
      statements.set(key, sql);
    }
    await ex.executeQuery(CompiledQuery.raw(sql, chunk.flat()));
  }
}
