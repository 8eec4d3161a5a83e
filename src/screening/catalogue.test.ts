import { describe, expect, it } from 'vitest';
import { catalogue } from './catalogue.ts';

describe('clause catalogue', () => {
  const entries = catalogue();
  it('[V.1–V.15] every public-comment clause is present; V.4 is moderator-only', () => {
    for (let i = 1; i <= 15; i++) expect(entries.some((e) => e.kind === 'comment' && e.clause === `V.${i}`)).toBe(true);
    expect(entries.find((e) => e.clause === 'V.4')?.automatic).toBe(false);
  });
  it('[IV.D.7(a)–(k)] every post removal ground is present; (k) is reviewer-only', () => {
    for (const l of 'abcdefghijk') expect(entries.some((e) => e.kind === 'post' && e.clause === `IV.D.7(${l})`)).toBe(true);
    expect(entries.find((e) => e.clause === 'IV.D.7(k)')?.automatic).toBe(false);
  });
  it('[IV.D.6(c)] [IV.D.6(e)] [IV.C.15(f)(i)] [IV.C.15(h)] [IV.D.4] [III.H] [IV.A.4] are present', () => {
    for (const c of ['IV.D.6(c)', 'IV.D.6(e)', 'IV.C.15(f)(i)', 'IV.C.15(h)', 'IV.D.4', 'III.H', 'IV.A.4']) expect(entries.map((e) => e.clause)).toContain(c);
  });
  it('clause ids follow the policy outline', () => {
    for (const e of entries) expect(e.clause).toMatch(/^(?:V\.\d{1,2}|I{1,3}V?\.[A-H](?:\.\d{1,2}(?:\([a-z]\)(?:\([ivx]+\))?)?)?|IV\.[A-E]\.\d{1,2}(?:\([a-z]\)(?:\([ivx]+\))?)?)$/);
  });
});
