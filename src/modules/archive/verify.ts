import { sql, SqliteAdapter } from 'kysely';
import type { DatabaseTarget, Db, Row } from '../../db/index.ts';
import { checkItem, GENESIS_HASH, sealHash } from './chain.ts';
import { addDays } from './seal.ts';
import { ERASED } from './disposition.ts';
import { dispositionChecker } from './verify-disposed.ts';
import { defaultVerifyWorkers, walkRangesInWorkers } from './verify-pool.ts';
import { checkDisposed, walkRange, type RangeJob, type RangeReader, type RangeResult } from './verify-range.ts';
import type { ArchiveBreak, ArchiveVerifyResult } from './types.ts';

const PAGE = 5000;
/** Below this many items one thread walks faster than workers start (≈ 2 s of walking). */
const PARALLEL_FROM = 100_000;
/** Ranges per worker: a worker the machine gives less CPU walks fewer of them. */
const RANGES_PER_WORKER = 4;

export interface VerifyOptions {
  pageSize?: number;
  /** Worker threads (default: one per core, at most four, from 100,000 items); 1 walks in this thread. */
  workers?: number;
  /** Items per range handed to a worker (default: the archive split in four per worker). */
  rangeSize?: number;
  /**
   * Where the workers connect. SQLite files are found from the connection itself; PostgreSQL
   * needs the URL. Without one (or for an in-memory SQLite database) the walk stays in this thread.
   */
  database?: DatabaseTarget;
}

/** Checks the next seal(s) ending at `seq`, where the chain's hash is `hash`. Keeps its own running state. */
function sealChecker(seals: Row<'archive_seals'>[]) {
  let i = 0;
  let prevHash = GENESIS_HASH;
  let prevLast = 0;
  let prevDate: string | null = null;
  const bad = (s: Row<'archive_seals'>, problem: string): ArchiveBreak => ({ seq: Number(s.last_seq), id: null, kind: 'seal', problem: `seal of ${s.date}: ${problem}`, sealDate: s.date });

  /** Every seal that ends at or before `seq`; `hash` is the chain head after item #seq. */
  function upTo(seq: number, hash: string): ArchiveBreak | null {
    while (i < seals.length && Number(seals[i]!.last_seq) <= seq) {
      const s = seals[i]!;
      const first = Number(s.first_seq);
      const last = Number(s.last_seq);
      if (prevDate && s.date !== addDays(prevDate, 1)) return bad(s, `the seal of ${addDays(prevDate, 1)} is missing (deleted)`);
      if (sealHash(s) !== s.seal_hash) return bad(s, 'it was altered: its fields no longer match its hash');
      if (s.prev_seal_hash !== prevHash) return bad(s, `it does not follow the seal of ${prevDate ?? 'the start'} (replaced or reordered)`);
      if (first !== prevLast + 1 || Number(s.item_count) !== last - first + 1) return bad(s, `its range #${first}–#${last} (${s.item_count} items) does not continue from #${prevLast}`);
      if (last < seq) return bad(s, `it ends at item #${last}, but the chain had already passed it`);
      if (s.head_hash !== hash) return bad(s, `item #${last} no longer matches the chain head sealed that day`);
      prevHash = s.seal_hash;
      prevLast = last;
      prevDate = s.date;
      i += 1;
    }
    return null;
  }
  /** Where the next seal to check ends (null: none left). */
  const nextLast = (): number | null => (i < seals.length ? Number(seals[i]!.last_seq) : null);
  /** Seals left over once every item is walked: they name items that are gone. */
  const leftover = (count: number): ArchiveBreak | null => {
    const s = seals[i];
    return s ? bad(s, `it covers items up to #${s.last_seq}, but the archive ends at #${count} (items deleted)`) : null;
  };
  return { upTo, nextLast, leftover, count: () => i };
}

const kyselyReader = (db: Db): RangeReader => ({
  items: (after, hi, limit) => {
    let q = db.selectFrom('archive_items').selectAll().where('seq', '>', after);
    if (hi !== null) q = q.where('seq', '<=', hi);
    return q.orderBy('seq').limit(limit).execute();
  },
  markers: (first, last) => db.selectFrom('archive_dispositions').selectAll().where('item_seq', '>=', first).where('item_seq', '<=', last).execute(),
});

/** The database workers can open on their own: a SQLite file (not :memory:), or PostgreSQL given its URL. */
async function sharedTarget(db: Db, given: DatabaseTarget | undefined): Promise<DatabaseTarget | null> {
  if (given?.kind === 'postgres') return given;
  if (given?.kind === 'sqlite') return given.file && given.file !== ':memory:' ? given : null;
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return null; // PostgreSQL without its URL
  const { rows } = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(db);
  const file = rows.find((r) => r.name === 'main')?.file;
  return file ? { kind: 'sqlite', file } : null; // an in-memory database has no file
}

