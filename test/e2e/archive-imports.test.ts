import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeZip, tweetsPart } from '../archive-import/zip-support.ts';
import { signedInPage } from '../support/auth.ts';
import { expectAccessible } from '../support/axe.ts';
import { watchPageErrors } from '../support/browser.ts';
import { startClamd, type Clamd } from '../support/clamd.ts';
import { describeE2E } from '../support/e2e.ts';

async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.crier-loading').count()).toBe(0);
}

// The server reads its environment when it starts (after this file's beforeAll): clamd's socket goes in then.
const env: Record<string, string> = {};
let clamd: Clamd | undefined;
beforeAll(async () => {
  clamd = await startClamd();
  env.CRIER_CLAMD_SOCKET = clamd.socket;
}, 120_000);
afterAll(async () => clamd?.stop());

describeE2E(
  'archive imports and expired productions in the UI',
  (get) => {
    it('[IV.A.13] the City Clerk uploads an X archive ZIP and reads the report: each file, the record not taken and the records added, by position', async () => {
      const { server, browser } = get();
      const { context, page } = await signedInPage(browser, server.url, server.account('city_clerk'));
      const errors = watchPageErrors(page);
      try {
        await page.goto('/archive/imports');
        await settled(page);
        await expectAccessible(page, 'archive imports');
        const zip = await makeZip([
          { name: 'data/tweets.js', data: tweetsPart(0, [{ id: '2200000000000000001', text: 'Library opens Saturday' }]) },
          { name: 'data/tweets-part1.js', data: 'window.YTD.tweets.part1 = [\n  { "tweet": { "full_text": "no id here" } }\n]' },
        ]);
        await page.getByLabel('The download (ZIP as downloaded, or one JSON/JS file from it)').setInputFiles({ name: 'twitter-2026.zip', mimeType: 'application/zip', buffer: zip });
        await page.getByRole('button', { name: 'Upload and import' }).click();
        const report = page.locator('[data-import-report]');
        await expect.poll(async () => (await report.textContent()) ?? '', { timeout: 60_000 }).toMatch(/1 added, 0 already archived, 1 not taken/);
        expect(await page.locator('[data-import-malformed]').textContent()).toContain('data/tweets-part1.js record 1 (line 2): id_str is missing or not a tweet id');
        expect(await report.getByRole('row', { name: /data\/tweets\.js record 1 \(line 2\)/ }).textContent()).toContain('x:2200000000000000001');
        await expectAccessible(page, 'archive imports with a report');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('[IV.A.12] an expired production says so, with what its file was, and offers its custody log but no download link', async () => {
      const { server, browser } = get();
      const at = new Date().toISOString();
      await server.ctx.db.db.insertInto('productions').values({ id: 'e2e-expired-production', format: 'bagit', filters_json: '{}', bates_prefix: 'CARSON', status: 'expired', requested_by: null, requested_by_label: 'Clara Clerk', requested_at: at, started_at: at, heartbeat_at: at, finished_at: at, phase: null, item_count: 3, first_bates: 'CARSON-000001', last_bates: 'CARSON-000003', result_file: 'e2e-expired-production/crier-production-e2e.zip', result_bytes: 1000, result_sha256: 'a'.repeat(64), error: null, expired_at: at }).execute();
      const { context, page } = await signedInPage(browser, server.url, server.account('city_clerk'));
      try {
        await page.goto('/productions');
        await settled(page);
        const row = page.locator('tr[data-production="e2e-expired-production"]');
        expect(await row.textContent()).toMatch(/Expired.*the file was removed; its record and custody log are kept/);
        // No download: the only link left is the custody log, which outlives the file.
        expect(await row.getByRole('link').allTextContents()).toEqual(['Chain-of-custody log']);
        await expectAccessible(page, 'productions with an expired one');
      } finally {
        await context.close();
      }
    });
  },
  { server: { env } },
);
