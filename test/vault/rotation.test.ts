import { beforeAll, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/adapters/mailer/index.ts';
import { AppError } from '../../src/kernel/errors.ts';
import { createVaultService, generateKey, keyFingerprint, masterKeySource } from '../../src/modules/vault/index.ts';
import { describeWithContext, type TestContext } from '../context.ts';
import { CITY_FEED, PW_BLUESKY, STRONG, testKey, vaultWorld, type VaultWorld } from './support.ts';

const KEY = testKey();

/** Another vault service over the same database, holding another master key (a lost or wrong key). */
function vaultWithKey(ctx: TestContext, key: Buffer) {
  return createVaultService({
    db: ctx.db.db,
    dialect: ctx.db.dialect,
    clock: ctx.clock,
    pack: ctx.pack,
    audit: ctx.audit,
    notifications: ctx.notifications,
    platforms: ctx.platforms,
    mailer: createMemoryMailer(),
    keys: masterKeySource({ key: key.toString('base64'), dataDir: '/nonexistent' }),
  });
}

describeWithContext(
  'vault: rotation tasks and the master key',
  (get) => {
    let w: VaultWorld;
    beforeAll(async () => {
      w = await vaultWorld(get());
      const pw = await w.platform(PW_BLUESKY);
      await get().vault.submit(w.pwHead, pw.id, { username: 'carsonpw', password: STRONG, apiTokens: [{ name: 'app', token: 'tok-rotation-123' }] });
      const city = await w.platform(CITY_FEED);
      await get().vault.submit(w.cm, city.id, { password: 'marble orchid zephyr cobalt 88' });
    }, 120_000);

    it('[IV.C.15(i)(ii)] revoking a designated employee opens a rotation task, due next day, for each platform they could reach', async () => {
      const ctx = get();
      const pw = await w.platform(PW_BLUESKY);
      await ctx.people.changeAccess(w.it, w.poster.personId, { action: 'revoke', reason: 'Left the City' });
      const tasks = await ctx.vault.listRotationTasks(w.it, { status: 'open' });
      const news = await w.platform('Carson Public Works News');
      const mine = tasks.filter((t) => t.personId === w.poster.personId);
      // The demo poster is designated for the department's Bluesky account and its news feed.
      expect(mine.map((t) => t.platformId).sort()).toEqual([pw.id, news.id].sort());
      expect(mine.find((t) => t.platformId === pw.id)).toMatchObject({ trigger: 'access.revoked', reason: 'Left the City', platformName: PW_BLUESKY, overdue: false });
      expect(Date.parse(mine[0]!.dueAt) - Date.parse(ctx.clock.now().toISOString())).toBe(86_400_000);
      expect(mine[0]!.abilities['rotation.complete']).toBe(true);
    });

    it('[IV.C.15(i)(ii)] revoking a designation opens a rotation task for the platforms it covered', async () => {
      const ctx = get();
      const pw = await w.platform(PW_BLUESKY);
      const employee = await w.actor('sokafor@carsonca.gov');
      const d = await ctx.people.designate(w.cm, employee.personId, { platformIds: [pw.id] });
      expect((await ctx.vault.listRotationTasks(w.it, { status: 'open' })).some((t) => t.personId === employee.personId)).toBe(false);
      await ctx.people.revokeDesignation(w.cm, employee.personId, d.id, 'Moved to another program');
      const tasks = (await ctx.vault.listRotationTasks(w.it, { status: 'open' })).filter((t) => t.personId === employee.personId);
      expect(tasks.map((t) => [t.platformId, t.trigger, t.reason])).toEqual([[pw.id, 'designation.revoked', 'Moved to another program']]);
    });

    it("[IV.C.15(i)(ii)] suspending a department head covers every platform of the department, and the ones whose credentials they submitted", async () => {
      const ctx = get();
      await ctx.people.changeAccess(w.cm, w.pwHead.personId, { action: 'suspend', reason: 'Under investigation' });
      const tasks = (await ctx.vault.listRotationTasks(w.it, { status: 'open' })).filter((t) => t.personId === w.pwHead.personId);
      const names = tasks.map((t) => t.platformName).sort();
      expect(names).toEqual(['Carson Public Works News', 'Carson Public Works on Bluesky', 'Public Works Field Updates Feed']);
      expect(tasks.every((t) => t.trigger === 'access.suspended')).toBe(true);
      // Scheduling again does not duplicate open tasks.
      await ctx.people.changeAccess(w.cm, w.pwHead.personId, { action: 'revoke', reason: 'Dismissed' });
      const again = (await ctx.vault.listRotationTasks(w.it, { status: 'open' })).filter((t) => t.personId === w.pwHead.personId);
      expect(again).toHaveLength(3);
    });

    it('[IV.C.15(i)(ii)] removing an active administrator opens a task for that platform only', async () => {
      const ctx = get();
      const city = await w.platform(CITY_FEED);
      const moderator = await w.actor('moderator@carsonca.gov');
      const a = await ctx.platforms.requestAdmin(w.cm, city.id, { personId: moderator.personId, platformUserId: 'carson-mod-1' });
      await ctx.platforms.approveAdmin(w.cm, city.id, a.id!);
      await ctx.platforms.approveAdmin(w.it, city.id, a.id!);
      await ctx.platforms.removeAdmin(w.it, city.id, a.id!, { reason: 'Moved to another team' });
      const tasks = (await ctx.vault.listRotationTasks(w.it, { status: 'open' })).filter((t) => t.personId === moderator.personId);
      expect(tasks.map((t) => [t.platformId, t.trigger])).toEqual([[city.id, 'platform.admin_removed']]);
      // A pending (never approved) administrator knew nothing: no task.
      const pending = await ctx.platforms.requestAdmin(w.cm, city.id, { personId: (await w.actor('clerk@carsonca.gov')).personId });
      await ctx.platforms.removeAdmin(w.it, city.id, pending.id!, { reason: 'Withdrawn' });
      expect((await ctx.vault.listRotationTasks(w.it, { status: 'open' })).some((t) => t.personId === pending.personId)).toBe(false);
    });

    it('[IV.A.14] new credentials complete the open tasks of the platform; IT completes others by hand (audited); others may not', async () => {
      const ctx = get();
      const city = await w.platform(CITY_FEED);
      const open = (await ctx.vault.listRotationTasks(w.it, { status: 'open', platformId: city.id }))[0]!;
      const refused = await ctx.vault.completeRotationTask(w.auditor, open.id, {}).catch((e: unknown) => e);
      expect((refused as AppError).code).toBe('forbidden');
      const done = await ctx.vault.completeRotationTask(w.it, open.id, { note: 'Password changed on the platform' });
      expect(done).toMatchObject({ status: 'done', completedBy: w.it.personId, completionNote: 'Password changed on the platform' });
      const again = await ctx.vault.completeRotationTask(w.it, open.id, {}).catch((e: unknown) => e);
      expect((again as AppError).code).toBe('conflict');
      expect(await ctx.audit.list(w.it, { action: 'vault.rotation_completed', targetId: city.id })).toHaveLength(1);

      const pw = await w.platform(PW_BLUESKY);
      expect((await ctx.vault.listRotationTasks(w.it, { status: 'open', platformId: pw.id })).length).toBeGreaterThan(0);
      const r = await ctx.vault.submit(w.it, pw.id, { password: 'harbor quince nimbus falcon 29' });
      expect(r.rotationsCompleted).toBeGreaterThan(0);
      expect(await ctx.vault.listRotationTasks(w.it, { status: 'open', platformId: pw.id })).toEqual([]);
    });

    it('[IV.C.15(i)(ii)] a wrong master key is named clearly (fingerprints), never garbage, and no secret is written under it', async () => {
      const ctx = get();
      const wrong = vaultWithKey(ctx, generateKey());
      const check = await wrong.check();
      expect(check.ok).toBe(false);
      expect(check.failures[0]!.problem).toContain(`the vault key does not match: the secrets were encrypted with key ${keyFingerprint(Buffer.from(KEY, 'base64'))}`);
      const pw = await w.platform(PW_BLUESKY);
      const password = (await ctx.vault.listForPlatform(w.it, pw.id)).credentials.find((c) => c.kind === 'password')!;
      const e = (await wrong.reveal(w.it, password.id, { reason: 'Checking the key' }).catch((x: unknown) => x)) as AppError;
      expect(e.code).toBe('unavailable');
      expect(e.message).toMatch(/^the vault key does not match: the secrets were encrypted with key [0-9a-f]{16}/);
      const refused = (await wrong.submit(w.it, pw.id, { password: 'tangerine obelisk mosaic 311' }).catch((x: unknown) => x)) as AppError;
      expect(refused.message).toMatch(/the vault key does not match/);
      expect((await ctx.vault.check()).ok).toBe(true);
    });

    it('[IV.C.15(i)(ii)] rotate-key re-wraps every data key in one transaction; the old key then no longer opens them', async () => {
      const ctx = get();
      const before = await ctx.vault.check();
      expect(before.ok).toBe(true);
      const newKey = generateKey();
      const r = await ctx.vault.rotateKey(newKey);
      expect(r).toMatchObject({ from: before.keyFingerprint, to: keyFingerprint(newKey), rewrapped: before.secrets, keyFileReplaced: null });
      expect(await ctx.vault.check()).toMatchObject({ ok: true, keyFingerprint: keyFingerprint(newKey) });
      expect((await vaultWithKey(ctx, Buffer.from(KEY, 'base64')).check()).ok).toBe(false);
      expect((await vaultWithKey(ctx, newKey).check()).ok).toBe(true);
      const pw = await w.platform(PW_BLUESKY);
      expect(await ctx.vault.tokenFor(pw.id)).toBe('tok-rotation-123');
      const audit = await ctx.audit.list(systemLike(), { action: 'vault.key_rotated' });
      expect(audit[0]!.after).toMatchObject({ keyFingerprint: keyFingerprint(newKey) });
      expect(JSON.stringify(audit)).not.toContain(newKey.toString('base64'));
    });

    it('a rotation that meets an unreadable secret changes nothing', async () => {
      const ctx = get();
      const row = await ctx.db.db.selectFrom('credential_secrets').select(['id', 'wrapped_key']).where('status', '=', 'current').executeTakeFirstOrThrow();
      const raw = Buffer.from(row.wrapped_key!, 'base64');
      raw[raw.length - 1]! ^= 1;
      await ctx.db.db.updateTable('credential_secrets').set({ wrapped_key: raw.toString('base64') }).where('id', '=', row.id).execute();
      const fingerprints = await ctx.db.db.selectFrom('credential_secrets').select(['id', 'key_fingerprint', 'wrapped_key']).orderBy('id').execute();
      const e = (await ctx.vault.rotateKey(generateKey()).catch((x: unknown) => x)) as AppError;
      expect(e.message).toMatch(/altered or damaged/);
      expect(await ctx.db.db.selectFrom('credential_secrets').select(['id', 'key_fingerprint', 'wrapped_key']).orderBy('id').execute()).toEqual(fingerprints);
      const check = await ctx.vault.check();
      expect(check.failures.map((f) => f.secretId)).toEqual([row.id]);
    });
  },
  { config: { vault: { key: KEY, keyFile: undefined } }, mailer: createMemoryMailer() },
);

function systemLike() {
  return { kind: 'system', name: 'test' } as const;
}
