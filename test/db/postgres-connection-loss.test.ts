import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '../../src/db/index.ts';
import { createScratchPostgres, postgresUrl } from '../dialects.ts';

// A PostgreSQL restart or failover drops every connection the pool holds. Crier must keep
// running and answer the next request on a fresh connection, not crash on the pool's error.
describe.skipIf(!postgresUrl)('PostgreSQL connection loss', () => {
  let scratch: Awaited<ReturnType<typeof createScratchPostgres>>;
  let handle: DbHandle;
  beforeAll(async () => {
    scratch = await createScratchPostgres();
    handle = openDatabase({ kind: 'postgres', url: scratch.url });
  });
  afterAll(async () => {
    await handle?.close();
    await scratch?.drop();
  });

  it('survives the server terminating its idle connections and answers the next query', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const before = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db);
      const pid = before.rows[0]!.pid;
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await admin.end();
      // Give the pool time to hear the termination on its idle connection.
      for (let i = 0; i < 50 && warnings.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(warnings.join('\n')).toMatch(/PostgreSQL closed an idle connection/);
      const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db);
      expect(after.rows[0]!.pid).not.toBe(pid);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