/**
 * Walks every item in seq order, in pages (memory stays flat), and the daily seals alongside;
 * returns the first thing that does not match. Seals are one row a day, so they are read whole.
 * Each item's hashes are its own, so the walk is split into ranges across worker threads when
 * the archive is large; the links across the seams and the seals are then checked here, in seq
 * order, so the first break named is the one a single walk names.
 */
export async function verifyArchive(db: Db, options: VerifyOptions = {}): Promise<ArchiveVerifyResult> {
  const pageSize = options.pageSize ?? PAGE;
  const seals = await db.selectFrom('archive_seals').selectAll().orderBy('date').execute();
  const head = await db.selectFrom('archive_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  let checker = sealChecker(seals);
  const disposed = await dispositionChecker(db);
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let count = 0;
  const fail = (firstBreak: ArchiveBreak): ArchiveVerifyResult => ({ ok: false, items: count, seals: checker.count(), firstBreak });
  let broken = checker.upTo(0, prev) ?? disposed.checkCertificates();
  if (broken) return fail(broken);

  const certified = new Set(disposed.certified());
  const job = (lo: number, hi: number | null): RangeJob => ({
    lo,
    hi,
    pageSize,
    checkpoints: seals.map((s) => Number(s.last_seq)).filter((q) => q >= lo && (hi === null || q <= hi)),
    certified: [...certified],
    anyMarker: disposed.anyMarker,
    erased: ERASED,
  });

  /** One range's result, after the ranges before it: its first row against the chain so far, then its seals. */
  function merge(r: RangeResult): ArchiveBreak | null {
    if (!r.first) return null; // nothing stored here: the next stored item shows the gap
    const { row, marker } = r.first;
    const firstBreak = marker ? checkDisposed(row, marker, certified, ERASED, expectedSeq, prev) : checkItem(row, expectedSeq, prev);
    if (firstBreak) return firstBreak;
    if (!r.last) return r.broken; // (the same row, read twice, disagreed with itself)
    const hashes = new Map(r.hashes);
    for (let at = checker.nextLast(); at !== null && at <= r.last.seq; at = checker.nextLast()) {
      count = at;
      const sealBreak = checker.upTo(at, hashes.get(at) ?? '');
      if (sealBreak) return sealBreak;
    }
    count = r.last.seq;
    prev = r.last.hash;
    expectedSeq = count + 1;
    return r.broken;
  }

  const target = await sharedTarget(db, options.database);
  const last = Number((await db.selectFrom('archive_items').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst())?.m ?? 0);
  const workers = target && last > 0 ? (options.workers ?? (last >= PARALLEL_FROM ? defaultVerifyWorkers() : 1)) : 1;
  let walked = false;
  if (workers > 1) {
    const size = options.rangeSize ?? Math.ceil(last / (workers * RANGES_PER_WORKER));
    const jobs: RangeJob[] = [];
    for (let lo = 1; lo <= last; lo += size) jobs.push(job(lo, lo + size > last ? null : lo + size - 1));
    const pool = walkRangesInWorkers(target!, jobs, workers);
    try {
      for (const result of pool.results) {
        broken = merge(await result);
        if (broken) return fail(broken);
      }
      walked = true;
    } catch (e) {
      // A worker that cannot start or read (no tsx loader, the file moved): walk in this thread.
      process.emitWarning(`archive verify: walking in one thread (${e instanceof Error ? e.message : String(e)})`, { code: 'CRIER_VERIFY_WORKERS' });
      expectedSeq = 1;
      prev = GENESIS_HASH;
      count = 0;
      checker = sealChecker(seals);
      checker.upTo(0, prev);
    } finally {
      await pool.close();
    }
  }
  if (!walked) {
    broken = merge(await walkRange(kyselyReader(db), job(1, null)));
    if (broken) return fail(broken);
  }

  broken = checker.leftover(count) ?? (await disposed.leftover(count));
  if (broken) return fail(broken);
  const headSeq = head ? Number(head.seq) : 0;
  if (headSeq > count) return fail({ seq: count + 1, id: null, kind: null, problem: `item #${count + 1} is missing: deleted (the archive head records ${headSeq} items)` });
  if (!head || headSeq !== count || head.hash !== prev) return fail({ seq: headSeq, id: null, kind: null, problem: 'the archive head does not match the last stored item' });
  const destroyed = disposed.destroyed();
  return { ok: true, items: count, seals: checker.count(), head: prev, ...(destroyed > 0 ? { destroyed } : {}) };
}
