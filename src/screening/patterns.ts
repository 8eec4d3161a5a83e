/**
 * A rule's regular expression written as its alternatives, each run only when the text holds one
 * of that alternative's needles. Most comments contain none of the words an alternative needs, so
 * most alternatives never scan them (one big union scanned nearly every comment, and compiling
 * the unions was most of the first second of a stream).
 *
 * Same matches as the union `alt1|alt2|…` with flag g: an alternative that cannot match anywhere
 * in the text adds nothing to the union, and when several can, the union's choice is emulated
 * (leftmost start first, then the earlier alternative; the next search starts where the match
 * ended). patterns.test.ts compares both on crafted texts.
 *
 * Every match of an alternative must contain one of its needles as a substring of the normalised
 * text (a necessary condition, never sufficient). A needle of letters and digits always lies
 * inside one token's word (tokens are runs of [a-z0-9*'], apostrophes dropped), so that check is
 * per word: each word's record (words.ts) keeps the alternatives whose needles it contains, and a
 * text's mask is the OR over its tokens. A needle written "hang$" must end the word: right for a
 * literal the alternative always follows with a space (a character no token holds), so the
 * token holding it ends there ("hang " never counts "change"). Any other needle ("&", "/") is
 * looked for in the text.
 */
import { KeyBits16 } from './key-bits.ts';
import type { RuleContext } from './rule.ts';
import type { Hit } from './types.ts';
import { F_NEEDLES, FACT_STRIDE, FACTS, holds, objectColumn } from './words.ts';

/**
 * The needles as a trie in flat arrays (a Map per node cost a lookup per character of every new
 * word): node n's child for character column c is `trieNext[n * COLUMNS + c]` (0: none; node 0 is
 * the root), the alternatives whose needle ends at n in `trieIds[n]`, and those whose needle must
 * also end the word in `trieEndIds[n]`.
 */
const COLUMNS = 36; // a-z, 0-9: the characters of a needle
let trieNext = new Int32Array(64 * COLUMNS);
const trieIds: number[][] = [[]];
const trieEndIds: number[][] = [[]];
/** The column of a character code, -1 when no needle holds it. */
function column(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 48 && c <= 57) return c - 48 + 26;
  return -1;
}
let altCount = 0;
/**
 * A word's alternative mask (words.ts), when it has any needle. Patterns are made when the rule
 * modules load, before any text is screened; should one be made after masks were computed, every
 * word's F_NEEDLES fact is reset (the old masks lack its alternatives).
 */
const maskColumn = objectColumn<Uint32Array>(false);
/** A word's F_NEEDLES fact: 0 not worked out, NO_NEEDLE (NO_IDS), or SOME_NEEDLE (the mask is in maskColumn). */
const NO_NEEDLE = 1;
const SOME_NEEDLE = 2;
let masksComputed = false;
const NO_IDS: Uint32Array = new Uint32Array(0);
/** First two characters of every needle: a word position that starts none is not walked in the trie. */
const STARTS = new KeyBits16();

function addNeedle(needle: string, id: number, wordEnd: boolean): void {
  if (needle.length < 2) throw new Error(`needle "${needle}": two characters at least`);
  STARTS.add(((needle.charCodeAt(0) & 0xff) << 8) | (needle.charCodeAt(1) & 0xff));
  let node = 0;
  for (let k = 0; k < needle.length; k++) {
    const c = column(needle.charCodeAt(k));
    if (c < 0) throw new Error(`needle "${needle}": letters and digits only`);
    let n = trieNext[node * COLUMNS + c]!;
    if (n === 0) {
      n = trieIds.length;
      trieIds.push([]);
      trieEndIds.push([]);
      if ((n + 1) * COLUMNS > trieNext.length) {
        const bigger = new Int32Array(trieNext.length * 2);
        bigger.set(trieNext);
        trieNext = bigger;
      }
      trieNext[node * COLUMNS + c] = n;
    }
    node = n;
  }
  (wordEnd ? trieEndIds[node]! : trieIds[node]!).push(id);
}

