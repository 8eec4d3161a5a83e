import { normalize } from '../../screening/index.ts';
import { similarity } from '../../screening/similarity.ts';

export interface Decided {
  commentId: string;
  platformName: string;
  text: string;
  decision: string;
  clauses: string[];
  moderatorName: string | null;
  automatic: boolean;
  decidedAt: string;
}

export interface InconsistentPair {
  similarity: number;
  /** 'decision': one kept, the other hidden or removed (or hidden vs removed); 'clauses': both hidden or removed under different clauses. */
  difference: 'decision' | 'clauses';
  a: Decided;
  b: Decided;
}

const tokens = (text: string) => new Set(normalize(text).text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 1));

function differs(a: Decided, b: Decided): InconsistentPair['difference'] | null {
  if (a.decision !== b.decision) return 'decision';
  if (a.decision === 'hide' || a.decision === 'remove') {
    const shared = a.clauses.some((c) => b.clauses.includes(c));
    if (!shared) return 'clauses';
  }
  return null;
}

/**
 * Near-identical comments whose current decisions differ. Scoring every pair with `similarity`
 * is quadratic and costly, so candidates come from an inverted index of words first (pairs sharing
 * at least half the shorter comment's words); only those are scored.
 */
export function inconsistentPairs(items: Decided[], threshold: number, max = 200): InconsistentPair[] {
  const sets = items.map((i) => tokens(i.text));
  const index = new Map<string, number[]>();
  sets.forEach((s, i) => {
    for (const t of s) {
      const list = index.get(t);
      if (list) list.push(i);
      else index.set(t, [i]);
    }
  });
  const out: InconsistentPair[] = [];
  for (let i = 0; i < items.length; i++) {
    const shared = new Map<number, number>();
    for (const t of sets[i]!) for (const j of index.get(t)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, n] of shared) {
      const smaller = Math.min(sets[i]!.size, sets[j]!.size);
      if (smaller === 0 || n / smaller < 0.5) continue;
      const difference = differs(items[i]!, items[j]!);
      if (!difference) continue;
      const s = similarity(items[i]!.text, items[j]!.text);
      if (s >= threshold) out.push({ similarity: s, difference, a: items[i]!, b: items[j]! });
    }
  }
  return out.sort((x, y) => y.similarity - x.similarity || x.a.decidedAt.localeCompare(y.a.decidedAt)).slice(0, max);
}
