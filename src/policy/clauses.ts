// Clause lookups. A citation must resolve: `clause()` throws on an unknown id.
import { UnknownClauseError } from './errors.ts';
import type { Clause, PolicyPack } from './types.ts';

const indexes = new WeakMap<readonly Clause[], Map<string, Clause>>();

function indexOf(pack: PolicyPack): Map<string, Clause> {
  let idx = indexes.get(pack.clauses);
  if (!idx) {
    idx = new Map(pack.clauses.map((c) => [c.id, c]));
    indexes.set(pack.clauses, idx);
  }
  return idx;
}

export function clause(pack: PolicyPack, id: string): Clause {
  const c = indexOf(pack).get(id);
  if (!c) throw new UnknownClauseError(id, pack.id);
  return c;
}

export function hasClause(pack: PolicyPack, id: string): boolean {
  return indexOf(pack).has(id);
}

export function clauseTitle(pack: PolicyPack, id: string): string {
  return clause(pack, id).title;
}

/** Direct children, in pack order. */
export function childClauses(pack: PolicyPack, id: string): Clause[] {
  clause(pack, id);
  return pack.clauses.filter((c) => c.parent === id);
}

/** The clause's ancestors, nearest first ('IV.C.15(e)(i)' → IV.C.15(e), IV.C.15, IV.C, IV). */
export function clauseAncestors(pack: PolicyPack, id: string): Clause[] {
  const out: Clause[] = [];
  for (let c = clause(pack, id); c.parent !== undefined; ) {
    c = clause(pack, c.parent);
    out.push(c);
  }
  return out;
}

/** Throws UnknownClauseError for the first id that does not resolve; returns the ids. */
export function assertClauses(pack: PolicyPack, ids: readonly string[]): string[] {
  for (const id of ids) clause(pack, id);
  return [...ids];
}
