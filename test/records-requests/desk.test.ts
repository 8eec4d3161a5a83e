import { beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';
import { desk, FORM, pdt, pst, refusal, type Desk } from './support.ts';

describeWithContext('records request desk: intake, extension, determination', (get) => {
  let d: Desk;
  beforeAll(async () => {
    d = await desk(get());
  }, 60_000);

  it('[IV.A.11] a request with no way to respond is refused, naming the fields and why (anonymous is fine)', async () => {
    const ctx = get();
    const err = (await refusal(ctx.recordsRequests.submit({ description: FORM.description, name: 'Anon' }), 'invalid_input')) as unknown as { message: string; fields: { path: string }[] };
    expect(err.message).toMatch(/contact: give at least one way to respond: an email address, a phone number or a postal address/);
    expect(err.message).toMatch(/anonymous/);
    expect(err.fields.map((f) => f.path)).toEqual(['email', 'phone', 'postalAddress']);
    // Blank strings are no contact either; a malformed email names its field.
    await refusal(ctx.recordsRequests.submit({ description: FORM.description, email: '  ', phone: '' }), 'invalid_input');
    expect((await refusal(ctx.recordsRequests.submit({ description: FORM.description, email: 'not-an-address' }), 'invalid_input')).message).toMatch(/^email:/);
    expect((await refusal(ctx.recordsRequests.submit({ description: '', email: FORM.email }), 'invalid_input')).message).toMatch(/^description:/);
    // Anonymous with only a postal address is accepted.
    const ok = await ctx.recordsRequests.submit({ description: FORM.description, postalAddress: '701 E. Carson St., Carson, CA 90745' });
    expect(ok.reference).toMatch(/^PRR-\d{4}-[0-9A-Z]{8}$/);
  });

  it('[IV.A.11] the requester gets a reference; its public status shows status and dates only', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-19T10:00'));
    const s = await ctx.recordsRequests.submit({ ...FORM, phone: '310-555-0100', description: '<script>alert(1)</script> every post by Public Works' });
    expect(s).toEqual({ reference: s.reference, status: 'open', receivedOn: '2026-11-19', determinationDueOn: '2026-11-29', extended: false, extensionReason: null, determination: null, closedOn: null });
    const [row] = await ctx.recordsRequests.list(d.clerk, {}).then((l) => l.filter((r) => r.reference === s.reference));
    // Hostile text is kept as text, exactly.
    expect(row!.description).toBe('<script>alert(1)</script> every post by Public Works');
    await ctx.recordsRequests.addMessage(d.clerk, row!.id, { direction: 'note', channel: 'in_person', body: 'Internal: ask Public Works for the Bluesky export' });
    const status = await ctx.recordsRequests.status(s.reference.toLowerCase());
    const text = JSON.stringify(status);
    for (const secret of ['Jamie', 'example.org', '555', 'script', 'Public Works', 'Internal', 'Carla']) expect(text).not.toContain(secret);
    expect(Object.keys(status).sort()).toEqual(['closedOn', 'determination', 'determinationDueOn', 'extended', 'extensionReason', 'receivedOn', 'reference', 'status']);
    await refusal(ctx.recordsRequests.status('PRR-2026-NOPE0000'), 'not_found');
  });

  it('[IV.A.11] one extension of at most 14 days, only with a ground from Gov. Code 7922.535(c); a second is refused', async () => {
    const ctx = get();
    ctx.clock.set(pdt('2026-10-26T09:00'));
    const r = await ctx.recordsRequests.create(d.clerk, { ...FORM, channel: 'email' });
    expect(r.dueOn).toBe('2026-11-05');
    const notice = 'We need more time: the records are on the Bluesky and Facebook exports kept by Public Works. Expect a determination by the date below.';
    const noGround = await refusal(ctx.recordsRequests.extend(d.clerk, r.id, { days: 7, noticeText: notice }), 'policy_refusal');
    expect(noGround.clauses).toEqual(['IV.A.11']);
    expect(noGround.message).toMatch(/needs a ground from Gov\. Code 7922\.535\(c\)/);
    const tooLong = await refusal(ctx.recordsRequests.extend(d.clerk, r.id, { ground: 'voluminous', days: 15, noticeText: notice }), 'policy_refusal');
    expect(tooLong.message).toMatch(/at most 14 days/);
    expect(tooLong.clauses).toEqual(['IV.A.11']);
    expect((await refusal(ctx.recordsRequests.extend(d.clerk, r.id, { ground: 'state_of_emergency', days: 14, noticeText: notice }), 'invalid_input')).message).toMatch(/^declaration:/);
    expect((await refusal(ctx.recordsRequests.extend(d.clerk, r.id, { ground: 'cyberattack', days: 14, noticeText: notice, attackStartedAt: '2026-10-20T08:00:00Z' }), 'invalid_input')).message).toMatch(/^attackEndedAt:/);
    // Only the City Clerk's office extends; the City Attorney is told.
    await refusal(ctx.recordsRequests.extend(d.attorney, r.id, { ground: 'voluminous', days: 14, noticeText: notice }), 'forbidden');
    ctx.clock.set(pst('2026-11-05T16:00')); // the last day, after clocks went back
    const x = await ctx.recordsRequests.extend(d.clerk, r.id, { ground: 'cyberattack', days: 14, noticeText: notice, attackStartedAt: '2026-10-20T08:00:00Z', attackEndedAt: '2026-10-24T17:00:00-07:00' });
    expect(x.dueOn).toBe('2026-11-19');
    expect(x.originalDueOn).toBe('2026-11-05');
    expect(x.extension).toMatchObject({ ground: 'cyberattack', citation: 'Gov. Code 7922.535(c)(6)', days: 14, previousDueOn: '2026-11-05', newDueOn: '2026-11-19', noticeText: notice, approvedBy: { id: d.clerk.personId, name: 'Carla Nguyen', title: 'City Clerk' }, detail: { attackStartedAt: '2026-10-20T08:00:00.000Z', attackEndedAt: '2026-10-25T00:00:00.000Z' } });
    // The notice is kept in the dialogue, to the requester.
    expect(x.messages.at(-1)).toMatchObject({ direction: 'to_requester', channel: 'email', body: notice });
    const second = await refusal(ctx.recordsRequests.extend(d.clerk, r.id, { ground: 'consultation', days: 3, noticeText: notice }), 'policy_refusal');
    expect(second.message).toMatch(/extended once .*already extended to 2026-11-19/);
    expect(second.clauses).toEqual(['IV.A.11']);
    const attorneyNotices = await ctx.notifications.listFor(d.attorney, { relatedId: r.id });
    expect(attorneyNotices.map((n) => n.kind)).toContain('records_request.extended');
    const status = await ctx.recordsRequests.status(x.reference);
    expect(status).toMatchObject({ determinationDueOn: '2026-11-19', extended: true, extensionReason: 'Cyberattack (Gov. Code 7922.535(c)(6))' });
  });

  it('[IV.A.11] an extension after the determination was due is refused', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-12-01T09:00'));
    const r = await ctx.recordsRequests.create(d.clerk, { ...FORM, receivedOn: '2026-11-20' });
    expect(r.dueOn).toBe('2026-11-30');
    expect(r.overdue).toBe(true);
    const late = await refusal(ctx.recordsRequests.extend(d.clerk, r.id, { ground: 'voluminous', days: 5, noticeText: 'More time is needed for the volume of records.' }), 'policy_refusal');
    expect(late.message).toMatch(/before the determination is due \(2026-11-30\)/);
    expect((await ctx.recordsRequests.list(d.manager, { overdue: true })).map((x) => x.id)).toContain(r.id);
  });

  it('[IV.A.11] withholding needs the City Attorney\'s concurrence; the denial letter names who is responsible, their titles, and the exemption per item', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-12-02T10:00'));
    const r = await ctx.recordsRequests.create(d.clerk, { ...FORM });
    await ctx.recordsRequests.assign(d.clerk, r.id, { ownerId: d.clerk.personId, reviewerId: d.attorney.personId });
    const refusedOwner = await refusal(ctx.recordsRequests.assign(d.clerk, r.id, { ownerId: d.moderator.personId }), 'policy_refusal');
    expect(refusedOwner.message).toMatch(/City Clerk/);
    const withheld = [
      { item: 'Email from the City Attorney to the Public Works Director, 3 June 2026', exemption: 'other_law_privilege' as const, explanation: 'Attorney-client privilege (Evidence Code 954).' },
      { item: 'Draft post about the cleanup, never published', exemption: 'preliminary_drafts' as const },
    ];
    const input = { outcome: 'disclose_part' as const, reasons: 'Most records are disclosable; two are withheld as listed.', estimatedProductionOn: '2026-12-09', withheld };
    const noReview = await refusal(ctx.recordsRequests.determine(d.clerk, r.id, input), 'policy_refusal');
    expect(noReview.message).toMatch(/City Attorney's concurrence/);
    await refusal(ctx.recordsRequests.determine(d.attorney, r.id, input), 'forbidden');
    await refusal(ctx.recordsRequests.review(d.clerk, r.id, { outcome: 'concur', note: 'ok' }), 'forbidden');
    await ctx.recordsRequests.review(d.attorney, r.id, { outcome: 'changes_requested', note: 'Cite 7927.705 for the email.' });
    // A concurrence at the same instant as a request for changes does not count: ties go against withholding.
    await ctx.recordsRequests.review(d.attorney, r.id, { outcome: 'concur', note: 'Concur.' });
    await refusal(ctx.recordsRequests.determine(d.clerk, r.id, input), 'policy_refusal');
    ctx.clock.advance(60_000);
    await ctx.recordsRequests.review(d.attorney, r.id, { outcome: 'changes_requested', note: 'Describe the draft better.' });
    await refusal(ctx.recordsRequests.determine(d.clerk, r.id, input), 'policy_refusal');
    ctx.clock.advance(60_000);
    await ctx.recordsRequests.review(d.attorney, r.id, { outcome: 'concur', note: 'Concur with both withholdings.' });
    expect((await refusal(ctx.recordsRequests.determine(d.clerk, r.id, { ...input, estimatedProductionOn: null }), 'invalid_input')).message).toMatch(/^estimatedProductionOn: required/);
    expect((await refusal(ctx.recordsRequests.determine(d.clerk, r.id, { ...input, withheld: [] }), 'policy_refusal')).message).toMatch(/each record withheld/);
    const done = await ctx.recordsRequests.determine(d.clerk, r.id, input);
    expect(done.status).toBe('determined');
    expect(done.estimatedProductionOn).toBe('2026-12-09');
    const det = done.determination!;
    expect(det.responsible).toEqual([
      { personId: d.clerk.personId, name: 'Carla Nguyen', title: 'City Clerk' },
      { personId: d.attorney.personId, name: 'Adrian Brooks', title: 'City Attorney' },
    ]);
    expect(det.withheld.map((w) => w.citation)).toEqual(['Gov. Code 7927.705', 'Gov. Code 7927.500']);
    expect(det.letterText).toContain(`Public records request ${r.reference}, received 2026-12-02`);
    expect(det.letterText).toContain('Disclose in part');
    expect(det.letterText).toContain('1. Email from the City Attorney to the Public Works Director, 3 June 2026 — Gov. Code 7927.705');
    expect(det.letterText).toContain('2. Draft post about the cleanup, never published — Gov. Code 7927.500');
    expect(det.letterText).toContain('- Carla Nguyen, City Clerk');
    expect(det.letterText).toContain('- Adrian Brooks, City Attorney');
    expect(det.letterText).toContain('made available by 2026-12-09');
    expect(done.reviews.at(-1)).toMatchObject({ outcome: 'concur', reviewer: { name: 'Adrian Brooks' } });
    expect(done.reviews).toHaveLength(4);
    // The letter goes into the dialogue; the requester's status shows the outcome and the date.
    expect(done.messages.at(-1)).toMatchObject({ direction: 'to_requester', body: det.letterText });
    expect(await ctx.recordsRequests.status(r.reference)).toMatchObject({ status: 'determined', determination: { outcome: 'Disclose in part', determinedOn: '2026-12-02', estimatedProductionOn: '2026-12-09' } });
    await refusal(ctx.recordsRequests.determine(d.clerk, r.id, input), 'conflict');
    await refusal(ctx.recordsRequests.extend(d.clerk, r.id, { ground: 'voluminous', days: 3, noticeText: 'More time is needed for the volume.' }), 'conflict');
    const closed = await ctx.recordsRequests.close(d.clerk, r.id, { note: 'Produced by email on 8 December.' });
    expect(closed.status).toBe('closed');
  });

  it('[IV.A.11] a full denial lists every withheld record; "no records" withholds nothing', async () => {
    const ctx = get();
    const r = await ctx.recordsRequests.create(d.clerk, { ...FORM });
    await ctx.recordsRequests.review(d.attorney, r.id, { outcome: 'concur', note: 'Pending litigation: withhold.' });
    const denied = await ctx.recordsRequests.determine(d.clerk, r.id, { outcome: 'deny', reasons: 'The records concern a pending claim against the City.', withheld: [{ item: 'Claim file 2026-114', exemption: 'pending_litigation' }] });
    expect(denied.determination!.letterText).toMatch(/Claim file 2026-114 — Gov\. Code 7927\.200/);
    expect(denied.determination!.letterText).toMatch(/No records will be produced/);
    const r2 = await ctx.recordsRequests.create(d.clerk, { ...FORM });
    await refusal(ctx.recordsRequests.determine(d.clerk, r2.id, { outcome: 'no_records', reasons: 'The City holds none.', withheld: [{ item: 'x', exemption: 'public_interest' }] }), 'invalid_input');
    const none = await ctx.recordsRequests.determine(d.clerk, r2.id, { outcome: 'no_records', reasons: 'The City holds no records responsive to this request.' });
    expect(none.determination!.responsible).toEqual([{ personId: d.clerk.personId, name: 'Carla Nguyen', title: 'City Clerk' }]);
  });

  it('[IV.A.11] the dialogue is append-only: each message is added after the others, earlier ones unchanged', async () => {
    const ctx = get();
    const r = await ctx.recordsRequests.create(d.clerk, { ...FORM, channel: 'mail' });
    const first = r.messages;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ direction: 'from_requester', channel: 'mail', body: FORM.description });
    const a = await ctx.recordsRequests.addMessage(d.clerk, r.id, { direction: 'to_requester', channel: 'email', body: 'Could you narrow the dates?' });
    const b = await ctx.recordsRequests.addMessage(d.clerk, r.id, { direction: 'from_requester', channel: 'email', body: 'June 1 to June 30, 2026.' });
    expect(b.messages.map((m) => m.body)).toEqual([FORM.description, 'Could you narrow the dates?', 'June 1 to June 30, 2026.']);
    expect(b.messages.slice(0, 2)).toEqual(a.messages);
    // The service offers no way to edit or delete a message.
    expect(Object.keys(ctx.recordsRequests).filter((k) => /edit|update|delete|remove/i.test(k))).toEqual([]);
    await refusal(ctx.recordsRequests.addMessage(d.attorney, r.id, { direction: 'note', channel: 'in_person', body: 'x' }), 'forbidden');
  });

  it('[IV.A.11] two extensions at once: one is recorded, the other refused (never a server error); concurrent messages all kept in order', async () => {
    const ctx = get();
    const r = await ctx.recordsRequests.create(d.clerk, { ...FORM });
    const notice = 'We need more time to collect the records from the field offices.';
    const results = await Promise.allSettled([1, 2, 3].map((i) => ctx.recordsRequests.extend(d.clerk, r.id, { ground: 'field_facilities', days: i, noticeText: notice })));
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    for (const x of results) if (x.status === 'rejected') expect(['policy_refusal', 'conflict']).toContain((x.reason as { code: string }).code);
    await Promise.all([1, 2, 3, 4, 5].map((i) => ctx.recordsRequests.addMessage(d.clerk, r.id, { direction: 'note', channel: 'in_person', body: `note ${i}` })));
    const after = await ctx.recordsRequests.get(d.clerk, r.id);
    expect(after.messages).toHaveLength(7);
    expect(after.messages.map((m) => m.body).filter((b) => b.startsWith('note ')).sort()).toEqual(['note 1', 'note 2', 'note 3', 'note 4', 'note 5']);
  });

  it('[IV.A.11] the City Manager and the auditor read; Council members and others see nothing', async () => {
    const ctx = get();
    const r = await ctx.recordsRequests.create(d.clerk, { ...FORM });
    expect((await ctx.recordsRequests.get(d.manager, r.id)).abilities['records.determine']).toBe(false);
    expect((await ctx.recordsRequests.get(d.auditor, r.id)).email).toBe(FORM.email);
    for (const who of [d.council, d.moderator]) {
      const e = await refusal(ctx.recordsRequests.list(who), 'forbidden');
      expect(e.clauses).toEqual(['IV.A.11']);
      await refusal(ctx.recordsRequests.get(who, r.id), 'forbidden');
    }
    await refusal(ctx.recordsRequests.create(d.manager, { ...FORM }), 'forbidden');
  });
});
