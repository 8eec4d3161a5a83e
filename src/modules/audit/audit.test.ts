import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/dialects.ts';
import { ManualClock } from '../../kernel/clock.ts';
import { systemActor, type Actor } from '../../kernel/actor.ts';
import { createAuditService } from './service.ts';

const auditor: Actor = { kind: 'person', personId: 'p-aud', name: 'Ann Auditor', roles: [{ role: 'auditor', departmentId: null, designeeOf: null }] };
const employee: Actor = { kind: 'person', personId: 'p-emp', name: 'Eve Employee', roles: [{ role: 'employee', departmentId: 'd1', designeeOf: null }] };

describeEachDialect('audit chain', (get) => {
  const clock = new ManualClock('2026-11-26T17:00:00Z');
  const service = () => createAuditService({ db: get().db, dialect: get().dialect, clock });

  async function seedEvents(n: number) {
    const audit = service();
    for (let i = 0; i < n; i++) {
      await get().db.transaction().execute((tx) =>
        audit.record(tx, systemActor('test'), {
          action: 'test.event_written',
          targetType: 'thing',
          targetId: `t${i}`,
          targetLabel: `Thing ${i}`,
          before: { n: i },
          after: { n: i + 1 },
          clauses: ['IV.A.13'],
        }),
      );
      clock.advance(1000);
    }
  }

  it('records events in a verifiable chain', async () => {
    await seedEvents(5);
    const result = await service().verify();
    expect(result).toMatchObject({ ok: true, events: 5 });
  });

  it('a write that rolls back leaves no audit event behind', async () => {
    const audit = service();
    const before = await audit.count();
    await expect(
      get().db.transaction().execute(async (tx) => {
        await audit.record(tx, systemActor('test'), { action: 'test.event_written', targetType: 'thing', targetId: 'x' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await audit.count()).toBe(before);
    expect((await audit.verify()).ok).toBe(true);
  });

  it('only oversight roles read the log', async () => {
    await expect(service().list(employee)).rejects.toMatchObject({ code: 'forbidden' });
    const events = await service().list(auditor, { limit: 2 });
    expect(events).toHaveLength(2);
    expect(events[0]!.seq).toBeGreaterThan(events[1]!.seq);
  });

  it('names the first altered event when any field is changed', async () => {
    const { db } = get();
    for (const column of ['actor_label', 'after_json', 'clauses', 'occurred_at', 'target_label'] as const) {
      const original = await db.selectFrom('audit_events').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
      await sql`update audit_events set ${sql.ref(column)} = ${'tampered'} where seq = 3`.execute(db);
      const result = await service().verify();
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.firstBreak.seq).toBe(3);
        expect(result.firstBreak.problem).toMatch(/altered/);
      }
      await sql`update audit_events set ${sql.ref(column)} = ${original[column]} where seq = 3`.execute(db);
    }
    expect((await service().verify()).ok).toBe(true);
  });

  it('catches a deleted event and a deleted last event', async () => {
    const { db } = get();
    const row = await db.selectFrom('audit_events').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    await sql`delete from audit_events where seq = 2`.execute(db);
    let result = await service().verify();
    expect(result).toMatchObject({ ok: false, firstBreak: { seq: 2 } });
    await db.insertInto('audit_events').values(row).execute();
    expect((await service().verify()).ok).toBe(true);

    const last = await db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    await sql`delete from audit_events where seq = ${last.seq}`.execute(db);
    result = await service().verify();
    expect(result.ok).toBe(false);
    await db.insertInto('audit_events').values(last).execute();
    expect((await service().verify()).ok).toBe(true);
  });

  it('catches two events swapped', async () => {
    const { db } = get();
    const a = await db.selectFrom('audit_events').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const b = await db.selectFrom('audit_events').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
    await sql`delete from audit_events where seq in (2, 3)`.execute(db);
    await db.insertInto('audit_events').values({ ...b, seq: 2 }).execute();
    await db.insertInto('audit_events').values({ ...a, seq: 3 }).execute();
    const result = await service().verify();
    expect(result).toMatchObject({ ok: false, firstBreak: { seq: 2 } });
    await sql`delete from audit_events where seq in (2, 3)`.execute(db);
    await db.insertInto('audit_events').values([a, b]).execute();
    expect((await service().verify()).ok).toBe(true);
  });
});

describe('audit action names', () => {
  it('refuses an action name that is not module.verb', async () => {
    const { openTestDatabase } = await import('../../../test/dialects.ts');
    const h = await openTestDatabase('sqlite');
    const audit = createAuditService({ db: h.db, dialect: 'sqlite', clock: new ManualClock('2026-01-01T00:00:00Z') });
    await expect(audit.record(h.db, systemActor(), { action: 'Bad Name', targetType: 'x', targetId: null })).rejects.toThrow(/bad action/);
    await h.close();
  });
});
