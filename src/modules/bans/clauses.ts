import { hasClause, type PolicyPack } from '../../policy/index.ts';
import { invalidInput } from '../../kernel/errors.ts';

/** The clause ids of the loaded pack this module rests on (Carson's outline). */
export const C = {
  /** V: "The City may deny access … to any individual or group who violates this policy." */
  publicUse: 'V',
  /** Removed content retained with the reason (the ban's reason and clauses are kept with it). */
  retention: 'IV.C.11',
} as const;

/**
 * The Section V clauses a ban (or a hide/remove) may cite: the children of V in the loaded pack
 * (V.1–V.15 for Carson). A reason is a clause, never an opinion.
 */
export function assertSectionVClauses(pack: PolicyPack, ids: readonly string[], path = 'clauses'): string[] {
  const unique = [...new Set(ids.map((s) => s.trim()))];
  if (unique.length === 0) throw invalidInput(path, 'cite at least one clause of Section V');
  for (const id of unique) {
    if (!id.startsWith(`${C.publicUse}.`) || !hasClause(pack, id)) throw invalidInput(path, `${id} is not a clause of Section V of the policy`);
  }
  return unique;
}

/** Handles compare case-insensitively and without a leading @ (most platforms treat them so). */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@+/, '').toLowerCase();
}
