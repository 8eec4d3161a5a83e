import { beforeAll, expect, it } from 'vitest';
import { retentionEligibleFrom } from '../../src/policy/index.ts';
import { describeWithContext } from '../context.ts';
import { archived, CONSENT, office, refusal, type Office } from './support.ts';

const AUTHORITY = { resolutionNumber: 'Resolution No. 26-118', formNumber: 'RDA-2026-014' };

describeWithContext('disposition: proposed by the City Clerk, consented to by the City Attorney, destroyed with a certificate', (get) => {
  let o: Office;
  beforeAll(async () => {
    o = await office(get());
  }, 60_000);

  /** A batch taken through consent and the recorded numbers. */
  async function authorized(itemIds: string[]) {
    const ctx = get();
    const b = await ctx.retention.propose(o.clerk, { itemIds, note: 'Comments from 2023, retention ended 2026-01-01.' });
    await ctx.retention.consent(o.attorney, b.id, { text: CONSENT });
    return ctx.retention.recordAuthority(o.clerk, b.id, AUTHORITY);
  }

  it('[IV.A.13] retention categories come from the record and the pack: current year + 2, never under 2 years (Gov. Code 34090)', async () => {
    const ctx = get();
    const s = ctx.retention.schedules(o.clerk);
    expect(s).toMatchObject({ statutoryMinimumYears: 2, authority: 'Cal. Gov. Code § 34090' });
    expect(s.categories.find((c) => c.id === 'removedComments')).toMatchObject({ years: 2, rule: 'current-year-plus', minimumYears: 2 });
    const removal = await archived(ctx, '2023-05-01T17:00:00Z', { kind: 'removal' });
    expect(removal).toMatchObject({ retentionCategory: 'removedComments', retainUntil: '2026-01-01' });
    // A comment from today (19 November 2026) is kept through 2028: never less than two full years.
    const today = await archived(ctx, '2026-11-19T17:00:00Z');
    expect(today.retainUntil).toBe('2029-01-01');
    expect(retentionEligibleFrom(ctx.pack, 'comments', new Date('2026-11-19T17:00:00Z'))).toBe('2029-01-01');
    await refusal(Promise.resolve().then(() => ctx.retention.schedules(o.moderator)), 'forbidden');
  });

  it('[IV.A.9] the City Clerk cannot propose a record whose retention has not ended; nothing is proposed', async () => {
    const ctx = get();
    const old = await archived(ctx, '2023-05-01T17:00:00Z');
    const young = await archived(ctx, '2025-03-01T17:00:00Z');
    expect(young.retainUntil).toBe('2028-01-01');
    const err = await refusal(ctx.retention.propose(o.clerk, { itemIds: [old.id, young.id], note: 'Old comments' }), 'policy_refusal');
    expect(err.message).toMatch(new RegExp(`1 of 2 item\\(s\\) may not be proposed for destruction: item #${young.seq} \\(${young.id}\\): its retention has not ended: kept until 2028-01-01 \\(comments\\)`));
    expect(err.clauses).toEqual(['IV.A.9', 'IV.A.13']);
    await refusal(ctx.retention.propose(o.clerk, { itemIds: [old.id, 'no-such-item'], note: 'Old comments' }), 'invalid_input');
    await refusal(ctx.retention.propose(o.clerk, { itemIds: [], note: 'Old comments' }), 'invalid_input');
    // Only the City Clerk proposes.
    await refusal(ctx.retention.propose(o.attorney, { itemIds: [old.id], note: 'Old comments' }), 'forbidden');
    expect(await ctx.db.db.selectFrom('disposition_batch_items').select('item_id').where('item_id', 'in', [old.id, young.id]).execute()).toEqual([]);
    // The eligible list shows the old one and not the young one.
    const e = await ctx.retention.eligible(o.clerk, { limit: 1000 });
    expect(e.items.map((i) => i.id)).toContain(old.id);
    expect(e.items.map((i) => i.id)).not.toContain(young.id);
  });

  it('[IV.A.9] consent is the City Attorney\'s, in writing, never the proposer\'s own; nothing is destroyed before consent and numbers', async () => {
    const ctx = get();
    const item = await archived(ctx, '2023-05-01T17:00:00Z');
    const b = await ctx.retention.propose(o.clerk, { itemIds: [item.id], note: 'Old comment' });
    expect(b).toMatchObject({ status: 'proposed', itemCount: 1, proposedBy: { id: o.clerk.personId, name: 'Carla Nguyen' } });
    expect(b.abilities['disposition.destroy']).toBe(false);
    // Destruction before consent is refused.
    expect((await refusal(ctx.retention.destroy(o.clerk, b.id), 'policy_refusal')).message).toMatch(/before the City Attorney consents in writing/);
    // Consent by the wrong role; by the proposer holding both roles; without text.
    await refusal(ctx.retention.consent(o.clerk, b.id, { text: CONSENT }), 'forbidden');
    await refusal(ctx.retention.consent(o.auditor, b.id, { text: CONSENT }), 'forbidden');
    expect((await refusal(ctx.retention.consent(o.attorney, b.id, { text: 'ok' }), 'invalid_input')).message).toMatch(/^text: at least 20 characters/);
    const own = await ctx.retention.propose(o.clerkAttorney, { itemIds: [(await archived(ctx, '2023-05-01T17:00:00Z')).id], note: 'Self-proposed batch' });
    expect((await refusal(ctx.retention.consent(o.clerkAttorney, own.id, { text: CONSENT }), 'policy_refusal')).message).toMatch(/cannot also consent/);
    // The numbers come after consent.
    expect((await refusal(ctx.retention.recordAuthority(o.clerk, b.id, AUTHORITY), 'policy_refusal')).message).toMatch(/has not consented/);
    const c = await ctx.retention.consent(o.attorney, b.id, { text: CONSENT });
    expect(c).toMatchObject({ status: 'consented', consentText: CONSENT, consentedBy: { id: o.attorney.personId } });
    await refusal(ctx.retention.consent(o.attorney, b.id, { text: CONSENT }), 'conflict');
    expect((await refusal(ctx.retention.destroy(o.clerk, b.id), 'policy_refusal')).message).toMatch(/resolution number and the destruction authorization form number/);
    expect((await refusal(ctx.retention.recordAuthority(o.clerk, b.id, { resolutionNumber: '', formNumber: 'F-1' }), 'invalid_input')).message).toMatch(/^resolutionNumber:/);
    await refusal(ctx.retention.recordAuthority(o.attorney, b.id, AUTHORITY), 'forbidden');
    const a = await ctx.retention.recordAuthority(o.clerk, b.id, AUTHORITY);
    expect(a).toMatchObject({ status: 'authorized', ...AUTHORITY });
    await refusal(ctx.retention.destroy(o.attorney, b.id), 'forbidden');
  });

  it('[IV.A.13] destruction erases the payload, leaves a certificate with ids and hashes, and the archive still verifies; a second destruction is refused', async () => {
    const ctx = get();
    const items = [await archived(ctx, '2023-05-01T17:00:00Z'), await archived(ctx, '2023-07-04T17:00:00Z', { kind: 'moderation_decision' })];
    const later = await archived(ctx, '2023-08-01T17:00:00Z');
    const b = await authorized(items.map((i) => i.id));
    ctx.clock.set('2026-11-20T17:30:00Z');
    const { batch, certificate } = await ctx.retention.destroy(o.clerk, b.id);
    expect(batch).toMatchObject({ status: 'destroyed', destroyedBy: { id: o.clerk.personId }, destroyedAt: '2026-11-20T17:30:00.000Z' });
    expect(certificate.body).toMatchObject({ batchId: b.id, itemCount: 2, proposedBy: { id: o.clerk.personId, name: 'Carla Nguyen' }, consentedBy: { id: o.attorney.personId, name: 'Adrian Brooks' }, consentText: CONSENT, ...AUTHORITY, destroyedBy: { id: o.clerk.personId, name: 'Carla Nguyen' }, destroyedAt: '2026-11-20T17:30:00.000Z', authority: 'Cal. Gov. Code § 34090' });
    expect(certificate.items).toEqual(items.map((i) => ({ id: i.id, seq: i.seq, kind: i.kind, contentSha256: i.contentSha256, itemHash: i.itemHash })));
    // The payload bytes are gone from the row; the row, its place and its hashes remain.
    const rows = await ctx.db.db.selectFrom('archive_items').selectAll().where('id', 'in', items.map((i) => i.id)).orderBy('seq').execute();
    expect(rows.map((r) => [r.native, r.rendered_text, r.metadata])).toEqual([['null', '', '{}'], ['null', '', '{}']]);
    expect(rows.map((r) => r.item_hash)).toEqual(items.map((i) => i.itemHash));
    // Readers treat them as destroyed.
    const got = await ctx.archive.get(o.clerk, items[0]!.id);
    expect(got).toMatchObject({ native: null, renderedText: '', metadata: {}, disposed: { batchId: b.id, disposedAt: '2026-11-20T17:30:00.000Z' }, contentSha256: items[0]!.contentSha256 });
    expect((await ctx.archive.get(o.clerk, later.id)).disposed).toBeNull();
    const listed = await ctx.archive.list(o.clerk, { limit: 500 });
    expect(listed.items.find((i) => i.id === items[1]!.id)).toMatchObject({ renderedText: '', disposed: { batchId: b.id } });
    expect((await ctx.retention.eligible(o.clerk, { limit: 1000 })).items.map((i) => i.id)).not.toContain(items[0]!.id);
    // crier archive verify still passes.
    expect(await ctx.archive.verify()).toMatchObject({ ok: true });
    // Nothing is destroyed twice: not the batch, not its items in another batch.
    expect((await refusal(ctx.retention.destroy(o.clerk, b.id), 'conflict')).message).toMatch(/already destroyed/);
    expect((await refusal(ctx.retention.propose(o.clerk, { itemIds: [items[0]!.id], note: 'Again' }), 'policy_refusal')).message).toMatch(/already destroyed/);
    const trail = await ctx.db.db.selectFrom('audit_events').select('action').where('target_id', '=', b.id).orderBy('seq').execute();
    expect(trail.map((e) => e.action)).toEqual(['disposition.proposed', 'disposition.consented', 'disposition.authorized', 'disposition.destroyed']);
    expect(await ctx.retention.certificate(o.auditor, b.id)).toEqual(certificate);
    ctx.clock.set('2026-11-19T18:00:00Z');
  });

  it('[IV.C.11] a legal hold issued after the proposal stops the destruction (re-checked at destruction); the batch is withdrawn', async () => {
    const ctx = get();
    const removed = await archived(ctx, '2023-05-01T17:00:00Z', { kind: 'removal', platformId: o.platform, departmentId: o.dept });
    const b = await authorized([removed.id]);
    const hold = await ctx.legalHolds.issue(o.attorney, { matter: 'Claim of R. Resident', custodianId: o.custodian.personId, platformIds: [o.platform], fromDate: '2023-01-01', toDate: '2023-12-31' });
    const err = await refusal(ctx.retention.destroy(o.clerk, b.id), 'policy_refusal');
    expect(err.message).toMatch(/under legal hold "Claim of R. Resident" \(issued\)/);
    expect((await ctx.db.db.selectFrom('archive_items').select('native').where('id', '=', removed.id).executeTakeFirstOrThrow()).native).not.toBe('');
    expect((await ctx.retention.get(o.clerk, b.id)).batch.status).toBe('authorized');
    // A held item is not even proposable; the eligible list shows it as kept, naming the hold.
    const e = await ctx.retention.eligible(o.clerk, { limit: 1000, category: 'removedComments' });
    expect(e.kept.find((k) => k.id === removed.id)?.holds).toEqual([{ id: hold.id, matter: 'Claim of R. Resident' }]);
    const w = await ctx.retention.withdraw(o.clerk, b.id, { reason: 'A legal hold now covers the item.' });
    expect(w).toMatchObject({ status: 'withdrawn', withdrawReason: 'A legal hold now covers the item.' });
    await refusal(ctx.retention.destroy(o.clerk, b.id), 'conflict');
    await ctx.legalHolds.release(o.attorney, hold.id, { reason: 'Claim withdrawn.' });
  });

  it('[IV.A.13] overlapping holds: an item is free only when every hold covering it is released', async () => {
    const ctx = get();
    const item = await archived(ctx, '2023-06-15T17:00:00Z', { platformId: o.otherPlatform, departmentId: o.otherDept, renderedText: 'The street fair parking was a mess' });
    const outside = await archived(ctx, '2023-06-15T17:00:00Z', { platformId: o.otherPlatform, departmentId: o.otherDept, renderedText: 'Thanks for the concert' });
    const byPlatform = await ctx.legalHolds.issue(o.attorney, { matter: 'Matter A', custodianId: o.custodian.personId, platformIds: [o.otherPlatform], fromDate: '2023-06-01', toDate: '2023-06-30' });
    const byTerms = await ctx.legalHolds.issue(o.attorney, { matter: 'Matter B', custodianId: o.custodian.personId, departmentIds: [o.otherDept], searchTerms: ['STREET FAIR'], fromDate: '2023-01-01', toDate: null });
    const twice = await refusal(ctx.retention.propose(o.clerk, { itemIds: [item.id], note: 'Held comment' }), 'policy_refusal');
    expect(twice.message).toMatch(/under legal hold "Matter A" \(issued\); under legal hold "Matter B" \(issued\)/);
    await ctx.legalHolds.acknowledge(o.custodian, byPlatform.id);
    await ctx.legalHolds.release(o.attorney, byPlatform.id, { reason: 'Matter A closed.' });
    const once = await refusal(ctx.retention.propose(o.clerk, { itemIds: [item.id], note: 'Held comment' }), 'policy_refusal');
    expect(once.message).toMatch(/under legal hold "Matter B" \(issued\)/);
    expect(once.message).not.toMatch(/Matter A/);
    // The text terms did not reach the other record; only the platform hold (now released) did.
    const b = await authorized([outside.id]);
    expect(b.status).toBe('authorized');
    await ctx.legalHolds.release(o.attorney, byTerms.id, { reason: 'Matter B closed.' });
    const free = await authorized([item.id]);
    expect((await ctx.retention.destroy(o.clerk, free.id)).batch.status).toBe('destroyed');
    expect(await ctx.archive.verify()).toMatchObject({ ok: true });
  });

  it('[IV.A.13] an item altered after it was proposed is not destroyed', async () => {
    const ctx = get();
    const item = await archived(ctx, '2023-05-01T17:00:00Z');
    const b = await authorized([item.id]);
    const { sql } = await import('kysely');
    await sql`UPDATE archive_items SET rendered_text = 'tampered' WHERE id = ${item.id}`.execute(ctx.db.db);
    expect((await refusal(ctx.retention.destroy(o.clerk, b.id), 'conflict')).message).toMatch(/no longer matches what was proposed/);
    await sql`UPDATE archive_items SET rendered_text = ${item.renderedText} WHERE id = ${item.id}`.execute(ctx.db.db);
    expect((await ctx.retention.destroy(o.clerk, b.id)).batch.status).toBe('destroyed');
  });

  it('[IV.A.13] two destructions of one batch at once: one destroys, the other is refused; one certificate', async () => {
    const ctx = get();
    const item = await archived(ctx, '2023-05-01T17:00:00Z');
    const b = await authorized([item.id]);
    const results = await Promise.allSettled([ctx.retention.destroy(o.clerk, b.id), ctx.retention.destroy(o.clerk, b.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'conflict' });
    expect(await ctx.db.db.selectFrom('disposition_certificates').select('seq').where('batch_id', '=', b.id).execute()).toHaveLength(1);
    expect(await ctx.archive.verify()).toMatchObject({ ok: true });
  });

  it('[IV.A.13] a destroyed record is gone from search too: its words, its author and its clauses; the rest stays searchable', async () => {
    const ctx = get();
    const gone = await archived(ctx, '2023-05-01T17:00:00Z', { kind: 'removal', platformId: o.platform, renderedText: 'Zanzibarian fireworks complaint', metadata: { createdOnPlatformAt: '2023-05-01T17:00:00Z', author: { handle: 'quetzal.example' }, clauses: ['V'] } });
    const stays = await archived(ctx, '2023-05-01T17:00:00Z', { platformId: o.platform, renderedText: 'Zanzibarian parade praise', metadata: { createdOnPlatformAt: '2023-05-01T17:00:00Z', author: { handle: 'quetzal.example' } } });
    const ids = async (input: Parameters<typeof ctx.archiveSearch.search>[1]) => (await ctx.archiveSearch.search(o.clerk, input)).hits.map((h) => h.id);
    expect(await ids({ q: 'Zanzibarian' })).toEqual(expect.arrayContaining([gone.id, stays.id]));
    const b = await authorized([gone.id]);
    await ctx.retention.destroy(o.clerk, b.id);
    expect(await ids({ q: 'Zanzibarian' })).toEqual([stays.id]);
    expect(await ids({ q: 'fireworks' })).toEqual([]);
    expect(await ids({ filters: { author: 'quetzal.example' } })).toEqual([stays.id]);
    expect(await ids({ filters: { clause: 'V', platform: o.platform } })).toEqual([]);
    // Listing by platform alone still names the destroyed record's place, with nothing of its content.
    const listed = (await ctx.archiveSearch.search(o.clerk, { filters: { platform: o.platform, kind: 'removal' } })).hits.find((h) => h.id === gone.id);
    if (listed) expect(JSON.stringify(listed)).not.toMatch(/Zanzibarian|fireworks|quetzal/);
    if (ctx.db.dialect === 'sqlite') {
      const { sql } = await import('kysely');
      await sql`INSERT INTO archive_search_fts (archive_search_fts) VALUES ('integrity-check')`.execute(ctx.db.db);
    }
    expect(await ctx.archive.verify()).toMatchObject({ ok: true });
  });

  it('[IV.A.13] a record collected for a public records request is kept until the request is closed', async () => {
    const ctx = get();
    const item = await archived(ctx, '2023-05-01T17:00:00Z');
    const req = await ctx.recordsRequests.create(o.clerk, { description: 'Every comment about the street fair in 2023', email: 'resident@example.org' });
    await ctx.archiveSearch.collect(o.clerk, req.id, { itemIds: [item.id] });
    const err = await refusal(ctx.retention.propose(o.clerk, { itemIds: [item.id], note: 'Street fair comments' }), 'policy_refusal');
    expect(err.message).toMatch(new RegExp(`collected for public records request ${req.reference}, which is not closed`));
    await ctx.recordsRequests.determine(o.clerk, req.id, { outcome: 'disclose_full', reasons: 'All records are disclosable.', estimatedProductionOn: '2026-11-20' });
    await refusal(ctx.retention.propose(o.clerk, { itemIds: [item.id], note: 'Street fair comments' }), 'policy_refusal');
    await ctx.recordsRequests.close(o.clerk, req.id, { note: 'Produced.' });
    expect((await ctx.retention.propose(o.clerk, { itemIds: [item.id], note: 'Street fair comments' })).status).toBe('proposed');
  });
});
