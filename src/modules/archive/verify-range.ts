/**
 * The walk of one range of the chain, in a worker thread or in the main one. Imports nothing
 * heavy (no Kysely): a worker loads it through tsx at start-up, and every module costs there.
 */
import type { Row } from '../../db/index.ts';
import { checkItem } from './chain.ts';
import type { ArchiveBreak } from './types.ts';

export type Marker = Row<'archive_dispositions'>;
/** What an erased payload looks like (disposition.ts ERASED, passed in so a worker need not load that module). */
export type ErasedPayload = Pick<Row<'archive_items'>, 'native' | 'rendered_text' | 'metadata'>;

/**
 * One item that carries a destruction marker. A destroyed item's payload is erased, so its own
 * hash cannot be recomputed; instead it must match its marker (id, content hash, item hash) and
 * the marker must belong to a certificate (`certified`: the batches whose certificates chain).
 * The item's place in the chain is still held by the next item's prev_hash.
 */
export function checkDisposed(r: Row<'archive_items'>, m: Marker, certified: ReadonlySet<string>, erased: ErasedPayload, expectedSeq: number, expectedPrev: string): ArchiveBreak | null {
  const seq = Number(r.seq);
  if (seq !== expectedSeq) return checkItem(r, expectedSeq, expectedPrev);
  const where = { seq, id: r.id, kind: r.kind };
  if (!certified.has(m.batch_id)) return { ...where, problem: `item #${seq} is marked destroyed by batch ${m.batch_id}, which has no destruction certificate` };
  if (m.item_id !== r.id || m.content_sha256 !== r.content_sha256 || m.item_hash !== r.item_hash) {
    return { ...where, problem: `item #${seq} does not match its destruction marker (batch ${m.batch_id}): its id or hashes were altered` };
  }
  if (r.native === erased.native && r.rendered_text === erased.rendered_text && r.metadata === erased.metadata) {
    if (r.prev_hash !== expectedPrev) return { ...where, problem: `item #${seq} is out of order: it was chained after a different item than #${seq - 1} (reordered, or #${seq - 1} was replaced)` };
    return null;
  }
  // Marked but not erased: the payload must still be the one captured.
  return checkItem(r, expectedSeq, expectedPrev);
}

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
  erased: ErasedPayload;
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
      const broken = marker ? checkDisposed(r, marker, certified, job.erased, expectedSeq, prev) : checkItem(r, expectedSeq, prev);
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
