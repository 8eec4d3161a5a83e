// Content hash of a parsed pack: sha256 over its canonical JSON (keys sorted, arrays in order).
import { createHash } from 'node:crypto';
import { canonicalJson } from '../kernel/canonical-json.ts';

/** sha256 (hex) of the pack's canonical JSON, ignoring any `contentHash` already on it. */
export function computeContentHash(pack: object): string {
  const { contentHash: _ignored, ...data } = pack as { contentHash?: unknown };
  return createHash('sha256').update(canonicalJson(data), 'utf8').digest('hex');
}
