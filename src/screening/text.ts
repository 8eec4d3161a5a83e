/** Text utilities shared by post rules (URLs, hashtags, graphemes, emoji, sentences). */
import twitter from 'twitter-text';

export interface Located { start: number; end: number }

export function extractUrls(text: string): Array<Located & { url: string }> {
  try {
    return twitter.extractUrlsWithIndices(text).map((u) => ({ url: u.url, start: u.indices[0], end: u.indices[1] }));
  } catch {
    return [];
  }
}

export function extractHashtags(text: string): Array<Located & { tag: string }> {
  try {
    return twitter.extractHashtagsWithIndices(text).map((h) => ({ tag: h.hashtag, start: h.indices[0], end: h.indices[1] }));
  } catch {
    return [];
  }
}

export function xWeightedLength(text: string): number {
  return twitter.parseTweet(text).weightedLength;
}

let segmenter: Intl.Segmenter | null = null;
const CHUNK = 256;
// eslint-disable-next-line no-misleading-character-class -- the class lists the joiners (ZWJ, variation selectors, low surrogates) one by one on purpose
const JOINS = /\p{M}|[\u200d\ufe0e\ufe0f\udc00-\udfff]|\p{Emoji_Modifier}/u;
/**
 * Extended grapheme clusters (what Bluesky counts). Intl.Segmenter is quadratic on long strings
 * in V8, so long text is segmented in chunks cut at a space that no mark follows (a cluster never
 * spans such a cut): linear, and exact.
 */
export function graphemeCount(text: string, stopAfter = Infinity): number {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  let n = 0;
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK);
    if (end < text.length) {
      let cut = text.lastIndexOf(' ', end);
      while (cut > start && JOINS.test(text[cut + 1] ?? '')) cut = text.lastIndexOf(' ', cut - 1);
      if (cut > start) end = cut + 1;
      else {
        // no space: step back to a point no joiner, mark or low surrogate follows (text without
        // spaces is an edge case; a cut inside a long emoji sequence may miscount it by one)
        let k = end;
        while (k > start + 1 && k > end - 32 && (JOINS.test(text[k] ?? '') || text[k - 1] === '\u200d' || /[\u{1F1E6}-\u{1F1FF}]/u.test(text.slice(k, k + 2)))) k--;
        end = k;
      }
    }
    for (const _ of segmenter.segment(text.slice(start, end))) n++;
    if (n >= stopAfter) return n;
    start = end;
  }
  return n;
}

/** Code points (what Mastodon, Instagram and most platforms count). */
export function codePointCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const EMOJI = /\p{Extended_Pictographic}/gu;
export function emojiCount(text: string): number {
  let n = 0;
  EMOJI.lastIndex = 0;
  while (EMOJI.exec(text) !== null) n++;
  return n;
}

/** Sentences of plain text (split on . ! ? and line breaks). */
export function sentences(text: string): Array<Located & { text: string }> {
  const out: Array<Located & { text: string }> = [];
  const re = /[^.!?\n]+(?:[.!?]+|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    if (m[0].trim()) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function words(text: string): string[] {
  return text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
}

/** Rough English syllable count (for reading grade). */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const groups = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '').match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}

/** A post's date (written or scheduled) as an instant, or null when it is missing or not a date. */
export function instantOf(d: string | Date | undefined): Date | null {
  if (d === undefined) return null;
  const x = d instanceof Date ? d : new Date(d);
  return Number.isNaN(x.getTime()) ? null : x;
}
