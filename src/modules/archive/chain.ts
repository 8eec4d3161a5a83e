import { createHash, hash } from 'node:crypto';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import type { Row } from '../../db/index.ts';
import type { ArchiveBreak } from './types.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** One-shot hashing (crypto.hash): ~40% cheaper than createHash for records this size. */
export const sha256 = (s: string): string => hash('sha256', s, 'hex');

type ItemFields = Omit<Row<'archive_items'>, 'item_hash' | 'seq' | 'native'>;

/**
 * An item's hash covers the previous item's hash and every stored field but seq; the native
 * payload through its SHA-256 (content_sha256, checked against the payload on its own), so the
 * largest field is hashed once, not escaped again into the JSON. Order is held by prev_hash
 * alone, so a row moved to another seq still hashes true to itself and verify can say
 * "reordered" rather than "altered".
 */
export function itemHash(r: ItemFields): string {
  return hash('sha256', `${r.prev_hash}\n${canonicalItem(r)}`, 'hex');
}

const str = (v: string | null | undefined): string => (v == null ? 'null' : JSON.stringify(v));

/**
 * canonicalJson of the hashed fields, written out in sorted key order by hand: verify runs it a
 * million times, and the general serializer's sort and entries cost 4× more. A unit test holds
 * it equal to canonicalJson.
 */
export function canonicalItem(r: ItemFields): string {
  return (
    `{"captured_at":${str(r.captured_at)},"content_sha256":${str(r.content_sha256)},"department_id":${str(r.department_id)},"id":${str(r.id)},` +
    `"kind":${str(r.kind)},"metadata":${str(r.metadata)},"platform_id":${str(r.platform_id)},"prev_hash":${str(r.prev_hash)},` +
    `"rendered_text":${str(r.rendered_text)},"retain_until":${str(r.retain_until)},"retention_category":${str(r.retention_category)},"source_id":${str(r.source_id)}}`
  );
}

/** The same value through the general serializer (kept for the test that holds the two equal). */
export function canonicalItemSlow(r: ItemFields): string {
  return canonicalJson({
    id: r.id,
    kind: r.kind,
    source_id: r.source_id,
    department_id: r.department_id,
    platform_id: r.platform_id,
    rendered_text: r.rendered_text,
    metadata: r.metadata,
    content_sha256: r.content_sha256,
    captured_at: r.captured_at,
    retention_category: r.retention_category,
    retain_until: r.retain_until,
    prev_hash: r.prev_hash,
  });
}

/**
 * One item against the running chain. Deletion shows as a gap in seq; an edit as a row that no
 * longer matches its own hash (or its content hash); a reorder as a row true to itself that
 * was chained after some other item.
 */
export function checkItem(r: Row<'archive_items'>, expectedSeq: number, expectedPrev: string): ArchiveBreak | null {
  const seq = Number(r.seq);
  if (seq !== expectedSeq) {
    return { seq: expectedSeq, id: null, kind: null, problem: `item #${expectedSeq} is missing: deleted (the next stored item is #${seq}, ${r.kind} ${r.id})` };
  }
  if (sha256(r.native) !== r.content_sha256) {
    return { seq, id: r.id, kind: r.kind, problem: `item #${seq} was altered: its native payload no longer matches its SHA-256` };
  }
  if (itemHash(r) !== r.item_hash) {
    return { seq, id: r.id, kind: r.kind, problem: `item #${seq} was altered: its stored fields no longer match its hash` };
  }
  if (r.prev_hash !== expectedPrev) {
    return { seq, id: r.id, kind: r.kind, problem: `item #${seq} is out of order: it was chained after a different item than #${seq - 1} (reordered, or #${seq - 1} was replaced)` };
  }
  return null;
}

type SealFields = Omit<Row<'archive_seals'>, 'seal_hash'>;

export function sealHash(s: SealFields): string {
  const canonical = canonicalJson({
    date: s.date,
    first_seq: Number(s.first_seq),
    last_seq: Number(s.last_seq),
    item_count: Number(s.item_count),
    head_hash: s.head_hash,
    sealed_at: s.sealed_at,
    prev_seal_hash: s.prev_seal_hash,
  });
  return createHash('sha256').update(s.prev_seal_hash).update('\n').update(canonical, 'utf8').digest('hex');
}
