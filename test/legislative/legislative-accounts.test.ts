import { beforeAll, expect, it } from 'vitest';
import { legislativeAccountFor } from '../../src/modules/legislative-accounts/index.ts';
import { describeWithContext } from '../context.ts';
import { CITY_FEED, modWorld, personWith, PW_BLUESKY, refusal, type ModWorld } from '../bans/support.ts';

describeWithContext('Brown Act guard: the register of legislative body members’ accounts', (get) => {
  let w: ModWorld;
  let pw: string;
  let city: string;
  beforeAll(async () => {
    w = await modWorld(get());
    pw = (await w.platform(PW_BLUESKY)).id;
    city = (await w.platform(CITY_FEED)).id;
  }, 120_000);

  it("[IV.B] the City Clerk registers a council member's account; the ingest side finds it by handle", async () => {
    const ctx = get();
    const a = await ctx.legislativeAccounts.register(w.clerk, { personId: w.council.id, platformId: pw, handle: '@LulaDavis.bsky.social' });
    expect(a).toMatchObject({ personName: 'Councilmember Lula Davis', platformName: PW_BLUESKY, handle: 'luladavis.bsky.social', createdByName: 'Carla Nguyen', removedAt: null });
    expect(await legislativeAccountFor(ctx.db.db, pw, 'LULADAVIS.bsky.social')).toEqual({ personId: w.council.id });
    expect(await legislativeAccountFor(ctx.db.db, city, 'luladavis.bsky.social')).toBeNull();
    expect(await ctx.legislativeAccounts.accountFor(pw, 'someone.else')).toBeNull();
    const list = await ctx.legislativeAccounts.list(w.moderator);
    expect(list.accounts.map((x) => x.handle)).toContain('luladavis.bsky.social');
    expect(list.abilities).toEqual({ 'legislative_account.register': false, 'legislative_account.remove': false });
    const trail = await ctx.audit.list(w.cm, { targetType: 'legislative_account', targetId: a.id });
    expect(trail.map((e) => [e.action, e.clauses])).toEqual([['legislative_account.registered', ['IV.B']]]);
    await refusal(ctx.legislativeAccounts.register(w.cm, { personId: w.council.id, platformId: pw, handle: 'luladavis.bsky.social' }), 'conflict');
  });

  it('[IV.B] only members of a legislative body are registered, only by the City Clerk or the City Manager', async () => {
    const ctx = get();
    const notMember = await refusal(ctx.legislativeAccounts.register(w.clerk, { personId: w.poster.personId, platformId: pw, handle: 'jordan' }), 'policy_refusal');
    expect(notMember.clauses).toEqual(['IV.B']);
    const denied = await refusal(ctx.legislativeAccounts.register(w.moderator, { personId: w.council.id, platformId: pw, handle: 'lula2' }), 'forbidden');
    expect(denied.clauses).toEqual(['IV.B']);
    await refusal(ctx.legislativeAccounts.register(w.clerk, { personId: w.council.id, platformId: 'nope', handle: 'lula2' }), 'invalid_input');
    await refusal(ctx.legislativeAccounts.register(w.clerk, { personId: w.council.id, platformId: pw, handle: '  @ ' }), 'invalid_input');
    await refusal(ctx.legislativeAccounts.list(w.poster), 'forbidden');
    // A planning commissioner holds a seat (the role) too.
    const commissioner = await personWith(ctx, 'legislative_member', 'Commissioner Ray Ortiz');
    expect((await ctx.legislativeAccounts.members(w.clerk)).map((m) => m.name)).toEqual(expect.arrayContaining(['Councilmember Lula Davis', 'Commissioner Ray Ortiz']));
    const a = await ctx.legislativeAccounts.register(w.cm, { personId: commissioner.personId, platformId: city, handle: 'ray.ortiz' });
    expect(a.createdByName).toBe('Casey Morales');
  });

  it('[IV.B] removal is soft: the account leaves the guard but stays on the record', async () => {
    const ctx = get();
    const a = await ctx.legislativeAccounts.register(w.clerk, { personId: w.council.id, platformId: city, handle: 'lula.old' });
    await refusal(ctx.legislativeAccounts.remove(w.moderator, a.id, 'Term ended'), 'forbidden');
    await refusal(ctx.legislativeAccounts.remove(w.clerk, a.id, ''), 'invalid_input');
    const removed = await ctx.legislativeAccounts.remove(w.clerk, a.id, 'Account closed by the member');
    expect(removed.removedAt).toBe(ctx.clock.now().toISOString());
    expect(await ctx.legislativeAccounts.accountFor(city, 'lula.old')).toBeNull();
    expect((await ctx.legislativeAccounts.list(w.clerk)).accounts.map((x) => x.id)).not.toContain(a.id);
    expect((await ctx.legislativeAccounts.list(w.clerk, { includeRemoved: true })).accounts.find((x) => x.id === a.id)?.removedAt).toBe(removed.removedAt);
    await refusal(ctx.legislativeAccounts.remove(w.clerk, a.id, 'Again'), 'conflict');
    // The handle may be registered again (for example when the member returns).
    await ctx.legislativeAccounts.register(w.clerk, { personId: w.council.id, platformId: city, handle: 'lula.old' });
  });
});
