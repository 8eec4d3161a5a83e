import { extractFeatures } from '../../screening/features.ts';
import { normalize } from '../../screening/index.ts';

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

/** The bits of the hashed feature space screening's `similarity` uses (a test holds the two equal). */
const BITS = 16;

/**
 * Near-identical comments whose current decisions differ, scored as screening's `similarity` does
 * (cosine of hashed word and character n-grams). Calling `similarity` per pair would rebuild both
 * vectors every time (~50 µs a pair), so each comment's vector is built once; candidates come from
 * an inverted index of words (pairs sharing at least half the shorter comment's words) and only
 * pairs whose decisions differ are scored.
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
  const vectors = items.map((i) => extractFeatures(normalize(i.text).text, BITS));
  const dense = new Float64Array(1 << BITS);
  const out: InconsistentPair[] = [];
  for (let i = 0; i < items.length; i++) {
    const vi = vectors[i]!;
    for (let k = 0; k < vi.length; k++) dense[vi.idx[k]!] = vi.val[k]!;
    const shared = new Map<number, number>();
    for (const t of sets[i]!) for (const j of index.get(t)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, n] of shared) {
      const smaller = Math.min(sets[i]!.size, sets[j]!.size);
      if (smaller === 0 || n / smaller < 0.5) continue;
      const difference = differs(items[i]!, items[j]!);
      if (!difference) continue;
      const vj = vectors[j]!;
      let dot = 0;
      for (let k = 0; k < vj.length; k++) dot += dense[vj.idx[k]!]! * vj.val[k]!;
      const s = Math.round(Math.max(0, Math.min(1, dot)) * 1000) / 1000;
      if (s >= threshold) out.push({ similarity: s, difference, a: items[i]!, b: items[j]! });
    }
    for (let k = 0; k < vi.length; k++) dense[vi.idx[k]!] = 0;
  }
  return out.sort((x, y) => y.similarity - x.similarity || x.a.decidedAt.localeCompare(y.a.decidedAt)).slice(0, max);
}
