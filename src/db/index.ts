export { openDatabase, migrateToLatest } from './connect.ts';
export type { Db, Tx, Executor, DbHandle, DialectName, DatabaseTarget } from './connect.ts';
export type * from './schema.ts';
export { insertRows, insertTuples } from './bulk.ts';
