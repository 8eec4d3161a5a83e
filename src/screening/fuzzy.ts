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
   * The vocabulary word within one edit of `t`, or undefined. Not remembered here: the one caller
   * (V.2's nearAnchor) keeps the answer on the word's record (words.ts), so a memo of its own only
   * grew a second map of up to 100,000 words per vocabulary.
   */
  lookup(t: string): string | undefined {
    return this.exact.get(t) ?? this.search(t);
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
