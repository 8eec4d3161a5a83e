/**
 * IV.C.15(h) — information and communications should be organised to avoid posting duplicative
 * or conflicting information. `similarity` scores two texts (0–1, cosine of hashed word and
 * character n-grams); `findConflicts` compares a new post with recent posts (any platform or
 * department) and reports near-duplicates and posts about the same event that disagree on the
 * date, the time or the place (dates and times read with chrono-node). Pure and deterministic:
 * relative dates ("Saturday") are read against each post's own `date`, else a fixed reference.
 */
import * as chrono from 'chrono-node';
import { extractFeatures, type SparseVector } from './features.ts';
import { normalize } from './normalize.ts';
import { instantOf } from './text.ts';
import type { Finding } from './types.ts';

const BITS = 16;
/** Reference for relative dates when a post carries no date (fixed, for determinism). */
const FIXED_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

export interface PostRef {
  id?: string;
  text: string;
  /** When the post was (or will be) published: the reference for "Saturday", "tomorrow". */
  date?: string | Date;
  platform?: string;
  department?: string;
}

export interface ConflictFinding extends Finding {
  kind: 'duplicate' | 'conflict';
  /** id (or index) of the recent post it duplicates or contradicts. */
  otherId: string;
  similarity: number;
}

export interface ConflictOptions {
  /** At or above: near-duplicate (default 0.8). */
  duplicate?: number;
  /** At or above (with dates, times and places masked): same event (default 0.5). */
  sameEvent?: number;
}

function vector(text: string): SparseVector {
  const v = extractFeatures(normalize(text).text, BITS);
  return { idx: v.idx.slice(0, v.length), val: v.val.slice(0, v.length), length: v.length };
}

function cosine(a: SparseVector, b: SparseVector): number {
  const m = new Map<number, number>();
  for (let k = 0; k < a.length; k++) m.set(a.idx[k]!, a.val[k]!);
  let dot = 0;
  for (let k = 0; k < b.length; k++) {
    const v = m.get(b.idx[k]!);
    if (v !== undefined) dot += v * b.val[k]!;
  }
  return Math.max(0, Math.min(1, dot));
}

/** Similarity of two texts, 0 (unrelated) – 1 (same words). Symmetric. */
export function similarity(a: string, b: string): number {
  if (!a.trim() || !b.trim()) return 0;
  return Math.round(cosine(vector(a), vector(b)) * 1000) / 1000;
}

interface When { text: string; start: number; end: number; day?: string; time?: string }

function toDate(d: string | Date | undefined): Date {
  return instantOf(d) ?? FIXED_REFERENCE;
}

function whens(text: string, ref: Date): When[] {
  let results: chrono.ParsedResult[] = [];
  try {
    results = chrono.parse(text.length > 20_000 ? text.slice(0, 20_000) : text, ref);
  } catch {
    return [];
  }
  return results.map((r) => {
    const s = r.start;
    const w: When = { text: r.text, start: r.index, end: r.index + r.text.length };
    if (s.isCertain('day') || s.isCertain('weekday')) w.day = `${s.get('year')}-${s.get('month')}-${s.get('day')}`;
    if (s.isCertain('hour')) w.time = `${s.get('hour')}:${String(s.get('minute') ?? 0).padStart(2, '0')}`;
    return w;
  });
}

const PLACE = /\b(?:at|in|on) (?:the )?((?:[A-Z][\w'’.-]*(?: (?:of|de|la|del|the|and|&))? ?){1,5}(?:Park|Center|Centre|Hall|Library|Plaza|Field|Stadium|Gym|Room|Building|Complex|Mall|School|Church|Pool|Square|Court|Auditorium|Chambers|Station|Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Drive|Dr|Way|Lane)\b\.?)|\b(\d{1,6} (?:[NSEW]\.? )?(?:[A-Z][\w.]* ){1,3}(?:Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Drive|Dr|Way|Lane|Ln)\b\.?)/g;

function places(text: string): Array<{ name: string; start: number; end: number }> {
  const out: Array<{ name: string; start: number; end: number }> = [];
  PLACE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PLACE.exec(text)) !== null && out.length < 10) {
    const name = (m[1] ?? m[2] ?? '').trim();
    const start = m.index + m[0].indexOf(name);
    out.push({ name: name.toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' '), start, end: start + name.length });
  }
  return out;
}

