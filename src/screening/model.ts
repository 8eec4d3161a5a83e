/**
 * The statistical classifier: one logistic model per clause over hashed n-gram features
 * (features.ts), weights quantised to int8 and shipped as base64 inside a TS module
 * (model/carson-model.ts, written by `npm run train:screening`). Pure, deterministic,
 * browser-safe.
 */
import { countFeatures, FEATURE_VERSION, tfValue } from './features.ts';

export interface ModelLabel {
  /** Clause id the label maps to, e.g. 'V.2'. */
  clause: string;
  bias: number;
  /** weight = int8 * scale */
  scale: number;
  /** Probability thresholds chosen on the validation split. */
  block: number;
  advice: number;
}

export interface ModelData {
  version: string;
  featureVersion: number;
  bits: number;
  labels: ModelLabel[];
  /**
   * Per label, base64 of its non-zero weights: repeated (varint gap to the previous non-zero
   * dimension, int8 weight). Expanded at load time to a dense [dim * labels + label] table.
   */
  weights: string[];
  /** Free-form training facts (data, split, metrics on validation). */
  meta?: Record<string, unknown>;
}

export interface Model {
  data: ModelData;
  /** Probability per clause id, from the normalised text (and the original, for cues). */
  predict(normText: string, source?: string): Record<string, number>;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Node's Buffer when present: its native base64 decoder (the model is ~0.6 MB of base64, decoded at every start). */
const NodeBuffer = (globalThis as { Buffer?: { from(s: string, enc: 'base64'): Uint8Array } }).Buffer;

export function base64ToBytes(b64: string): Uint8Array {
  if (NodeBuffer) {
    const buf = NodeBuffer.from(b64, 'base64');
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  }
  return base64ToBytesPortable(b64);
}

/** The same decoding in plain JavaScript (browsers). */
export function base64ToBytesPortable(b64: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  const clean = b64.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i + 1 < clean.length; i += 4) {
    const a = lookup[clean.charCodeAt(i)]!;
    const b = lookup[clean.charCodeAt(i + 1)]!;
    const c = i + 2 < clean.length ? lookup[clean.charCodeAt(i + 2)]! : 0;
    const d = i + 3 < clean.length ? lookup[clean.charCodeAt(i + 3)]! : 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length && i + 2 < clean.length) out[o++] = (n >> 8) & 255;
    if (o < out.length && i + 3 < clean.length) out[o++] = n & 255;
  }
  return out.subarray(0, o);
}

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

/** Sparse weights: (varint gap, int8) pairs. */
export function encodeSparse(weights: Int8Array): Uint8Array {
  const out: number[] = [];
  let prev = -1;
  for (let j = 0; j < weights.length; j++) {
    const v = weights[j]!;
    if (v === 0) continue;
    let gap = j - prev;
    prev = j;
    while (gap >= 0x80) { out.push((gap & 0x7f) | 0x80); gap >>>= 7; }
    out.push(gap);
    out.push(v & 0xff);
  }
  return Uint8Array.from(out);
}

/**
 * Decode one label's weights straight into the dense table (`w[dim * stride + offset]`), no call
 * per weight: model load is part of every `crier screen` start. `seen`, if given, marks the
 * dimensions written.
 */
export function decodeSparseInto(bytes: Uint8Array, dims: number, w: Int8Array, stride: number, offset: number, seen?: Uint8Array): void {
  let j = -1;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    let gap = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[i++]!;
      gap |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80 && i < n);
    j += gap;
    if (i >= n + 1 || j >= dims) throw new Error('model weights: corrupt sparse block');
    const v = bytes[i++]!;
    w[j * stride + offset] = v > 127 ? v - 256 : v;
    if (seen) seen[j] = 1;
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** tfValue for counts under 256, read here (the same values). */
const TF = new Float64Array(256);
for (let c = 1; c < 256; c++) TF[c] = tfValue(c);

export function loadModel(data: ModelData): Model {
  const L = data.labels.length;
  if (L > 0 && data.featureVersion !== FEATURE_VERSION) {
    throw new Error(`model ${data.version} was trained on features v${data.featureVersion}; this engine computes v${FEATURE_VERSION}: run npm run train:screening`);
  }
  if (data.weights.length !== L) throw new Error(`model: ${data.weights.length} weight blocks for ${L} labels`);
  const dims = 1 << data.bits;
  const w = new Int8Array(L > 0 ? dims * L : 0);
  data.weights.forEach((b64, l) => decodeSparseInto(base64ToBytes(b64), dims, w, L, l));
  const acc = new Float64Array(L);
  /** The 8-label table read 4 weights at a time (~15 % less time per prediction), on little-endian hosts. */
  const w32 = L === 8 && LITTLE_ENDIAN ? new Int32Array(w.buffer, w.byteOffset, w.length >> 2) : null;
  const labels = data.labels;
  return {
    data,
    predict(normText: string, source?: string): Record<string, number> {
      const out: Record<string, number> = {};
      if (L === 0) return out;
      // one pass over the touched dimensions: tf value, squared norm and the dot products
      // together (the vector is L2-normalised, so dividing the sums by the norm at the end is
      // the same model)
      const x = countFeatures(normText, data.bits, source);
      const counts = x.counts;
      const touched = x.touched;
      let norm = 0;
      if (L === 8) {
        let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        if (w32 !== null) {
          // a dimension's 8 weights as two 32-bit reads (little-endian: byte i is bits 8i..8i+7),
          // each int8 taken out by shifts: the same integers, the same sums in the same order
          for (let k = 0; k < x.n; k++) {
            const j = touched[k]!;
            const c = counts[j]!;
            const v = c < 256 ? TF[c]! : tfValue(c);
            counts[j] = 0;
            norm += v * v;
            const lo = w32[2 * j]!;
            const hi = w32[2 * j + 1]!;
            a0 += v * ((lo << 24) >> 24); a1 += v * ((lo << 16) >> 24); a2 += v * ((lo << 8) >> 24); a3 += v * (lo >> 24);
            a4 += v * ((hi << 24) >> 24); a5 += v * ((hi << 16) >> 24); a6 += v * ((hi << 8) >> 24); a7 += v * (hi >> 24);
          }
        } else {
          for (let k = 0; k < x.n; k++) {
            const j = touched[k]!;
            const v = tfValue(counts[j]!);
            counts[j] = 0;
            norm += v * v;
            const b = j * 8;
            a0 += v * w[b]!; a1 += v * w[b + 1]!; a2 += v * w[b + 2]!; a3 += v * w[b + 3]!;
            a4 += v * w[b + 4]!; a5 += v * w[b + 5]!; a6 += v * w[b + 6]!; a7 += v * w[b + 7]!;
          }
        }
        acc[0] = a0; acc[1] = a1; acc[2] = a2; acc[3] = a3; acc[4] = a4; acc[5] = a5; acc[6] = a6; acc[7] = a7;
      } else {
        acc.fill(0);
        for (let k = 0; k < x.n; k++) {
          const j = touched[k]!;
          const v = tfValue(counts[j]!);
          counts[j] = 0;
          norm += v * v;
          const base = j * L;
          for (let l = 0; l < L; l++) acc[l]! += v * w[base + l]!;
        }
      }
      const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let l = 0; l < L; l++) {
        const lab = labels[l]!;
        const z = lab.bias + acc[l]! * inv * lab.scale;
        out[lab.clause] = 1 / (1 + Math.exp(-z));
      }
      return out;
    },
  };
}
