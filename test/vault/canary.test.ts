import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createMemoryMailer } from '../../src/adapters/mailer/index.ts';
import { buildApp } from '../../src/http/app.ts';
import { apiRoutes } from '../../src/http/routes/index.ts';
import type { PersonActor } from '../../src/kernel/actor.ts';
import { createVaultService, generateKey, masterKeySource } from '../../src/modules/vault/index.ts';
import { as, personaResolver } from '../api/personas.ts';
import { describeWithContext } from '../context.ts';
import { PW_BLUESKY, testKey, vaultWorld, type VaultWorld } from './support.ts';

/** Canary secrets: each carries the marker, which must never be seen anywhere but the one reveal. */
const MARK = '7Q2X';
const USER = `canaryuser${MARK}`;
/** Strong, and shares no word with the username (a password containing the username is refused). */
const PASS = 'zebra fjord quokka marlin canary-pass-kv';
const WEAK = `cnry${MARK}-w`;
const CODES = [`canary-rc-${MARK}-1`, `canary-rc-${MARK}-2`];
const TOKEN = `canary-token-${MARK}-zz`;
const CANARIES = [USER, PASS, WEAK, ...CODES, TOKEN];

const logLines: string[] = [];
const mailer = createMemoryMailer((line) => logLines.push(`mailer: ${line}`));

