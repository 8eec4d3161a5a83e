import type { Row } from '../../db/index.ts';
import { checkItem } from './chain.ts';
import { checkDisposed, type Marker } from './verify-disposed.ts';
import type { ArchiveBreak } from './types.ts';

/** One stretch of the chain to walk: items lo–hi (hi null: to the end). */
export interface RangeJob {
  lo: number;
  hi: number | null;
  pageSize: number;
  /** Seqs where a daily seal ends: the chain hash there is sent back for the seal check. */
  checkpoints: number[];
  /** Batches whose destruction certificates chain (an item marked by another batch breaks). */
  certified: string[];
  /** False while nothing was ever destroyed: no marker lookups. */
  anyMarker: boolean;
}

/**
 * What a walk of one range found. The range's first row is checked only against itself (which
 * item comes before it is another range's): the caller checks it again against the end of the
 * range before, so the seams are held exactly as a single walk holds every link.
 */
export interface RangeResult {
  first: { row: Row<'archive_items'>; marker: Marker | null } | null;
  /** The last item that passed, and its hash. */
  last: { seq: number; hash: string } | null;
  /** [seq, item hash] at each checkpoint passed. */
  hashes: [number, string][];
  /** The first item in the range that does not match, given the range's first row. */
  broken: ArchiveBreak | null;
}

/** How a walk reads: the main thread through Kysely, a worker through its own connection. */
export interface RangeReader {
  /** Up to `limit` items after `after` (and at most `hi`), in seq order. */
  items(after: number, hi: number | null, limit: number): Promise<Row<'archive_items'>[]>;
  markers(firstSeq: number, lastSeq: number): Promise<Marker[]>;
}

/** Walks one range in pages (memory stays flat), asking for the next page before checking this one. */
export async function walkRange(read: RangeReader, job: RangeJob): Promise<RangeResult> {
  const checkpoints = new Set(job.checkpoints);
  const certified = new Set(job.certified);
  const out: RangeResult = { first: null, last: null, hashes: [], broken: null };
  let expectedSeq = 0;
  let prev = '';
  let pending = read.items(job.lo - 1, job.hi, job.pageSize);
  for (;;) {
    const page = await pending;
    if (page.length === 0) break;
    const lastOfPage = Number(page[page.length - 1]!.seq);
    // On PostgreSQL the server reads the next page while this one is hashed.
    pending = page.length < job.pageSize || (job.hi !== null && lastOfPage >= job.hi) ? Promise.resolve([]) : read.items(lastOfPage, job.hi, job.pageSize);
    const markers = job.anyMarker ? new Map((await read.markers(Number(page[0]!.seq), lastOfPage)).map((m) => [Number(m.item_seq), m])) : null;
    for (const r of page) {
      const seq = Number(r.seq);
      const marker = markers?.get(seq);
      if (!out.first) {
        out.first = { row: r, marker: marker ?? null };
        expectedSeq = seq;
        prev = r.prev_hash;
      }
      const broken = marker ? checkDisposed(r, marker, certified, expectedSeq, prev) : checkItem(r, expectedSeq, prev);
      if (broken) {
        await pending.catch(() => undefined);
        out.broken = broken;
        return out;
      }
      prev = r.item_hash;
      expectedSeq += 1;
      out.last = { seq, hash: prev };
      if (checkpoints.has(seq)) out.hashes.push([seq, prev]);
    }
  }
  return out;
}