/** The alternatives (as a bit set) whose needles occur in the word w. */
function wordMask(w: string): Uint32Array {
  let out: Uint32Array | null = null;
  masksComputed = true;
  for (let i = 0; i + 1 < w.length; i++) {
    if (!STARTS.has(((w.charCodeAt(i) & 0xff) << 8) | (w.charCodeAt(i + 1) & 0xff))) continue;
    let node = 0;
    for (let k = i; k < w.length; k++) {
      const c = column(w.charCodeAt(k));
      if (c < 0) break;
      node = trieNext[node * COLUMNS + c]!;
      if (node === 0) break;
      const ids = trieIds[node]!;
      for (let x = 0; x < ids.length; x++) {
        const id = ids[x]!;
        out ??= new Uint32Array((altCount + 31) >>> 5);
        out[id >>> 5]! |= 1 << (id & 31);
      }
      if (k === w.length - 1) {
        const endIds = trieEndIds[node]!;
        for (let x = 0; x < endIds.length; x++) {
          const id = endIds[x]!;
          out ??= new Uint32Array((altCount + 31) >>> 5);
          out[id >>> 5]! |= 1 << (id & 31);
        }
      }
    }
  }
  return out ?? NO_IDS;
}

/** The mask of the tokens asked about last (the rules of one text ask in turn). */
let lastTokens: readonly unknown[] | null = null;
let lastMask = new Uint32Array(0);
function textMask(ctx: RuleContext): Uint32Array {
  if (ctx.tokens === lastTokens) return lastMask;
  const words = (altCount + 31) >>> 5;
  if (lastMask.length !== words) lastMask = new Uint32Array(words);
  else lastMask.fill(0);
  const m = lastMask;
  const tokens = ctx.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.needles === NO_NEEDLE) continue;
    const held = holds(t.k, t.w);
    const at = t.k * FACT_STRIDE + F_NEEDLES;
    let bits: Uint32Array;
    if (held && FACTS[at] === SOME_NEEDLE) bits = maskColumn[t.k]!;
    else if (held && FACTS[at] === NO_NEEDLE) { t.needles = NO_NEEDLE; continue; }
    else {
      bits = wordMask(t.w);
      if (held) {
        FACTS[at] = bits.length === 0 ? NO_NEEDLE : SOME_NEEDLE;
        if (bits.length > 0) maskColumn[t.k] = bits;
      }
      if (bits.length === 0) t.needles = NO_NEEDLE;
    }
    for (let k = 0; k < bits.length; k++) m[k]! |= bits[k]!;
  }
  lastTokens = ctx.tokens;
  return m;
}

export interface Alternative { id: number; re: RegExp; always: boolean; inText: string[] }
const WORD_NEEDLE = /^[a-z0-9]+\$?$/;

/** Every pattern made, for patterns.test.ts (needles checked against real text). */
export const PATTERNS: Pattern[] = [];

export class Pattern {
  readonly alts: Alternative[];
  /** Scratch per search: each present alternative's next match (index, end), or -1 when it has none. */
  private readonly at: Int32Array;
  private readonly end: Int32Array;
  private readonly live: Uint8Array;
  /** The alternatives' ids are consecutive: the words of a text mask that hold them, and their bits there. */
  private readonly maskWords: Int32Array;
  private readonly maskBits: Int32Array;
  /** An alternative with no needle, or with needles looked for in the text. */
  private readonly always: boolean;
  private readonly inText: boolean;
  /** The matches of the last search (start, end), valid until the next one. */
  private found = new Int32Array(20);

