import type { Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { chromiumMissingReason, launchBrowser } from './browser.ts';
import { startCrierServer, type CrierServer } from './server.ts';

export interface E2E {
  server: CrierServer;
  browser: Browser;
}

const inCI = () => !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

/**
 * describe() for browser tests: one Crier server (fresh data dir, demo city) and one Chromium for
 * the block. Without Chromium the block is skipped with a message — except in CI, which must
 * install it, so there a missing Chromium fails.
 */
export function describeE2E(name: string, body: (get: () => E2E) => void, options: { server?: Parameters<typeof startCrierServer>[0] } = {}): void {
  const missing = chromiumMissingReason();
  if (missing) {
    if (inCI()) {
      describe(name, () => {
        it('has Chromium to run the browser tests (CI installs Debian chromium)', () => {
          throw new Error(missing);
        });
      });
      return;
    }
    console.warn(`[e2e] browser tests SKIPPED: ${missing}`);
    describe.skip(name, () => body(() => {
      throw new Error('skipped');
    }));
    return;
  }
  describe(name, () => {
    let env: E2E | undefined;
    beforeAll(async () => {
      const server = await startCrierServer(options.server);
      try {
        env = { server, browser: await launchBrowser() };
      } catch (e) {
        await server.close();
        throw e;
      }
    });
    afterAll(async () => {
      await env?.browser.close();
      await env?.server.close();
    });
    // On a failure, a screenshot of every open page goes to test-results/e2e/ (CI prints the path).
    beforeEach((ctx) => {
      ctx.onTestFailed(async () => {
        if (!env) return;
        const dir = join('test-results', 'e2e');
        mkdirSync(dir, { recursive: true });
        const slug = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
        let n = 0;
        for (const c of env.browser.contexts()) {
          for (const p of c.pages()) {
            const file = join(dir, `${slug}-${++n}.png`);
            await p.screenshot({ path: file, fullPage: true }).catch(() => undefined);
            console.error(`[e2e] screenshot of ${p.url()} → ${file}`);
          }
        }
      });
    });
    body(() => {
      if (!env) throw new Error('e2e environment not ready');
      return env;
    });
  });
}