describeWithContext(
  'vault: canary secrets never leak (logs, responses, audit, notifications, mail, database rows)',
  (get) => {
    let w: VaultWorld;
    let app: FastifyInstance;
    const bodies: string[] = [];
    const consoleLines: string[] = [];

    beforeAll(async () => {
      const ctx = get();
      w = await vaultWorld(ctx);
      const personas = new Map<string, PersonActor>([
        ['it', w.it],
        ['cm', w.cm],
        ['pwhead', w.pwHead],
        ['auditor', w.auditor],
      ]);
      app = await buildApp(ctx, {
        sessions: personaResolver(personas),
        logger: { level: 'trace', stream: { write: (line: string) => void logLines.push(line) } },
        clauseTitle: (id) => ctx.pack.clauses.find((c) => c.id === id)?.title ?? null,
        routes: apiRoutes,
      });
      await app.ready();
      for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
        vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map(String).join(' ')));
      }
    }, 120_000);
    afterAll(async () => {
      vi.restoreAllMocks();
      await app?.close();
    });

    async function call(method: 'GET' | 'POST', url: string, who: string, payload?: unknown) {
      const res = await app.inject({ method, url, headers: { ...as(who), 'content-type': 'application/json' }, ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}) });
      return res;
    }

    it('[IV.C.15(i)(ii)] [IV.A.14] [IV.C.15(i)(i)] the main flows run, and no canary appears anywhere but the single reveal response', async () => {
      const ctx = get();
      const pw = await w.platform(PW_BLUESKY);
      const base = `/api/vault/platforms/${pw.id}/credentials`;
      const keep = (res: { body: string }) => bodies.push(res.body);

      // Submit (201), with the canaries.
      const submitted = await call('POST', base, 'pwhead', { username: USER, password: PASS, recoveryCodes: CODES, apiTokens: [{ name: 'app password', token: TOKEN, expiresAt: '2027-01-31' }] });
      keep(submitted);
      expect(submitted.statusCode).toBe(201);
      expect(submitted.json().mail).toMatchObject({ status: 'sent', recipients: 1 });

      // Refusals: weak password (403 with the clause), bad bodies (400), not allowed (403), unknown (404).
      const weak = await call('POST', base, 'pwhead', { password: WEAK });
      keep(weak);
      expect(weak.statusCode).toBe(403);
      expect(weak.json().error.clauses[0].id).toBe('IV.C.15(i)(i)');
      for (const bad of [{ password: PASS.repeat(10) }, { password: PASS, extra: TOKEN }, { apiTokens: [{ name: `bad/${MARK}`, token: TOKEN }] }, { recoveryCodes: [CODES[0]!.repeat(20)] }, { apiTokens: [{ name: 'x', token: TOKEN, expiresAt: '2001-01-01' }] }]) {
        const res = await call('POST', base, 'pwhead', bad);
        keep(res);
        expect(res.statusCode, JSON.stringify(res.json())).toBe(400);
      }
      keep(await call('POST', base, 'auditor', { password: PASS }));

      // Lists.
      for (const [url, who] of [
        ['/api/vault/credentials', 'it'],
        [base, 'it'],
        [`${base}?includeSuperseded=true`, 'cm'],
        [base, 'pwhead'],
        ['/api/vault/rotation-tasks', 'it'],
        [`/api/audit?targetId=${pw.id}`, 'it'],
        ['/api/notifications', 'it'],
      ] as const) {
        const res = await call('GET', url, who);
        keep(res);
        expect(res.statusCode, url).toBe(200);
      }

      // One reveal: the only place a secret may appear.
      const list = (await call('GET', base, 'it')).json() as { credentials: { id: string; kind: string }[] };
      const passwordId = list.credentials.find((c) => c.kind === 'password')!.id;
      const revealed = await call('POST', `/api/vault/secrets/${passwordId}/reveal`, 'it', { reason: 'Canary check of the reveal flow' });
      expect(revealed.statusCode).toBe(200);
      expect(revealed.json().secret.value).toBe(PASS);
      expect(revealed.json().expiresAt).toBeTruthy();
      expect(revealed.headers['cache-control']).toMatch(/no-store/);

      // Failed reveals.
      keep(await call('POST', `/api/vault/secrets/${passwordId}/reveal`, 'pwhead', { reason: 'I want to see it' }));
      keep(await call('POST', `/api/vault/secrets/${passwordId}/reveal`, 'it', {}));
      keep(await call('POST', `/api/vault/secrets/${passwordId}/reveal`, 'it', { reason: 'x' }));
      keep(await call('POST', `/api/vault/secrets/does-not-exist/reveal`, 'it', { reason: 'Looking for nothing' }));

      // A connector's use, a check, a key rotation, a wrong key, owed mail.
      expect(await ctx.vault.tokenFor(pw.id)).toBe(TOKEN);
      expect((await ctx.vault.check()).ok).toBe(true);
      await ctx.vault.rotateKey(generateKey());
      expect((await ctx.vault.check()).ok).toBe(true);
      const wrong = createVaultService({ ...ctx, db: ctx.db.db, dialect: ctx.db.dialect, mailer, keys: masterKeySource({ key: generateKey().toString('base64'), dataDir: '/nonexistent' }) });
      const err = await wrong.reveal(w.it, passwordId, { reason: 'Wrong key attempt' }).catch((e: unknown) => e as Error);
      bodies.push(String((err as Error).message));
      const failures = await wrong.check();
      bodies.push(JSON.stringify(failures));
      await ctx.vault.deliverMail();
      expect(mailer.sent.length).toBeGreaterThan(0);

      // Everything that was written or said.
      const dump: string[] = [];
      const tables = (await ctx.db.db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
      for (const t of tables) {
        const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(ctx.db.db)).rows;
        for (const r of rows) {
          // Ciphertext is random base64: the marker could appear in it by chance; the canaries cannot.
          const { ciphertext: _c, wrapped_key: _k, ...rest } = r;
          dump.push(`${t}: ${JSON.stringify(rest)}`);
          if (t === 'credential_secrets') dump.push(`${t}/sealed: ${String(_c)} ${String(_k)}`.replaceAll(MARK, '----'));
        }
      }
      const haystacks: [string, string[]][] = [
        ['log lines', logLines],
        ['console', consoleLines],
        ['response bodies', bodies],
        ['mail', mailer.sent.map((m) => JSON.stringify(m))],
        ['database rows (audit, notifications, outbox, reveals, tasks…)', dump],
      ];
      expect(logLines.length).toBeGreaterThan(5);
      expect(dump.some((d) => d.startsWith('audit_events:') && d.includes('vault.secret_revealed'))).toBe(true);
      for (const [where, lines] of haystacks) {
        for (const line of lines) {
          for (const c of CANARIES) expect(line.includes(c), `${where} contains canary ${c}: ${line.slice(0, 300)}`).toBe(false);
          expect(line.includes(MARK), `${where} contains the canary marker: ${line.slice(0, 300)}`).toBe(false);
        }
      }
    }, 120_000);
  },
  { config: { vault: { key: testKey(), keyFile: undefined }, logLevel: 'trace' }, mailer },
);
