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
import type { RuleContext } from './rule.ts';
import type { Hit } from './types.ts';
import { wordSlot } from './words.ts';

/** ids: alternatives whose needle ends here; endIds: the same for needles that must end a word. */
interface TrieNode { next: Map<number, TrieNode>; ids: number[]; endIds: number[] }
const trie: TrieNode = { next: new Map(), ids: [], endIds: [] };
let altCount = 0;
/**
 * Slot of a word's alternative mask on its record. Patterns are made when the rule modules load,
 * before any text is screened; should one be made after masks were computed, it takes a new slot
 * (the old masks lack its alternatives).
 */
let maskSlot = wordSlot();
let masksComputed = false;
const NO_IDS: Uint32Array = new Uint32Array(0);
/** First two characters of every needle: a word position that starts none is not walked in the trie. */
const STARTS = new Uint8Array(65536);

function addNeedle(needle: string, id: number, wordEnd: boolean): void {
  if (needle.length < 2) throw new Error(`needle "${needle}": two characters at least`);
  STARTS[((needle.charCodeAt(0) & 0xff) << 8) | (needle.charCodeAt(1) & 0xff)] = 1;
  let node = trie;
  for (let k = 0; k < needle.length; k++) {
    const c = needle.charCodeAt(k);
    let n = node.next.get(c);
    if (!n) { n = { next: new Map(), ids: [], endIds: [] }; node.next.set(c, n); }
    node = n;
  }
  (wordEnd ? node.endIds : node.ids).push(id);
}

/** The alternatives (as a bit set) whose needles occur in the word w. */
function wordMask(w: string): Uint32Array {
  let out: Uint32Array | null = null;
  masksComputed = true;
  for (let i = 0; i + 1 < w.length; i++) {
    if (STARTS[((w.charCodeAt(i) & 0xff) << 8) | (w.charCodeAt(i + 1) & 0xff)] === 0) continue;
    let node: TrieNode | undefined = trie;
    for (let k = i; k < w.length; k++) {
      node = node.next.get(w.charCodeAt(k));
      if (node === undefined) break;
      for (const id of node.ids) {
        out ??= new Uint32Array((altCount + 31) >>> 5);
        out[id >>> 5]! |= 1 << (id & 31);
      }
      if (k === w.length - 1) for (const id of node.endIds) {
        out ??= new Uint32Array((altCount + 31) >>> 5);
        out[id >>> 5]! |= 1 << (id & 31);
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
  for (const t of ctx.tokens) {
    const slots = t.info.slots;
    let bits = slots[maskSlot] as Uint32Array | undefined;
    if (bits === undefined) slots[maskSlot] = bits = wordMask(t.w);
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
    if (masksComputed) { maskSlot = wordSlot(); masksComputed = false; }
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
    this.each(ctx, limit, (start, end) => {
      const hit: Hit = { message, score, start, end };
      if (weak) hit.weak = true;
      out.push(hit);
    });
    return out;
  }

  /** Does the union match anywhere in the normalised text? */
  test(ctx: RuleContext): boolean {
    let found = false;
    this.each(ctx, 1, () => { found = true; });
    return found;
  }

  /** Non-empty matches of the union in order, at most `limit`. */
  private each(ctx: RuleContext, limit: number, f: (start: number, end: number) => void): void {
    const text = ctx.norm.text;
    const mask = textMask(ctx);
    const { alts, at, end, live } = this;
    let present = 0;
    for (let k = 0; k < alts.length; k++) {
      const a = alts[k]!;
      live[k] = a.always || (mask[a.id >>> 5]! & (1 << (a.id & 31))) !== 0 || (a.inText.length > 0 && a.inText.some((n) => text.includes(n))) ? 1 : 0;
      if (live[k]) { present++; at[k] = -2; } // -2: not searched yet
    }
    if (present === 0) return;
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
      if (best < 0) return;
      if (end[best] === at[best]) {
        // an empty match: the union skips one character on
        pos = at[best]! + 1;
        continue;
      }
      f(at[best]!, end[best]!);
      n++;
      pos = end[best]!;
    }
  }
}
