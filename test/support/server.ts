import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/index.ts';
import type { AppContext } from '../../src/context.ts';
import type { Clock } from '../../src/kernel/clock.ts';
import { createContext, createHttpApp, WEB_ROOT } from '../../src/main.ts';
import { seedDemoCity, type DemoAccount } from '../../src/seed/demo.ts';

/** A real Crier server, in this process, on a random port, over a fresh data directory with the demo city. */
export interface CrierServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  ctx: AppContext;
  app: FastifyInstance;
  dataDir: string;
  /** The demo accounts the seed created (one person in every role). */
  accounts: DemoAccount[];
  /** The demo account holding a role: its label, or a role key matched against the start of the label ('it_manager' → 'IT Manager', 'department_head' → 'Department Head (Public Works)'). */
  account(role: string): DemoAccount;
  close(): Promise<void>;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, '');

/** Builds web/dist when it is missing (`npm test` builds it before vitest; `npm run test:e2e` alone may not). */
export async function ensureWebBuilt(): Promise<void> {
  if (existsSync(join(WEB_ROOT, 'index.html'))) return;
  console.log('[e2e] web/dist is missing: building the web UI (vite build) first');
  const { build } = await import('vite');
  await build({ configFile: join(WEB_ROOT, '..', 'vite.config.ts'), logLevel: 'warn' });
}

/** `clock`: the server's clock (default the real one), e.g. businessHoursClock() from ./clock.ts. */
export async function startCrierServer(options: { env?: Record<string, string>; clock?: Clock } = {}): Promise<CrierServer> {
  await ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'crier-e2e-'));
  // Serve a snapshot of web/dist: a rebuild in the same checkout (vite empties the folder) must not pull the pages from under a running test.
  const webRoot = join(dataDir, 'web');
  cpSync(WEB_ROOT, webRoot, { recursive: true });
  const config = loadConfig({ CRIER_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', ...options.env } as NodeJS.ProcessEnv);
  const ctx = await createContext(config, options.clock ? { clock: options.clock } : {});
  const seeded = await seedDemoCity(ctx);
  const app = await createHttpApp(ctx, { logger: false, webRoot });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    ctx,
    app,
    dataDir,
    accounts: seeded.accounts,
    account(role: string) {
      const found =
        seeded.accounts.find((a) => a.role === role || norm(a.role) === norm(role)) ??
        // Labels may carry a qualifier: 'Department Head (Public Works)', 'Employee (not yet authorized)'.
        seeded.accounts.find((a) => norm(a.role).startsWith(norm(role)));
      if (!found) throw new Error(`no demo account with role ${role} (have: ${seeded.accounts.map((a) => a.role).join(', ') || 'none'})`);
      return found;
    },
    async close() {
      await app.close();
      await ctx.db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
