import { beforeAll, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/adapters/mailer/index.ts';
import { AppError } from '../../src/kernel/errors.ts';
import { snapshot } from '../api/db-snapshot.ts';
import { describeWithContext } from '../context.ts';
import { CITY_FEED, PW_BLUESKY, STRONG, testKey, vaultWorld, type VaultWorld } from './support.ts';

const mailer = createMemoryMailer();

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

describeWithContext(
  'vault: submission, reveal, tokens',
  (get) => {
    let w: VaultWorld;
    let pw: { id: string; departmentId: string | null };
    beforeAll(async () => {
      w = await vaultWorld(get());
      pw = await w.platform(PW_BLUESKY);
    }, 120_000);

    it('[IV.A.14] [IV.C.2] the department head submits credentials; the IT Manager is told at once, in the app and by e-mail, with no secret', async () => {
      const ctx = get();
      const sentBefore = mailer.sent.length;
      const r = await ctx.vault.submit(w.pwHead, pw.id, {
        username: 'carsonpw.bsky.social',
        password: STRONG,
        recoveryCodes: ['rc-aaaa-1111', 'rc-bbbb-2222'],
        apiTokens: [{ name: 'bluesky app password', token: 'tok-first-9a8b7c', expiresAt: '2027-06-30' }],
      });
      expect(r.secretIds).toHaveLength(4);
      expect(r.mail?.status).toBe('sent');
      const notices = await ctx.notifications.listFor(w.it, { relatedType: 'platform', relatedId: pw.id });
      const notice = notices.find((n) => n.kind === 'vault.credentials_submitted');
      expect(notice?.subject).toBe(`Credentials submitted for ${PW_BLUESKY}`);
      expect(notice?.clauses).toEqual(['IV.A.14', 'IV.C.2']);
      const mail = mailer.sent.slice(sentBefore);
      expect(mail).toHaveLength(1);
      expect(mail[0]!.to).toEqual(['it@carsonca.gov']);
      expect(mail[0]!.text).toContain('API token "bluesky app password" (expires 2027-06-30)');
      for (const secret of [STRONG, 'tok-first-9a8b7c', 'rc-aaaa-1111']) {
        expect(JSON.stringify(mail)).not.toContain(secret);
        expect(JSON.stringify(notices)).not.toContain(secret);
      }
      const audit = await ctx.audit.list(w.it, { targetId: pw.id, action: 'vault.credentials_submitted' });
      expect(audit).toHaveLength(1);
      expect(audit[0]!.clauses).toEqual(['IV.A.14', 'IV.C.2', 'IV.C.15(i)(i)']);
      expect(JSON.stringify(audit)).not.toContain(STRONG);
    });

    it('[IV.C.2] the platform view lists what is held (never values) with the administrators and their platform user ids', async () => {
      const ctx = get();
      const view = await ctx.vault.listForPlatform(w.it, pw.id);
      expect(view.credentials.map((c) => c.kind).sort()).toEqual(['api_token', 'password', 'recovery_codes', 'username']);
      expect(view.missing).toEqual([]);
      expect(view.administrators.some((a) => a.implicit && a.personId === w.it.personId)).toBe(true);
      expect(JSON.stringify(view)).not.toContain(STRONG);
      expect(view.credentials.every((c) => c.abilities['credential.reveal'])).toBe(true);
      const headView = await ctx.vault.listForPlatform(w.pwHead, pw.id);
      expect(headView.credentials.every((c) => !c.abilities['credential.reveal'])).toBe(true);
      const all = await ctx.vault.list(w.it);
      expect(all.find((p) => p.platformId === pw.id)?.held).toEqual(['api_token', 'password', 'recovery_codes', 'username']);
      // The poster, the other department's head: not theirs to see.
      expect((await refusal(ctx.vault.listForPlatform(w.csHead, pw.id))).code).toBe('forbidden');
      expect((await refusal(ctx.vault.list(w.pwHead))).code).toBe('forbidden');
    });

    it('[IV.C.2] only the department head (or the City Manager / IT Manager) submits; the City platform takes the PIA', async () => {
      const ctx = get();
      for (const a of [w.csHead, w.poster, w.auditor]) {
        const before = await snapshot(ctx.db.db);
        expect((await refusal(ctx.vault.submit(a, pw.id, { password: STRONG }))).code).toBe('forbidden');
        expect(await snapshot(ctx.db.db)).toBe(before);
      }
      const city = await w.platform(CITY_FEED);
      await expect(ctx.vault.submit(w.pia, city.id, { username: 'carsoncity' })).resolves.toMatchObject({ replaced: 0 });
    });

    it('[IV.C.15(i)(i)] a weak password is refused with an explanation and the clause; nothing is written', async () => {
      const ctx = get();
      const before = await snapshot(ctx.db.db);
      const e = await refusal(ctx.vault.submit(w.pwHead, pw.id, { password: 'CarsonPW2026!' }));
      expect(e.code).toBe('policy_refusal');
      expect(e.clauses).toEqual(['IV.C.15(i)(i)']);
      expect(e.message).toMatch(/not complex enough: it has 12 characters|not complex enough/);
      expect(e.message).not.toContain('CarsonPW2026!');
      expect(await snapshot(ctx.db.db)).toBe(before);
    });

    it('[IV.C.15(i)(ii)] the IT Manager sees a secret once, with a reason, for a limited time; the reveal is audited without the value', async () => {
      const ctx = get();
      const view = await ctx.vault.listForPlatform(w.it, pw.id);
      const password = view.credentials.find((c) => c.kind === 'password')!;
      const r = await ctx.vault.reveal(w.it, password.id, { reason: 'Resetting two-factor on the account' });
      expect(r.secret.value).toBe(STRONG);
      expect(Date.parse(r.expiresAt) - Date.parse(r.revealedAt)).toBe(60_000);
      const codes = view.credentials.find((c) => c.kind === 'recovery_codes')!;
      expect((await ctx.vault.reveal(w.cm, codes.id, { reason: 'Account recovery drill' })).secret.value).toEqual(['rc-aaaa-1111', 'rc-bbbb-2222']);
      const audit = await ctx.audit.list(w.it, { action: 'vault.secret_revealed', targetId: pw.id });
      expect(audit).toHaveLength(2);
      expect(audit.map((a) => a.reason)).toContain('Resetting two-factor on the account');
      expect(audit.find((a) => a.reason === 'Resetting two-factor on the account')?.actorId).toBe(w.it.personId);
      expect(JSON.stringify(audit)).not.toContain(STRONG);
      expect(JSON.stringify(audit)).not.toContain('rc-aaaa-1111');
    });

    it("[IV.C.15(i)(ii)] the City Manager's recorded designee may reveal; department heads, auditors and employees may not; a reason is required", async () => {
      const ctx = get();
      const view = await ctx.vault.listForPlatform(w.it, pw.id);
      const password = view.credentials.find((c) => c.kind === 'password')!;
      expect(w.acm.roles.some((g) => g.role === 'city_manager' && g.designeeOf === w.cm.personId)).toBe(true);
      await expect(ctx.vault.reveal(w.acm, password.id, { reason: 'Covering for the City Manager' })).resolves.toMatchObject({ secret: { kind: 'password' } });
      for (const a of [w.pwHead, w.auditor, w.poster, w.pia]) {
        const before = await snapshot(ctx.db.db);
        const e = await refusal(ctx.vault.reveal(a, password.id, { reason: 'I would like to see it' }));
        expect(e.code).toBe('forbidden');
        expect(e.clauses).toContain('IV.C.15(i)(ii)');
        expect(await snapshot(ctx.db.db)).toBe(before);
      }
      expect((await refusal(ctx.vault.reveal(w.it, password.id, { reason: '  ' }))).code).toBe('invalid_input');
    });

    it('a changed password replaces the old one, whose key material is erased; the IT Manager is told it changed', async () => {
      const ctx = get();
      const old = (await ctx.vault.listForPlatform(w.it, pw.id)).credentials.find((c) => c.kind === 'password')!;
      const r = await ctx.vault.submit(w.pwHead, pw.id, { password: 'saffron lantern quorum velvet 17' });
      expect(r.replaced).toBe(1);
      const row = await ctx.db.db.selectFrom('credential_secrets').selectAll().where('id', '=', old.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'superseded', ciphertext: null, wrapped_key: null });
      expect((await refusal(ctx.vault.reveal(w.it, old.id, { reason: 'Looking at the old one' }))).code).toBe('conflict');
      const notices = await ctx.notifications.listFor(w.it, { relatedId: pw.id });
      expect(notices.some((n) => n.subject === `Credentials changed for ${PW_BLUESKY}`)).toBe(true);
      const history = await ctx.vault.listForPlatform(w.it, pw.id, { includeSuperseded: true });
      expect(history.credentials.filter((c) => c.kind === 'password').map((c) => c.status).sort()).toEqual(['current', 'superseded']);
    });

    it('connectors read tokens at use, as the system, audited; a person cannot; an expired token is refused', async () => {
      const ctx = get();
      expect(await ctx.vault.tokenFor(pw.id, 'api_token')).toBe('tok-first-9a8b7c');
      const used = await ctx.audit.list(w.it, { action: 'vault.secret_used', targetId: pw.id });
      expect(used[0]?.actorLabel).toBe('system:connector');
      expect(JSON.stringify(used)).not.toContain('tok-first');
      expect((await refusal(ctx.vault.tokenFor(pw.id, 'api_token', undefined, w.it))).code).toBe('forbidden');
      ctx.clock.set('2027-07-01T12:00:00Z');
      try {
        const e = await refusal(ctx.vault.tokenFor(pw.id, 'api_token'));
        expect(e.code).toBe('conflict');
        expect(e.message).toMatch(/expired/);
        expect(e.message).not.toContain('tok-first');
      } finally {
        ctx.clock.set('2026-11-19T18:00:00Z');
      }
      const other = await w.platform('Carson Community Services on Facebook');
      expect((await refusal(ctx.vault.tokenFor(other.id, 'api_token'))).code).toBe('not_found');
    });
  },
  { config: { vault: { key: testKey(), keyFile: undefined } }, mailer },
);
