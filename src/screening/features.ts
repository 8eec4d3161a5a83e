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

const FNV_PRIME = 16777619;
/**
 * One FNV-1a step. A signed 32-bit result: every use takes the low bits (`& mask`, Int32Array,
 * `^`, Math.imul), which are the same as the unsigned value's (`>>> 0` made numbers beyond the
 * small-integer range).
 */
function mix(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

/**
 * Reusable scratch space per dimensionality (the engine is single-threaded): integer counts per
 * hashed dimension and the list of dimensions touched, so clearing costs only what was used.
 */
export interface FeatureCounts { counts: Uint16Array; touched: Int32Array; n: number; mask: number }
const scratch = new Map<number, FeatureCounts>();
/**
 * Word hashes and the char codes of " w1 w2 ... " of one text: at most two entries per character
 * of the (capped) text, plus the spaces around it, so they never grow (a growth branch first
 * taken by a long comment threw the optimised code away).
 */
const SCRATCH_LENGTH = MAX_CLASSIFIER_CHARS * 2 + 8;
const wordBuf = new Int32Array(SCRATCH_LENGTH);
const charBuf = new Int32Array(SCRATCH_LENGTH);

/** 1 + ln(tf) for small term counts (a table: Math.log per feature was a tenth of the cost). */
const TF = new Float64Array(256);
for (let c = 1; c < 256; c++) TF[c] = 1 + Math.log(c);
/** The feature value of a dimension counted `c` times. */
export function tfValue(c: number): number {
  return c < 256 ? TF[c]! : 1 + Math.log(c);
}

function addTo(s: FeatureCounts, h: number): void {
  const j = h & s.mask;
  const c = s.counts[j]!;
  if (c === 0) {
    if (s.n === s.touched.length) {
      const bigger = new Int32Array(s.touched.length * 2);
      bigger.set(s.touched);
      s.touched = bigger;
    }
    s.touched[s.n++] = j;
  }
  // saturate: a dimension hit 65,535 times in 4,000 characters cannot happen, but stay safe
  if (c < 0xffff) s.counts[j] = c + 1;
}

/** Coarse cues from the original text that normalisation removes (capitals, currency, links). */
function sourceCues(source: string, s: FeatureCounts): void {
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
  addTo(s, mix(CUE_SEED, 1 + (ratio === 0 ? 0 : ratio < 0.1 ? 1 : ratio < 0.3 ? 2 : ratio < 0.6 ? 3 : 4)));
  addTo(s, mix(CUE_SEED, 10 + (digits === 0 ? 0 : digits < 4 ? 1 : digits < 10 ? 2 : 3)));
  addTo(s, mix(CUE_SEED, 20 + Math.min(3, bangs)));
  if (currency) addTo(s, mix(CUE_SEED, 30));
  const head = source.length > n ? source.slice(0, n) : source;
  if (/https?:|www\.|\.com\b|\.net\b|\.co\.uk\b/i.test(head)) addTo(s, mix(CUE_SEED, 31));
  if (digits >= 5 && /\d{5,}/.test(head)) addTo(s, mix(CUE_SEED, 32));
  if (currency && /[£$€]\s?\d/.test(head)) addTo(s, mix(CUE_SEED, 33));
}

/**
 * Count the hashed features of a text into the shared scratch (valid until the next call). The
 * caller reads `touched[0..n)` and `counts`, and must zero `counts` at those dimensions after use
 * (`extractFeatures` and the model do).
 */
export function countFeatures(normText: string, bits: number, source?: string): FeatureCounts {
  const dims = 1 << bits;
  let sc = scratch.get(bits);
  if (!sc) {
    sc = { counts: new Uint16Array(dims), touched: new Int32Array(4096), n: 0, mask: dims - 1 };
    scratch.set(bits, sc);
  }
  sc.n = 0;

  const text = normText.length > MAX_CLASSIFIER_CHARS ? normText.slice(0, MAX_CLASSIFIER_CHARS) : normText;
  // words: runs of [a-z0-9*] (apostrophes skipped), plus single symbols like '!' '?' '$' as words
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
  if (source !== undefined) sourceCues(source, sc);
  // length bucket
  addTo(sc, mix(LEN_SEED, Math.min(12, Math.floor(Math.log2(1 + text.length)))));
  // words, bigrams and character 3-, 4- and 5-grams: addTo inlined with the scratch in locals and
  // the hash kept as a signed 32-bit integer (mix's `>>> 0` made numbers beyond the small-integer
  // range); the same dimensions are counted in the same order
  const counts = sc.counts;
  const mask = sc.mask;
  let n = sc.n;
  let touched = sc.touched;
  if (touched.length < n + 2 * nw + 3 * nj) {
    const bigger = new Int32Array(Math.max(touched.length * 2, n + 2 * nw + 3 * nj));
    bigger.set(touched.subarray(0, n));
    sc.touched = touched = bigger;
  }
  let j = 0;
  let c = 0;
  for (let k = 0; k < nw; k++) {
    j = words[k]! & mask;
    c = counts[j]!;
    if (c === 0) touched[n++] = j;
    if (c < 0xffff) counts[j] = c + 1;
    if (k > 0) {
      j = Math.imul(Math.imul(BIGRAM_SEED ^ words[k - 1]!, FNV_PRIME) ^ words[k]!, FNV_PRIME) & mask;
      c = counts[j]!;
      if (c === 0) touched[n++] = j;
      if (c < 0xffff) counts[j] = c + 1;
    }
  }
  // character 3-, 4- and 5-grams, unrolled (the hottest loop of the classifier)
  for (let i = 0; i < nj; i++) {
    let g = Math.imul(CHAR_SEED ^ joined[i]!, FNV_PRIME);
    if (i + 1 >= nj) break;
    g = Math.imul(g ^ joined[i + 1]!, FNV_PRIME);
    if (i + 2 >= nj) break;
    g = Math.imul(g ^ joined[i + 2]!, FNV_PRIME);
    j = Math.imul(g ^ 2, FNV_PRIME) & mask;
    c = counts[j]!;
    if (c === 0) touched[n++] = j;
    if (c < 0xffff) counts[j] = c + 1;
    if (i + 3 >= nj) continue;
    g = Math.imul(g ^ joined[i + 3]!, FNV_PRIME);
    j = Math.imul(g ^ 3, FNV_PRIME) & mask;
    c = counts[j]!;
    if (c === 0) touched[n++] = j;
    if (c < 0xffff) counts[j] = c + 1;
    if (i + 4 >= nj) continue;
    g = Math.imul(g ^ joined[i + 4]!, FNV_PRIME);
    j = Math.imul(g ^ 4, FNV_PRIME) & mask;
    c = counts[j]!;
    if (c === 0) touched[n++] = j;
    if (c < 0xffff) counts[j] = c + 1;
  }
  sc.n = n;
  return sc;
}
export function extractFeatures(normText: string, bits: number, source?: string): SparseVector {
  const sc = countFeatures(normText, bits, source);
  const nTouched = sc.n;
  const touched = sc.touched;
  const counts = sc.counts;
  const idx = new Int32Array(nTouched);
  const val = new Float32Array(nTouched);
  let norm = 0;
  for (let k = 0; k < nTouched; k++) {
    const j = touched[k]!;
    const v = tfValue(counts[j]!);
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
