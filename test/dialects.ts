import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { migrateToLatest, openDatabase, type DbHandle, type DialectName } from '../src/db/index.ts';

/**
 * The dialect matrix (as Kysely's own tests do): every database test runs on SQLite and, when
 * TEST_DATABASE_URL is set, on PostgreSQL — each in a fresh, migrated database of its own.
 */
export const postgresUrl = process.env.TEST_DATABASE_URL;
export const dialects: DialectName[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

if (!postgresUrl && !(globalThis as { __crierPgWarned?: boolean }).__crierPgWarned) {
  (globalThis as { __crierPgWarned?: boolean }).__crierPgWarned = true;
  console.warn('TEST_DATABASE_URL is not set: PostgreSQL cases are SKIPPED (SQLite only). CI always sets it.');
}

/** Creates an empty database on the PostgreSQL server and returns its URL and a drop function. */
export async function createScratchPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `crier_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function openTestDatabase(dialect: DialectName): Promise<DbHandle> {
  if (dialect === 'sqlite') {
    const h = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(h.db);
    return h;
  }
  const scratch = await createScratchPostgres();
  const h = openDatabase({ kind: 'postgres', url: scratch.url });
  await migrateToLatest(h.db);
  return {
    ...h,
    async close() {
      await h.close();
      await scratch.drop();
    },
  };
}

/**
 * describe() once per dialect. `get()` returns the open, migrated database for the block.
 * Tests inside share it; make data unique per test (factories) rather than relying on order.
 */
export function describeEachDialect(name: string, body: (get: () => DbHandle, dialect: DialectName) => void): void {
  for (const dialect of dialects) {
    describe(`${name} [${dialect}]`, () => {
      let handle: DbHandle | undefined;
      beforeAll(async () => {
        handle = await openTestDatabase(dialect);
      }, 30_000);
      afterAll(async () => {
        await handle?.close();
      });
      body(() => {
        if (!handle) throw new Error('database not open yet');
        return handle;
      }, dialect);
    });
  }
}
