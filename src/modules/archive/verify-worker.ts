/**
 * A verify worker thread (started by verify-pool.ts through verify-worker.mjs): opens its own
 * read-only connection to the archive's database and walks each range of items it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DatabaseTarget, Row } from '../../db/index.ts';
import { walkRange, type Marker, type RangeJob, type RangeReader } from './verify-range.ts';

export interface VerifyWorkerData {
  target: DatabaseTarget;
}
export type VerifyReply = { id: number; result: Awaited<ReturnType<typeof walkRange>> } | { id: number; error: string };

type Item = Row<'archive_items'>;

async function sqliteReader(file: string): Promise<RangeReader> {
  const { default: SQLite } = await import('better-sqlite3');
  // WAL: readers do not block the writer or each other.
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const upTo = db.prepare('SELECT * FROM archive_items WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?');
  const toEnd = db.prepare('SELECT * FROM archive_items WHERE seq > ? ORDER BY seq LIMIT ?');
  const markers = db.prepare('SELECT * FROM archive_dispositions WHERE item_seq >= ? AND item_seq <= ?');
  return {
    items: async (after, hi, limit) => (hi === null ? toEnd.all(after, limit) : upTo.all(after, hi, limit)) as Item[],
    markers: async (first, last) => markers.all(first, last) as Marker[],
  };
}

async function postgresReader(url: string): Promise<RangeReader> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    items: async (after, hi, limit) =>
      (hi === null
        ? await client.query<Item>('SELECT * FROM archive_items WHERE seq > $1 ORDER BY seq LIMIT $2', [after, limit])
        : await client.query<Item>('SELECT * FROM archive_items WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3', [after, hi, limit])
      ).rows,
    markers: async (first, last) => (await client.query<Marker>('SELECT * FROM archive_dispositions WHERE item_seq >= $1 AND item_seq <= $2', [first, last])).rows,
  };
}

const { target } = workerData as VerifyWorkerData;
const reader = target.kind === 'sqlite' ? sqliteReader(target.file) : postgresReader(target.url);
reader.catch(() => undefined); // reported with the first job

parentPort!.on('message', async ({ id, job }: { id: number; job: RangeJob }) => {
  try {
    parentPort!.postMessage({ id, result: await walkRange(await reader, job) } satisfies VerifyReply);
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies VerifyReply);
  }
});
