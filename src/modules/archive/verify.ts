import type { Db, Row } from '../../db/index.ts';
import { checkItem, GENESIS_HASH, sealHash } from './chain.ts';
import { addDays } from './seal.ts';
import { dispositionChecker } from './verify-disposed.ts';
import type { ArchiveBreak, ArchiveVerifyResult } from './types.ts';

const PAGE = 5000;

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
  /** Seals left over once every item is walked: they name items that are gone. */
  const leftover = (count: number): ArchiveBreak | null => {
    const s = seals[i];
    return s ? bad(s, `it covers items up to #${s.last_seq}, but the archive ends at #${count} (items deleted)`) : null;
  };
  return { upTo, leftover, count: () => i };
}

/**
 * Walks every item in seq order, in pages (memory stays flat), and the daily seals alongside;
 * returns the first thing that does not match. Seals are one row a day, so they are read whole.
 */
export async function verifyArchive(db: Db, pageSize = PAGE): Promise<ArchiveVerifyResult> {
  const seals = await db.selectFrom('archive_seals').selectAll().orderBy('date').execute();
  const head = await db.selectFrom('archive_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const checker = sealChecker(seals);
  const disposed = await dispositionChecker(db);
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let count = 0;
  const fail = (firstBreak: ArchiveBreak): ArchiveVerifyResult => ({ ok: false, items: count, seals: checker.count(), firstBreak });
  let broken = checker.upTo(0, prev) ?? disposed.checkCertificates();
  if (broken) return fail(broken);
  const pageAfter = (seq: number) => db.selectFrom('archive_items').selectAll().where('seq', '>', seq).orderBy('seq').limit(pageSize).execute();
  let pending = pageAfter(0);
  for (;;) {
    const page = await pending;
    if (page.length === 0) break;
    // Ask for the next page before checking this one: on PostgreSQL the fetch overlaps the hashing.
    pending = page.length < pageSize ? Promise.resolve([]) : pageAfter(Number(page[page.length - 1]!.seq));
    // Destroyed items (disposition) are held to their markers and certificates instead of their erased payload.
    const markers = await disposed.markersFor(Number(page[0]!.seq), Number(page[page.length - 1]!.seq));
    for (const r of page) {
      const marker = markers.get(Number(r.seq));
      broken = marker ? disposed.checkDisposed(r, marker, expectedSeq, prev) : checkItem(r, expectedSeq, prev);
      if (broken) {
        await pending.catch(() => undefined);
        return fail(broken);
      }
      prev = r.item_hash;
      count += 1;
      expectedSeq += 1;
      broken = checker.upTo(count, prev);
      if (broken) {
        await pending.catch(() => undefined);
        return fail(broken);
      }
    }
  }
  broken = checker.leftover(count) ?? disposed.leftover();
  if (broken) return fail(broken);
  const headSeq = head ? Number(head.seq) : 0;
  if (headSeq > count) return fail({ seq: count + 1, id: null, kind: null, problem: `item #${count + 1} is missing: deleted (the archive head records ${headSeq} items)` });
  if (!head || headSeq !== count || head.hash !== prev) return fail({ seq: headSeq, id: null, kind: null, problem: 'the archive head does not match the last stored item' });
  const destroyed = disposed.destroyed();
  return { ok: true, items: count, seals: checker.count(), head: prev, ...(destroyed > 0 ? { destroyed } : {}) };
}
