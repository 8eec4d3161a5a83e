import { expect, it } from 'vitest';
import { describeWithContext } from '../../../test/context.ts';
import { createPolicyVersionsService } from './service.ts';

describeWithContext('policy versions', (get) => {
  it('[IV.A.18] the loaded pack is recorded once as the version in force', async () => {
    const ctx = get();
    const first = await ctx.policyVersions.current();
    expect(first.contentHash).toBe(ctx.pack.contentHash);
    const again = await ctx.policyVersions.sync();
    expect(again.amended).toBe(false);
    expect((await ctx.policyVersions.list()).length).toBe(1);
  });

  it('[IV.A.18] an amended pack becomes a new version listing the changed clauses, and the old one still resolves', async () => {
    const ctx = get();
    const original = await ctx.policyVersions.current();
    const amendedClauses = ctx.pack.clauses.map((c) => (c.id === 'IV.C.6' ? { ...c, text: `${c.text} Refresher training is required every year.` } : c));
    const amended = { ...ctx.pack, version: '2026-12-01', clauses: amendedClauses, contentHash: 'amended-hash' };
    ctx.clock.advance(60_000);
    const service = createPolicyVersionsService({ db: ctx.db.db, clock: ctx.clock, pack: amended, audit: ctx.audit });
    const { version, amended: wasAmended } = await service.sync();
    expect(wasAmended).toBe(true);
    expect(version.changes?.changed).toEqual(['IV.C.6']);
    expect((await service.current()).id).toBe(version.id);
    const old = await service.packOf(original.id);
    expect(old.clauses.find((c) => c.id === 'IV.C.6')?.text).not.toMatch(/Refresher/);
    const events = await ctx.audit.list({ kind: 'system', name: 't' }, { action: 'policy.amended' });
    expect(events[0]?.clauses).toEqual(['IV.A.18']);
  });
});
