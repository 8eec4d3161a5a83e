import { describe, expect, it } from 'vitest';
import { canonicalItem, canonicalItemSlow, itemHash } from './chain.ts';

const base = {
  id: 'a1',
  kind: 'comment',
  source_id: 's1',
  department_id: null as string | null,
  platform_id: 'p1',
  rendered_text: 'Quotes " and \\ backslashes, NUL \u0000, emoji 😀, lone \uD800, line\nbreak',
  metadata: '{"author":{"handle":"x"}}',
  content_sha256: 'c'.repeat(64),
  captured_at: '2026-11-19T18:00:00.000Z',
  retention_category: 'comments',
  retain_until: '2029-01-01',
  prev_hash: '0'.repeat(64),
};

describe('archive chain serialisation', () => {
  it('the hand-written canonical form is exactly canonicalJson of the same fields', () => {
    expect(canonicalItem(base)).toBe(canonicalItemSlow(base));
    const withDept = { ...base, department_id: 'dept-pw', platform_id: null as string | null };
    expect(canonicalItem(withDept)).toBe(canonicalItemSlow(withDept));
  });

  it('every hashed field changes the hash', () => {
    const h = itemHash(base);
    for (const k of Object.keys(base) as (keyof typeof base)[]) expect(itemHash({ ...base, [k]: `${base[k] ?? ''}x` }), k).not.toBe(h);
  });
});
