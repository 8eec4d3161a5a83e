import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

/** The definition the archive and audit chains were built on: sorted keys, undefined dropped, no whitespace. */
function reference(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('non-finite');
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => reference(v)).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  }
  throw new TypeError('unsupported');
}

/** Deterministic pseudo-random values of every JSON shape, with the keys and strings that sort or escape oddly. */
function* values(seed: number, count: number): Generator<unknown> {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const strings = ['', 'a', 'B', 'é', 'Z', '\u2028', '"quoted"', 'tab\there', '😀', '\ud800', 'new\nline', '__proto__x', '10', '9'];
  const make = (depth: number): unknown => {
    const r = rand();
    if (depth > 3 || r < 0.3) return [null, undefined, true, false, 0, -0, 1.5, 1e21, -42, strings[Math.floor(rand() * strings.length)]][Math.floor(rand() * 10)];
    if (r < 0.45) return new Date(Date.UTC(2026, 10, Math.floor(rand() * 28) + 1));
    if (r < 0.7) return Array.from({ length: Math.floor(rand() * 4) }, () => make(depth + 1));
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(rand() * 6); i > 0; i--) o[strings[Math.floor(rand() * strings.length)]! + (rand() < 0.5 ? '' : String(i))] = make(depth + 1);
    return o;
  };
  for (let i = 0; i < count; i++) yield make(0);
}

describe('canonicalJson', () => {
  it('gives, for every shape of value, exactly the text the archive and audit hashes were computed over', () => {
    for (const v of values(7, 3000)) expect(canonicalJson(v)).toBe(reference(v));
  });

  it('sorts keys by UTF-16 code unit and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: undefined, B: [undefined, 2], é: 'x', Z: { y: null, x: new Date('2026-11-19T18:00:00Z') } })).toBe(
      '{"B":[null,2],"Z":{"x":"2026-11-19T18:00:00.000Z","y":null},"b":1,"é":"x"}',
    );
  });

  it('refuses what JSON cannot hold the same way twice', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, () => 1, Symbol('s'), 10n, { nested: [Number.NEGATIVE_INFINITY] }]) expect(() => canonicalJson(bad)).toThrow(TypeError);
  });
});
