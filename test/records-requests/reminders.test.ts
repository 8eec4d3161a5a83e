import { beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';
import { desk, FORM, pst, type Desk } from './support.ts';

describeWithContext('records request reminders', (get) => {
  let d: Desk;
  beforeAll(async () => {
    d = await desk(get());
  }, 60_000);

  const kinds = async (personId: string, id: string) => {
    const ctx = get();
    const actor = await ctx.people.actorFor(personId);
    return (await ctx.notifications.listFor(actor!, { relatedId: id })).filter((n) => n.kind.startsWith('records_request.due') || n.kind === 'records_request.overdue').map((n) => n.subject).reverse();
  };

  /** The job runs at a City wall-clock time (the clock moves there, as it would in production). */
  const at = (local: string) => {
    get().clock.set(pst(local));
    return get().recordsRequests.tick();
  };

  it('[IV.A.11] the owner is reminded 3 days and 1 day before the determination is due, and once when overdue — each once', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-30T09:00'));
    const r = await ctx.recordsRequests.create(d.clerk, { ...FORM });
    expect(r.dueOn).toBe('2026-12-10');
    await ctx.recordsRequests.assign(d.clerk, r.id, { ownerId: d.clerk.personId });
    await at('2026-12-06T23:59');
    expect(await kinds(d.clerk.personId, r.id)).toEqual([]);
    await at('2026-12-07T00:05');
    await at('2026-12-07T12:00');
    await at('2026-12-08T08:00');
    expect(await kinds(d.clerk.personId, r.id)).toEqual([`Records request ${r.reference}: determination due in 3 days (2026-12-10)`]);
    await at('2026-12-09T07:00');
    await at('2026-12-10T16:00');
    await at('2026-12-11T00:30');
    await at('2026-12-11T09:00');
    await at('2026-12-14T09:00');
    expect(await kinds(d.clerk.personId, r.id)).toEqual([
      `Records request ${r.reference}: determination due in 3 days (2026-12-10)`,
      `Records request ${r.reference}: determination due in 1 day (2026-12-10)`,
      `OVERDUE: the determination for records request ${r.reference} was due 2026-12-10`,
    ]);
  });

  it('[IV.A.11] an extension brings reminders for the new date; a determination, reminders for the production date; a closed request, none', async () => {
    const ctx = get();
    ctx.clock.set(pst('2027-01-04T09:00'));
    const r = await ctx.recordsRequests.create(d.clerk, { ...FORM });
    await ctx.recordsRequests.assign(d.clerk, r.id, { ownerId: d.clerk.personId });
    expect(r.dueOn).toBe('2027-01-14');
    await at('2027-01-11T08:00');
    ctx.clock.set(pst('2027-01-12T09:00'));
    await ctx.recordsRequests.extend(d.clerk, r.id, { ground: 'field_facilities', days: 10, noticeText: 'The records are kept at the Corporation Yard; we need ten more days.' });
    await at('2027-01-13T08:00');
    expect(await kinds(d.clerk.personId, r.id)).toHaveLength(1);
    await at('2027-01-21T08:00');
    ctx.clock.set(pst('2027-01-22T09:00'));
    await ctx.recordsRequests.determine(d.clerk, r.id, { outcome: 'disclose_full', reasons: 'All records are disclosable.', estimatedProductionOn: '2027-01-29' });
    await at('2027-01-28T08:00');
    await at('2027-01-28T09:00');
    expect(await kinds(d.clerk.personId, r.id)).toEqual([
      `Records request ${r.reference}: determination due in 3 days (2027-01-14)`,
      `Records request ${r.reference}: determination due in 3 days (2027-01-24)`,
      `Records request ${r.reference}: production of records due in 1 day (2027-01-29)`,
    ]);
    await ctx.recordsRequests.close(d.clerk, r.id, { note: 'Produced.' });
    expect(await at('2027-02-05T08:00')).toBe(0);
  });

  it('[IV.A.11] while nobody owns a request, the City Clerk\'s office is reminded', async () => {
    const ctx = get();
    ctx.clock.set(pst('2027-03-01T09:00'));
    const r = await ctx.recordsRequests.submit({ ...FORM });
    const row = (await ctx.recordsRequests.list(d.clerk)).find((x) => x.reference === r.reference)!;
    await at('2027-03-12T09:00');
    await at('2027-03-12T10:00');
    const subjects = await kinds(d.clerk.personId, row.id);
    // Run late: only the latest stage is sent.
    expect(subjects).toEqual([`OVERDUE: the determination for records request ${r.reference} was due 2027-03-11`]);
  });
});
