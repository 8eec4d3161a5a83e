import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
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
export function describeE2E(name: string, body: (get: () => E2E) => void): void {
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
      const server = await startCrierServer();
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
    body(() => {
      if (!env) throw new Error('e2e environment not ready');
      return env;
    });
  });
}
