/**
 * Hashed word and character n-gram features of normalised text, shared by the training script
 * and the engine (so both see exactly the same features). Pure and deterministic.
 *
 * Features: word unigrams, word bigrams, character 3-, 4- and 5-grams of the words joined by
 * single spaces (with a leading and trailing space), the shape of tokens with digits ("dddd-ddd",
 * long numbers, prices), text-level cues (length bucket, share of capitals in the source is not
 * seen: the text is already normalised). Values: 1 + ln(tf), vector L2-normalised.
 */
export const FEATURE_VERSION = 3;
/** Text beyond this many normalised characters is not used by the classifier. */
export const MAX_CLASSIFIER_CHARS = 4000;

export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
  length: number;
}

const WORD_SEED = 0x811c9dc5;
const BIGRAM_SEED = 0x01000193;
const CHAR_SEED = 0x9e3779b1;
const SHAPE_SEED = 0x85ebca6b;
const LEN_SEED = 0xc2b2ae35;
const CUE_SEED = 0x27d4eb2f;

function mix(h: number, c: number): number {
  h ^= c;
  return Math.imul(h, 16777619) >>> 0;
}

/** Reusable scratch space per dimensionality (the engine is single-threaded). */
interface Scratch { counts: Float32Array; touched: Int32Array; n: number; mask: number }
const scratch = new Map<number, Scratch>();
let wordBuf = new Int32Array(1024);
let charBuf = new Int32Array(4096);

function addTo(s: Scratch, h: number): void {
  const j = h & s.mask;
  if (s.counts[j] === 0) {
    if (s.n === s.touched.length) {
      const bigger = new Int32Array(s.touched.length * 2);
      bigger.set(s.touched);
      s.touched = bigger;
    }
    s.touched[s.n++] = j;
  }
  s.counts[j]! += 1;
}

/** Coarse cues from the original text that normalisation removes (capitals, currency, links). */
function sourceCues(source: string, add: (h: number) => void): void {
  let upper = 0;
  let letters = 0;
  let digits = 0;
  let bangs = 0;
  let currency = 0;
  const n = Math.min(source.length, MAX_CLASSIFIER_CHARS);
  for (let i = 0; i < n; i++) {
    const c = source.charCodeAt(i);
    if (c >= 65 && c <= 90) { upper++; letters++; }
    else if (c >= 97 && c <= 122) letters++;
    else if (c >= 48 && c <= 57) digits++;
    else if (c === 33) bangs++;
    else if (c === 36 || c === 0xa3 || c === 0x20ac) currency++;
  }
  const ratio = letters ? upper / letters : 0;
  add(mix(CUE_SEED, 1 + (ratio === 0 ? 0 : ratio < 0.1 ? 1 : ratio < 0.3 ? 2 : ratio < 0.6 ? 3 : 4)));
  add(mix(CUE_SEED, 10 + (digits === 0 ? 0 : digits < 4 ? 1 : digits < 10 ? 2 : 3)));
  add(mix(CUE_SEED, 20 + Math.min(3, bangs)));
  if (currency) add(mix(CUE_SEED, 30));
  if (/https?:|www\.|\.com\b|\.net\b|\.co\.uk\b/i.test(source.slice(0, n))) add(mix(CUE_SEED, 31));
  if (/\d{5,}/.test(source.slice(0, n))) add(mix(CUE_SEED, 32));
  if (/[£$€]\s?\d/.test(source.slice(0, n))) add(mix(CUE_SEED, 33));
}

export function extractFeatures(normText: string, bits: number, source?: string): SparseVector {
  const dims = 1 << bits;
  let s = scratch.get(bits);
  if (!s) {
    s = { counts: new Float32Array(dims), touched: new Int32Array(4096), n: 0, mask: dims - 1 };
    scratch.set(bits, s);
  }
  const sc = s;
  sc.n = 0;
  const counts = sc.counts;
  const add = (h: number): void => addTo(sc, h);

  const text = normText.length > MAX_CLASSIFIER_CHARS ? normText.slice(0, MAX_CLASSIFIER_CHARS) : normText;
  // words: runs of [a-z0-9*] (apostrophes skipped), plus single symbols like '!' '?' '$' as words
  // word hashes and the char codes of " w1 w2 ... " (typed scratch buffers, grown as needed)
  if (wordBuf.length < text.length * 2 + 8) wordBuf = new Int32Array(text.length * 2 + 8);
  if (charBuf.length < text.length * 2 + 8) charBuf = new Int32Array(text.length * 2 + 8);
  const words = wordBuf;
  const joined = charBuf;
  let nw = 0;
  let nj = 0;
  joined[nj++] = 32;
  let h = WORD_SEED;
  let shape = SHAPE_SEED;
  let digits = 0;
  let inWord = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const wordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 42;
    if (wordChar) {
      h = mix(h, c);
      const isDigit = c >= 48 && c <= 57;
      if (isDigit) digits++;
      shape = mix(shape, isDigit ? 100 : 120);
      inWord = true;
      joined[nj++] = c;
    } else if (c === 39 || c === 0x2019) {
      continue;
    } else {
      if (inWord) {
        words[nw++] = h;
        joined[nj++] = 32;
        // digit-bearing tokens also by shape and size: phone numbers, prices, codes
        if (digits > 0) words[nw++] = mix(mix(SHAPE_SEED, digits > 6 ? 7 : digits), shape);
      }
      inWord = false;
      h = WORD_SEED;
      shape = SHAPE_SEED;
      digits = 0;
      if (c === 33 || c === 63 || c === 36 || c === 64 || c === 35) {
        // ! ? $ @ # carry signal (spam, mentions, hashtags)
        words[nw++] = mix(WORD_SEED ^ 0x5bd1e995, c);
      } else if (c > 0x2000 && c !== 0x2019) {
        // emoji and other symbols: one feature per code unit class
        words[nw++] = mix(WORD_SEED ^ 0x27d4eb2d, c);
      }
    }
  }
  if (source !== undefined) sourceCues(source, add);
  // length bucket
  add(mix(LEN_SEED, Math.min(12, Math.floor(Math.log2(1 + text.length)))));
  for (let k = 0; k < nw; k++) {
    add(words[k]!);
    if (k > 0) add(mix(mix(BIGRAM_SEED, words[k - 1]!), words[k]!));
  }
  for (let i = 0; i < nj; i++) {
    let g = CHAR_SEED;
    for (let n = 0; n < 5 && i + n < nj; n++) {
      g = mix(g, joined[i + n]!);
      if (n >= 2) add(mix(g, n));
    }
  }
  const nTouched = sc.n;
  const touched = sc.touched;

  const idx = new Int32Array(nTouched);
  const val = new Float32Array(nTouched);
  let norm = 0;
  for (let k = 0; k < nTouched; k++) {
    const j = touched[k]!;
    const v = 1 + Math.log(counts[j]!);
    counts[j] = 0;
    idx[k] = j;
    val[k] = v;
    norm += v * v;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let k = 0; k < nTouched; k++) val[k]! *= inv;
  }
  return { idx, val, length: nTouched };
}
