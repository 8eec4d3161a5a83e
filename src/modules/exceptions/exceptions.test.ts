import { expect, it } from 'vitest';
import { describeWithContext } from '../../../test/context.ts';
import type { Actor } from '../../kernel/actor.ts';

const cityManager: Actor = { kind: 'person', personId: 'p-cm', name: 'Casey Manager', roles: [{ role: 'city_manager', departmentId: null, designeeOf: null }] };
const clerk: Actor = { kind: 'person', personId: 'p-clerk', name: 'Carla Clerk', roles: [{ role: 'city_clerk', departmentId: null, designeeOf: null }] };
const employee: Actor = { kind: 'person', personId: 'p-emp', name: 'Eli Employee', roles: [{ role: 'employee', departmentId: 'd1', designeeOf: null }] };

describeWithContext('exception register', (get) => {
  const base = {
    clauseId: 'IV.C.15(e)',
    startsOn: '2026-11-01',
    endsOn: '2026-11-30',
    councilApprovedOn: '2026-10-20',
    agendaItem: '14',
    description: 'Weekend posting during the holiday parade',
  };

  async function person(id: string) {
    const now = new Date().toISOString();
    await get().db.db.insertInto('persons').values({ id, name: id, email: `${id}@carson.ca.us`, title: null, department_id: null, status: 'active', created_at: now, updated_at: now }).execute();
    return id;
  }

  it('[VI] an exception can only be recorded with a Council approval date and agenda item', async () => {
    const who = await person('p-ex-1');
    await expect(get().exceptions.record(clerk, { ...base, personId: who, agendaItem: ' ' })).rejects.toThrow(/agenda item/);
    await expect(get().exceptions.record(clerk, { ...base, personId: who, councilApprovedOn: '2026-11-15' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(get().exceptions.record(clerk, { ...base })).rejects.toThrow(/scoped to a platform or a person/);
    await expect(get().exceptions.record(clerk, { ...base, personId: who, clauseId: 'IV.Z.99' })).rejects.toThrow(/not a clause/);
  });

  it('[VI] only the City Manager or City Clerk records exceptions', async () => {
    const who = await person('p-ex-2');
    await expect(get().exceptions.record(employee, { ...base, personId: who })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('[VI] an exception waives exactly its clause, person and dates', async () => {
    const who = await person('p-ex-3');
    const other = await person('p-ex-4');
    const ex = await get().exceptions.record(cityManager, { ...base, personId: who });
    const on = new Date('2026-11-20T18:00:00Z');
    expect(await get().exceptions.findActive({ clauseId: 'IV.C.15(e)', personId: who, on })).toMatchObject({ id: ex.id, agendaItem: '14' });
    expect(await get().exceptions.findActive({ clauseId: 'IV.C.15(e)', personId: other, on })).toBeNull();
    expect(await get().exceptions.findActive({ clauseId: 'IV.C.6', personId: who, on })).toBeNull();
    // 2026-12-01 01:00 UTC is still 30 November in Carson: covered. 08:00 UTC is 1 December: not.
    expect(await get().exceptions.findActive({ clauseId: 'IV.C.15(e)', personId: who, on: new Date('2026-12-01T01:00:00Z') })).not.toBeNull();
    expect(await get().exceptions.findActive({ clauseId: 'IV.C.15(e)', personId: who, on: new Date('2026-12-01T09:00:00Z') })).toBeNull();
  });

  it('[VI] a revoked exception no longer applies and both acts are audited', async () => {
    const who = await person('p-ex-5');
    const ex = await get().exceptions.record(cityManager, { ...base, personId: who });
    await get().exceptions.revoke(clerk, ex.id, 'Council rescinded it');
    expect(await get().exceptions.findActive({ clauseId: 'IV.C.15(e)', personId: who, on: new Date('2026-11-20T18:00:00Z') })).toBeNull();
    const trail = await get().audit.list(clerk, { targetId: ex.id });
    expect(trail.map((e) => e.action)).toEqual(['exception.revoked', 'exception.recorded']);
    expect(trail[1]!.clauses).toContain('VI');
  });
});