  /** `alternatives`: [needles separated by spaces ('' = none known: always run), source] in union order. */
  constructor(alternatives: ReadonlyArray<readonly [string, string]>) {
    this.alts = alternatives.map(([needles, source]) => {
      const id = altCount++;
      const all = needles.split(/\s+/).filter(Boolean);
      for (const n of all) if (WORD_NEEDLE.test(n)) addNeedle(n.replace('$', ''), id, n.endsWith('$'));
      return { id, re: new RegExp(source, 'g'), always: all.length === 0, inText: all.filter((n) => !WORD_NEEDLE.test(n)) };
    });
    this.at = new Int32Array(this.alts.length);
    this.end = new Int32Array(this.alts.length);
    this.live = new Uint8Array(this.alts.length);
    const words = new Map<number, number>();
    for (const a of this.alts) words.set(a.id >>> 5, (words.get(a.id >>> 5) ?? 0) | (1 << (a.id & 31)));
    this.maskWords = Int32Array.from(words.keys());
    this.maskBits = Int32Array.from(words.values());
    this.always = this.alts.some((a) => a.always);
    this.inText = this.alts.some((a) => a.inText.length > 0);
    if (masksComputed) {
      for (let k = F_NEEDLES; k < FACTS.length; k += FACT_STRIDE) FACTS[k] = 0;
      masksComputed = false;
    }
    lastTokens = null;
    PATTERNS.push(this);
  }

  /** The alternatives that may match this text (their needles are present). */
  present(ctx: RuleContext): boolean[] {
    const mask = textMask(ctx);
    const text = ctx.norm.text;
    return this.alts.map((a) => a.always || (mask[a.id >>> 5]! & (1 << (a.id & 31))) !== 0 || a.inText.some((n) => text.includes(n)));
  }

  /** Matches of the union over the normalised text, as `regexHits` would give them. */
  hits(ctx: RuleContext, message: string, score: number, weak = false, limit = 10): Hit[] {
    const out: Hit[] = [];
    const n = this.search(ctx, limit);
    const found = this.found;
    for (let k = 0; k < n; k++) {
      const hit: Hit = { message, score, start: found[2 * k]!, end: found[2 * k + 1]! };
      if (weak) hit.weak = true;
      out.push(hit);
    }
    return out;
  }

  /** Does the union match anywhere in the normalised text? */
  test(ctx: RuleContext): boolean {
    return this.search(ctx, 1) > 0;
  }

  /**
   * Non-empty matches of the union in order, at most `limit`, into `found`; returns how many.
   * A text holding no needle of any alternative is answered from its mask alone.
   */
  private search(ctx: RuleContext, limit: number): number {
    const text = ctx.norm.text;
    const mask = textMask(ctx);
    if (!this.always && !this.inText) {
      let any = 0;
      for (let k = 0; k < this.maskWords.length; k++) any |= mask[this.maskWords[k]!]! & this.maskBits[k]!;
      if (any === 0) return 0;
    }
    const { alts, at, end, live } = this;
    let present = 0;
    for (let k = 0; k < alts.length; k++) {
      const a = alts[k]!;
      live[k] = a.always || (mask[a.id >>> 5]! & (1 << (a.id & 31))) !== 0 || (a.inText.length > 0 && a.inText.some((n) => text.includes(n))) ? 1 : 0;
      if (live[k]) { present++; at[k] = -2; } // -2: not searched yet
    }
    if (present === 0) return 0;
    if (this.found.length < 2 * limit) this.found = new Int32Array(2 * limit);
    const found = this.found;
    let pos = 0;
    let n = 0;
    while (n < limit) {
      // each live alternative's leftmost match at or after pos (kept while it starts at or after pos)
      let best = -1;
      for (let k = 0; k < alts.length; k++) {
        if (!live[k]) continue;
        if (at[k] === -2 || at[k]! < pos) {
          const re = alts[k]!.re;
          re.lastIndex = pos;
          const m = re.exec(text);
          if (m === null) { live[k] = 0; continue; }
          at[k] = m.index;
          end[k] = m.index + m[0].length;
        }
        if (best < 0 || at[k]! < at[best]!) best = k;
      }
      if (best < 0) return n;
      if (end[best] === at[best]) {
        // an empty match: the union skips one character on
        pos = at[best]! + 1;
        continue;
      }
      found[2 * n] = at[best]!;
      found[2 * n + 1] = end[best]!;
      n++;
      pos = end[best]!;
    }
    return n;
  }
}
