import { createHash } from 'node:crypto';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import type { Row } from '../../db/index.ts';

export const GENESIS_HASH = '0'.repeat(64);

type ChainedFields = Omit<Row<'audit_events'>, 'hash'>;

/** Each event's hash covers the previous hash and the canonical event (every stored field). */
export function eventHash(e: ChainedFields): string {
  const canonical = canonicalJson({
    seq: Number(e.seq),
    id: e.id,
    occurred_at: e.occurred_at,
    actor_id: e.actor_id,
    actor_label: e.actor_label,
    action: e.action,
    target_type: e.target_type,
    target_id: e.target_id,
    target_label: e.target_label,
    before_json: e.before_json,
    after_json: e.after_json,
    clauses: e.clauses,
    reason: e.reason,
    prev_hash: e.prev_hash,
  });
  return createHash('sha256').update(e.prev_hash).update('\n').update(canonical).digest('hex');
}

export type ChainBreak = { seq: number; id: string | null; problem: string };

/**
 * Checks one event against the running state of the chain. Returns the break, or null.
 * Deletions show as a gap in seq, reordering as a prev_hash mismatch, edits as a hash mismatch.
 */
export function checkLink(e: Row<'audit_events'>, expectedSeq: number, expectedPrev: string): ChainBreak | null {
  const seq = Number(e.seq);
  if (seq !== expectedSeq) {
    return { seq: expectedSeq, id: null, problem: `event #${expectedSeq} is missing (next stored event is #${seq})` };
  }
  if (e.prev_hash !== expectedPrev) {
    return { seq, id: e.id, problem: `event #${seq} does not follow event #${seq - 1} (previous hash differs: reordered or altered)` };
  }
  if (eventHash(e) !== e.hash) {
    return { seq, id: e.id, problem: `event #${seq} (${e.action}) was altered: its contents do not match its hash` };
  }
  return null;
}
