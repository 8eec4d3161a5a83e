import { describe, expect, it } from 'vitest';
import type { PolicyPack } from '../../policy/index.ts';
import { C, cite } from './clauses.ts';
import { pack } from './test-fixtures.ts';

describe('people clause citations', () => {
  it('every clause the module cites exists in the Carson pack', () => {
    const ids = new Set(pack.clauses.map((c) => c.id));
    for (const id of Object.values(C)) expect(ids, id).toContain(id);
    expect(cite(pack, ...Object.values(C))).toEqual([...new Set(Object.values(C))]);
  });

  it("falls back to the nearest clause another City's pack has", () => {
    const other = { clauses: [{ id: 'II' }, { id: 'IV' }, { id: 'IV.C' }, { id: 'IV.C.15' }] } as unknown as PolicyPack;
    expect(cite(other, 'II.legislative-body', 'IV.C.15(g)', 'IV.C.6', 'Att.A')).toEqual(['II', 'IV.C.15', 'IV.C', 'Att.A']);
  });
});
