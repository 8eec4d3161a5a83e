import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSmtpMailer } from '../../src/adapters/mailer/index.ts';
import type { Mailer, MailMessage } from '../../src/ports/mailer.ts';
import { describeWithContext } from '../context.ts';
import { startSmtpListener } from './smtp.ts';
import { PW_BLUESKY, STRONG, testKey, vaultWorld, type VaultWorld } from './support.ts';

/** Points at the real listener, or at a port where nothing listens (to make sends fail). */
function switchableMailer(): Mailer & { target: Mailer | null } {
  const m = {
    target: null as Mailer | null,
    description: 'switchable',
    async send(message: MailMessage) {
      if (!m.target) throw new Error('no mailer');
      return m.target.send(message);
    },
  };
  return m;
}

async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const mailer = switchableMailer();
let smtp: Awaited<ReturnType<typeof startSmtpListener>>;

beforeAll(async () => {
  smtp = await startSmtpListener();
});
afterAll(async () => smtp?.close());

describeWithContext(
  'vault: e-mail to the IT Manager through a real SMTP listener',
  (get) => {
    let w: VaultWorld;
    beforeAll(async () => {
      w = await vaultWorld(get());
    }, 120_000);

    it('[IV.A.14] a credential change reaches the IT Manager by e-mail at once, with no secret in the message', async () => {
      mailer.target = createSmtpMailer({ url: smtp.url, from: 'crier@carsonca.gov' });
      const before = smtp.received.length;
      const pw = await w.platform(PW_BLUESKY);
      const r = await get().vault.submit(w.pwHead, pw.id, { username: 'carsonpw-mail', password: STRONG, apiTokens: [{ name: 'app', token: 'tok-mail-canary-5e6f' }] });
      expect(r.mail).toMatchObject({ status: 'sent', recipients: 1 });
      const got = smtp.received.slice(before);
      expect(got).toHaveLength(1);
      expect(got[0]!.to).toEqual(['it@carsonca.gov']);
      expect(got[0]!.from).toBe('crier@carsonca.gov');
      expect(got[0]!.raw).toMatch(/Subject: \[Crier\] Credentials (submitted|changed) for Carson Public Works on Bluesky/);
      for (const secret of [STRONG, 'tok-mail-canary-5e6f', 'carsonpw-mail']) expect(got[0]!.raw).not.toContain(secret);
      const row = await get().db.db.selectFrom('mail_outbox').selectAll().where('related_id', '=', pw.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    });

    it('[IV.A.14] a mail failure neither loses nor rolls back the credential: the failure is recorded and the mail sent later', async () => {
      const ctx = get();
      mailer.target = createSmtpMailer({ url: `smtp://127.0.0.1:${await deadPort()}?tls=off`, from: 'crier@carsonca.gov', timeoutMs: 2000 });
      const pw = await w.platform(PW_BLUESKY);
      const r = await ctx.vault.submit(w.pwHead, pw.id, { password: 'copper willow sonnet jigsaw 64' });
      expect(r.mail?.status).toBe('failed');
      const held = (await ctx.vault.listForPlatform(w.it, pw.id)).credentials.find((c) => c.kind === 'password')!;
      expect(held.id).toBe(r.secretIds[0]);
      expect((await ctx.vault.reveal(w.it, held.id, { reason: 'Verify after mail outage' })).secret.value).toBe('copper willow sonnet jigsaw 64');
      const failed = await ctx.db.db.selectFrom('mail_outbox').selectAll().where('id', '=', r.mail!.id).executeTakeFirstOrThrow();
      expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
      expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);
      // The in-app notice was written with the credential regardless.
      expect((await ctx.notifications.listFor(w.it, { relatedId: pw.id })).length).toBeGreaterThan(0);

      mailer.target = createSmtpMailer({ url: smtp.url, from: 'crier@carsonca.gov' });
      const before = smtp.received.length;
      const delivered = await ctx.vault.deliverMail();
      expect(delivered.find((d) => d.id === r.mail!.id)?.status).toBe('sent');
      expect(smtp.received.length).toBe(before + 1);
      expect(smtp.received.at(-1)!.raw).not.toContain('copper willow');
    }, 30_000);
  },
  { config: { vault: { key: testKey(), keyFile: undefined } }, mailer },
);
