/**
 * One-edit fuzzy lookup (deletion, insertion, substitution, adjacent transposition) against a
 * small vocabulary, for evasions like "wmoen", "womn", "disgustnig". Bounded work per token.
 */
export class FuzzyVocab {
  private exact = new Map<string, string>();
  private deletions = new Map<string, string>();

  constructor(words: Iterable<string>, private minLength = 5) {
    for (const w of words) {
      this.exact.set(w, w);
      if (w.length < minLength) continue;
      for (let i = 0; i < w.length; i++) {
        const d = w.slice(0, i) + w.slice(i + 1);
        if (!this.deletions.has(d)) this.deletions.set(d, w);
      }
    }
  }

  /**
   * Answers per word, remembered: words repeat across comments (Zipf), and the one-edit search
   * allocates ~2 strings per letter. Bounded: cleared when full, so memory stays flat on a stream.
   */
  private memo = new Map<string, string | null>();
  private static readonly MEMO_MAX = 100_000;

  /** The vocabulary word within one edit of `t`, or undefined. */
  lookup(t: string): string | undefined {
    const hit = this.exact.get(t);
    if (hit !== undefined) return hit;
    const known = this.memo.get(t);
    if (known !== undefined) return known ?? undefined;
    const found = this.search(t);
    if (this.memo.size >= FuzzyVocab.MEMO_MAX) this.memo.clear();
    this.memo.set(t, found ?? null);
    return found;
  }

  private search(t: string): string | undefined {
    if (t.length < this.minLength - 1 || t.length > 16) return undefined;
    const del = this.deletions.get(t); // a letter missing
    if (del !== undefined) return del;
    for (let i = 0; i < t.length; i++) {
      const d = t.slice(0, i) + t.slice(i + 1);
      const a = this.exact.get(d); // a letter added
      if (a !== undefined && d.length >= this.minLength) return a;
      const s = this.deletions.get(d); // a letter substituted
      if (s !== undefined && s.length === t.length) return s;
    }
    for (let i = 0; i + 1 < t.length; i++) {
      const sw = t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2); // two letters swapped
      const x = this.exact.get(sw);
      if (x !== undefined) return x;
    }
    return undefined;
  }
}