/** The text with its dates, times and places blanked: what the post is about. */
function topic(text: string, w: When[], p: Array<{ start: number; end: number }>): string {
  const spans = [...w, ...p].sort((a, b) => a.start - b.start);
  let out = '';
  let last = 0;
  for (const s of spans) {
    if (s.start < last) continue;
    out += text.slice(last, s.start) + ' ';
    last = s.end;
  }
  return out + text.slice(last);
}

/** Compare a new post with recent posts: near-duplicates (advice) and same event, different facts (block). */
export function findConflicts(newPost: PostRef, recentPosts: readonly PostRef[], opts: ConflictOptions = {}): ConflictFinding[] {
  const dupAt = opts.duplicate ?? 0.8;
  const eventAt = opts.sameEvent ?? 0.5;
  const out: ConflictFinding[] = [];
  if (!newPost.text.trim()) return out;
  const nw = whens(newPost.text, toDate(newPost.date));
  const np = places(newPost.text);
  const nv = vector(newPost.text);
  const nt = vector(topic(newPost.text, nw, np));
  recentPosts.forEach((other, index) => {
    if (!other.text.trim()) return;
    const otherId = other.id ?? String(index);
    const sim = Math.round(cosine(nv, vector(other.text)) * 1000) / 1000;
    const where = other.platform || other.department ? ` (${[other.department, other.platform].filter(Boolean).join(', ')})` : '';
    const ow = whens(other.text, toDate(other.date));
    const op = places(other.text);
    const topicSim = cosine(nt, vector(topic(other.text, ow, op)));
    const duplicate = (): void => {
      if (sim >= dupAt) out.push({ ruleId: 'duplicate-conflict', clause: 'IV.C.15(h)', severity: 'advice', kind: 'duplicate', otherId, similarity: sim, score: sim, message: `near-duplicate of recent post ${otherId}${where} (similarity ${sim.toFixed(2)})` });
    };
    if (topicSim < eventAt) return duplicate();
    const diffs: string[] = [];
    let span: When | { start: number; end: number } | undefined;
    const nDays = nw.filter((x) => x.day);
    const oDays = new Set(ow.filter((x) => x.day).map((x) => x.day));
    if (nDays.length && oDays.size && !nDays.some((x) => oDays.has(x.day))) { diffs.push(`date (${nDays[0]!.text} vs ${ow.find((x) => x.day)!.text})`); span ??= nDays[0]; }
    const nTimes = nw.filter((x) => x.time);
    const oTimes = new Set(ow.filter((x) => x.time).map((x) => x.time));
    if (nTimes.length && oTimes.size && !nTimes.some((x) => oTimes.has(x.time))) { diffs.push(`time (${nTimes[0]!.text} vs ${ow.find((x) => x.time)!.text})`); span ??= nTimes[0]; }
    const oPlaces = new Set(op.map((x) => x.name));
    if (np.length && oPlaces.size && !np.some((x) => oPlaces.has(x.name))) { diffs.push(`place (${np[0]!.name} vs ${op[0]!.name})`); span ??= np[0]; }
    if (diffs.length === 0) return duplicate();
    const f: ConflictFinding = {
      ruleId: 'duplicate-conflict', clause: 'IV.C.15(h)', severity: 'block', kind: 'conflict', otherId, similarity: Math.round(topicSim * 1000) / 1000,
      score: Math.round(topicSim * 1000) / 1000, message: `same event as recent post ${otherId}${where} but a different ${diffs.join(', ')}`,
    };
    if (span) f.span = { start: span.start, end: span.end, text: newPost.text.slice(span.start, span.end) };
    out.push(f);
  });
  return out;
}
