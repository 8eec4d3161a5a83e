import { beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';
import { office, refusal, type Office } from './support.ts';

describeWithContext('legal holds: issued, acknowledged by the custodian, released with a reason', (get) => {
  let o: Office;
  beforeAll(async () => {
    o = await office(get());
  }, 60_000);

  const base = () => ({ matter: 'Doe v. City of Carson (LASC 26STCV01234)', custodianId: o.custodian.personId, platformIds: [o.platform], fromDate: '2024-01-01', toDate: '2024-12-31' });

  it('[IV.A.13] the City Attorney issues a hold; the custodian is told, acknowledges it, and it is released with a reason', async () => {
    const ctx = get();
    const h = await ctx.legalHolds.issue(o.attorney, { ...base(), departmentIds: [o.dept], searchTerms: ['street fair', 'Street Fair'], notes: 'Preserve everything about the fair.' });
    expect(h).toMatchObject({ status: 'issued', matter: base().matter, custodian: { id: o.custodian.personId, name: 'Sam Okafor' }, platformIds: [o.platform], departmentIds: [o.dept], searchTerms: ['street fair', 'Street Fair'], fromDate: '2024-01-01', toDate: '2024-12-31', issuedBy: o.attorney.personId });
    const note = await ctx.db.db.selectFrom('notifications').selectAll().where('related_id', '=', h.id).executeTakeFirstOrThrow();
    expect(note).toMatchObject({ person_id: o.custodian.personId, kind: 'legal_hold.issued' });
    // The custodian sees it among their holds, and only they may acknowledge.
    expect((await ctx.legalHolds.mine(o.custodian)).map((x) => x.id)).toContain(h.id);
    expect((await ctx.legalHolds.mine(o.custodian)).find((x) => x.id === h.id)!.abilities['legal_hold.acknowledge']).toBe(true);
    await refusal(ctx.legalHolds.acknowledge(o.attorney, h.id), 'forbidden');
    await refusal(ctx.legalHolds.acknowledge(o.clerk, h.id), 'forbidden');
    const ack = await ctx.legalHolds.acknowledge(o.custodian, h.id);
    expect(ack).toMatchObject({ status: 'acknowledged', acknowledgedBy: o.custodian.personId, acknowledgedAt: '2026-11-19T18:00:00.000Z' });
    await refusal(ctx.legalHolds.acknowledge(o.custodian, h.id), 'conflict');
    // Release: City Attorney only, with a reason; once.
    await refusal(ctx.legalHolds.release(o.clerk, h.id, { reason: 'Case settled.' }), 'forbidden');
    expect((await refusal(ctx.legalHolds.release(o.attorney, h.id, { reason: ' ' }), 'invalid_input')).message).toMatch(/^reason:/);
    const rel = await ctx.legalHolds.release(o.attorney, h.id, { reason: 'Case dismissed with prejudice; appeal period over.' });
    expect(rel).toMatchObject({ status: 'released', releasedBy: o.attorney.personId, releaseReason: 'Case dismissed with prejudice; appeal period over.' });
    expect((await refusal(ctx.legalHolds.release(o.attorney, h.id, { reason: 'Again.' }), 'conflict')).message).toMatch(/already released/);
    const trail = await ctx.db.db.selectFrom('audit_events').select(['action', 'reason']).where('target_id', '=', h.id).orderBy('seq').execute();
    expect(trail.map((e) => e.action)).toEqual(['legal_hold.issued', 'legal_hold.acknowledged', 'legal_hold.released']);
    expect(trail[2]!.reason).toBe('Case dismissed with prejudice; appeal period over.');
  });

  it('[IV.A.13] a hold with an inverted date range, an unknown platform or department, or no custodian is refused, naming the field', async () => {
    const ctx = get();
    const before = await ctx.db.db.selectFrom('legal_holds').select('id').execute();
    const inverted = await refusal(ctx.legalHolds.issue(o.attorney, { ...base(), fromDate: '2025-06-01', toDate: '2025-01-31' }), 'invalid_input');
    expect(inverted.message).toBe('toDate: the date range is inverted: 2025-01-31 is before fromDate 2025-06-01');
    const unknown = await refusal(ctx.legalHolds.issue(o.attorney, { ...base(), platformIds: [o.platform, 'no-such-platform'] }), 'invalid_input');
    expect(unknown.message).toBe('platformIds.1: unknown platform: no-such-platform');
    expect((await refusal(ctx.legalHolds.issue(o.attorney, { ...base(), platformIds: [] }), 'invalid_input')).message).toMatch(/^platformIds: a non-empty list/);
    expect((await refusal(ctx.legalHolds.issue(o.attorney, { ...base(), departmentIds: ['nope'] }), 'invalid_input')).message).toBe('departmentIds.0: unknown department: nope');
    expect((await refusal(ctx.legalHolds.issue(o.attorney, { ...base(), custodianId: 'nobody' }), 'invalid_input')).message).toBe('custodianId: unknown person: nobody');
    expect((await refusal(ctx.legalHolds.issue(o.attorney, { ...base(), fromDate: '2024-02-30' }), 'invalid_input')).message).toMatch(/^fromDate: expected a date/);
    expect((await refusal(ctx.legalHolds.issue(o.attorney, { ...base(), matter: '' }), 'invalid_input')).message).toMatch(/^matter:/);
    // Only the City Attorney issues holds.
    await refusal(ctx.legalHolds.issue(o.clerk, base()), 'forbidden');
    await refusal(ctx.legalHolds.issue(o.moderator, base()), 'forbidden');
    // Nothing half-written.
    expect(await ctx.db.db.selectFrom('legal_holds').select('id').execute()).toHaveLength(before.length);
  });

  it('[IV.A.13] holds are read by records staff and the custodian, not by others', async () => {
    const ctx = get();
    const h = await ctx.legalHolds.issue(o.attorney, { ...base(), toDate: null });
    expect(h.toDate).toBeNull();
    expect((await ctx.legalHolds.list(o.clerk, { status: 'issued' })).map((x) => x.id)).toContain(h.id);
    expect((await ctx.legalHolds.list(o.auditor)).map((x) => x.id)).toContain(h.id);
    expect((await ctx.legalHolds.get(o.custodian, h.id)).id).toBe(h.id);
    await refusal(ctx.legalHolds.list(o.moderator), 'forbidden');
    await refusal(ctx.legalHolds.get(o.moderator, h.id), 'forbidden');
    await refusal(ctx.legalHolds.get(o.clerk, 'no-such-hold'), 'not_found');
    expect(await ctx.legalHolds.mine(o.moderator)).toEqual([]);
  });
});
