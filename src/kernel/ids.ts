import { randomFillSync, randomUUID } from 'node:crypto';

/** Opaque text ids (UUID v4). Stored as text in both dialects. */
export const newId = (): string => randomUUID();

let lastMs = 0;
let counter = 0;
/** Random bytes drawn 4 KiB at a time (one call to the generator per 512 ids). */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

/**
 * Opaque text ids that sort in creation order (UUID v7, RFC 9562: 48-bit Unix milliseconds, a
 * 12-bit counter within the millisecond, 62 random bits), for rows written in bulk: each insert
 * lands at the end of the primary-key index instead of on a random page of it, so a batch dirties
 * a few pages, not one per row. The time in the id orders rows only; it is never business time.
 */
export function newSortableId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    if (++counter > 0xfff) {
      ms = ++lastMs;
      counter = 0;
    }
  } else {
    lastMs = ms;
    counter = 0;
  }
  if (poolAt + 8 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const rand = pool.subarray(poolAt, (poolAt += 8));
  const hex = ms.toString(16).padStart(12, '0');
  const a = (0x7000 | counter).toString(16);
  const b = ((rand[0]! & 0x3f) | 0x80).toString(16).padStart(2, '0') + rand.toString('hex', 1, 2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${a}-${b}-${rand.toString('hex', 2, 8)}`;
}
