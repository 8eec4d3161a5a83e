/**
 * What the archive benches share: a scratch PostgreSQL database, and filling archive_items with
 * batched direct inserts that compute the same hash chain capture() does (set-up, not measured).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db, NewRow } from '../../src/db/index.ts';
import { GENESIS_HASH } from '../../src/modules/archive/index.ts';

/** A new, empty database on the server at `adminUrl`, and how to drop it. */
export async function scratchPostgres(adminUrl: string, prefix = 'crier_bench'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

type ChainedFields = Omit<NewRow<'archive_items'>, 'seq'> & { item_hash: string };

/**
 * Items 1..n chained from the genesis hash (`fields(i, prev)` gives item i+1 chained after
 * `prev`), 1,000 rows a statement and 20 statements a transaction; the head moved to the last.
 * Returns the fill time in seconds.
 */
export async function fillChainedArchive(db: Db, n: number, fields: (i: number, prev: string) => ChainedFields, batch = 1000): Promise<number> {
  const started = performance.now();
  let prev = GENESIS_HASH;
  for (let base = 0; base < n; base += batch * 20) {
    await db.transaction().execute(async (tx) => {
      for (let b = base; b < Math.min(n, base + batch * 20); b += batch) {
        const rows: NewRow<'archive_items'>[] = [];
        for (let i = b; i < Math.min(n, b + batch); i++) {
          const f = fields(i, prev);
          rows.push({ seq: i + 1, ...f });
          prev = f.item_hash;
        }
        await tx.insertInto('archive_items').values(rows).execute();
      }
    });
  }
  await db.updateTable('archive_head').set({ seq: n, hash: prev }).where('id', '=', 1).execute();
  return (performance.now() - started) / 1000;
}
