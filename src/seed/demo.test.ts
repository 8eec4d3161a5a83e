import { expect, it } from 'vitest';
import { describeWithContext } from '../../test/context.ts';
import { systemActor } from '../kernel/actor.ts';
import { isBusinessTime } from '../policy/index.ts';
import { seedDemoCity } from './demo.ts';

describeWithContext('demo city seed', (get) => {
  it('seeds one person in every role, platforms in every lifecycle state, and is idempotent', async () => {
    const ctx = get();
    const first = await seedDemoCity(ctx);
    expect(first.created).toBe(true);
    const again = await seedDemoCity(ctx);
    expect(again.created).toBe(false);
    expect(again.accounts.map((a) => a.email)).toEqual(first.accounts.map((a) => a.email));

    const system = systemActor('test');
    const roles = new Set((await ctx.db.db.selectFrom('role_assignments').select('role').execute()).map((r) => r.role));
    for (const r of ['city_manager', 'assistant_city_manager', 'it_manager', 'public_information_analyst', 'department_head', 'employee', 'city_clerk', 'city_attorney', 'auditor', 'moderator', 'legislative_member']) {
      expect(roles, r).toContain(r);
    }
    const statuses = new Set((await ctx.platforms.list(system)).map((p) => p.status));
    for (const s of ['requested', 'it_reviewed', 'council_approved', 'active', 'terminated']) expect(statuses, s).toContain(s);
    expect((await ctx.audit.verify()).ok).toBe(true);
    expect(await ctx.audit.count()).toBeGreaterThan(40);
  });

  it('[IV.A.2] the seeded Public Works analyst is authorized for the Bluesky account, the Community Services employee is not', async () => {
    const ctx = get();
    const system = systemActor('test');
    const platform = (await ctx.platforms.list(system)).find((p) => p.type === 'bluesky')!;
    const person = async (email: string) => (await ctx.db.db.selectFrom('persons').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const gatePlatform = { id: platform.id, type: platform.type, departmentId: platform.departmentId, status: platform.status };
    expect((await ctx.people.checkAuthorization(await person('jpatel@carsonca.gov'), gatePlatform)).authorized).toBe(true);
    const refused = await ctx.people.checkAuthorization(await person('sokafor@carsonca.gov'), gatePlatform);
    expect(refused.authorized).toBe(false);
    expect(refused.unmet.map((u) => u.clause)).toContain('IV.A.2');
  });
});

describeWithContext(
  'demo city seed, run late on a holiday afternoon',
  (get) => {
    it('[IV.C.15(e)] seeds its posts, every step of them dated inside business hours', async () => {
      // 15:25 in Carson on Thanksgiving: a week before is 15:25 on a Thursday, two hours before closing.
      const ctx = get();
      expect((await seedDemoCity(ctx)).created).toBe(true);
      const posts = await ctx.db.db.selectFrom('posts').select(['id', 'created_at', 'updated_at', 'submitted_at', 'published_at']).execute();
      expect(posts).toHaveLength(5);
      expect(posts.filter((p) => p.published_at)).toHaveLength(2);
      for (const p of posts) {
        for (const at of [p.created_at, p.updated_at, p.submitted_at, p.published_at]) {
          if (at) expect(isBusinessTime(ctx.pack, new Date(at)), `post ${p.id}: ${at}`).toBe(true);
        }
      }
    });
  },
  { now: '2026-11-26T23:25:00Z' },
);
