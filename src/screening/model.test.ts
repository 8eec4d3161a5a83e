import { describe, expect, it } from 'vitest';
import { base64ToBytes, base64ToBytesPortable, bytesToBase64, decodeSparseInto, encodeSparse, loadModel } from './model.ts';
import { modelData } from './model/carson-model.ts';

describe('model weights encoding', () => {
  it('Node\'s native base64 decoding gives the same bytes as the portable decoder for every label of the shipped model', () => {
    for (const b64 of modelData.weights) expect(base64ToBytes(b64)).toEqual(base64ToBytesPortable(b64));
  });

  it('sparse weights round-trip through encodeSparse, base64 and decodeSparseInto into a strided table', () => {
    const dims = 1 << 12;
    const L = 3;
    const labels = [0, 1, 2].map((l) => Int8Array.from({ length: dims }, (_, j) => ((j * 7919 + l * 31) % 23 === 0 ? ((j + l) % 255) - 127 : 0)));
    const w = new Int8Array(dims * L);
    labels.forEach((q, l) => decodeSparseInto(base64ToBytes(bytesToBase64(encodeSparse(q))), dims, w, L, l));
    for (let l = 0; l < L; l++) for (let j = 0; j < dims; j++) expect(w[j * L + l]).toBe(labels[l]![j]);
  });

  it('refuses a sparse block that points past the table', () => {
    const q = new Int8Array(64);
    q[63] = 5;
    expect(() => decodeSparseInto(encodeSparse(q), 32, new Int8Array(32), 1, 0)).toThrow(/corrupt/);
  });

  it('the loaded model gives the same probabilities whichever decoder read its weights', () => {
    const portable = { ...modelData, weights: modelData.weights.map((b) => bytesToBase64(base64ToBytesPortable(b))) };
    const a = loadModel(modelData);
    const b = loadModel(portable);
    for (const t of ['you are an idiot', 'free iphone click here', 'the park looks great', 'vote yes on measure k']) expect(a.predict(t, t)).toEqual(b.predict(t, t));
  });
});
