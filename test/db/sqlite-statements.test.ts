import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '../../src/db/index.ts';

// SQLite connections reuse prepared statements by their SQL (src/db/sqlite-statements.ts): the
// same query must keep giving what the database holds now, across schema changes, streamed reads
// and failed statements.
describe('SQLite prepared statements reused by SQL', () => {
  let handle: DbHandle;
  let dir: string;
  const open = () => {
    dir = mkdtempSync(join(tmpdir(), 'crier-statements-'));
    handle = openDatabase({ kind: 'sqlite', file: join(dir, 'crier.db') });
    return handle.db;
  };
  afterEach(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a query repeated after its table gains a column returns the new column', async () => {
    const db = open();
    await sql`create table notes (id integer primary key, body text)`.execute(db);
    await sql`insert into notes (body) values ('first')`.execute(db);
    const read = () => sql<Record<string, unknown>>`select * from notes order by id`.execute(db);
    expect((await read()).rows).toEqual([{ id: 1, body: 'first' }]);
    await sql`alter table notes add column author text`.execute(db);
    await sql`update notes set author = 'clerk'`.execute(db);
    expect((await read()).rows).toEqual([{ id: 1, body: 'first', author: 'clerk' }]);
  });

  it('a streamed read stopped half-way leaves the same query usable', async () => {
    const db = open();
    await sql`create table notes (id integer primary key, body text)`.execute(db);
    for (let i = 1; i <= 5; i++) await sql`insert into notes (body) values (${`note ${i}`})`.execute(db);
    const query = () => db.selectFrom('notes' as never).select(sql<number>`id`.as('id')).orderBy(sql`id`);
    for await (const row of query().stream()) {
      expect(row.id).toBe(1);
      break;
    }
    expect((await query().execute()).map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a statement that failed (a constraint) runs again with other values, and its failure rolled back the write', async () => {
    const db = open();
    await sql`create table notes (id integer primary key, body text not null unique)`.execute(db);
    const add = (body: string) => sql`insert into notes (body) values (${body})`.execute(db);
    await add('one');
    await expect(db.transaction().execute(async (tx) => {
      await sql`insert into notes (body) values (${'two'})`.execute(tx);
      await sql`insert into notes (body) values (${'one'})`.execute(tx);
    })).rejects.toThrow(/UNIQUE/);
    await add('three');
    expect((await sql<{ body: string }>`select body from notes order by id`.execute(db)).rows.map((r) => r.body)).toEqual(['one', 'three']);
  });
});
