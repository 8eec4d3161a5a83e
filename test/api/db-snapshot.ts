import { sql } from 'kysely';
import type { Db } from '../../src/db/index.ts';

/** Row counts of every table plus the audit chain head: equal snapshots mean nothing was written. */
export async function snapshot(db: Db): Promise<string> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_')).sort();
  const counts: string[] = [];
  for (const t of tables) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(db);
    counts.push(`${t}=${Number(r.rows[0]?.n ?? 0)}`);
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirst();
  return `${counts.join(',')};audit=${head?.seq}:${head?.hash}`;
}
