import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { signedInPage } from '../support/auth.ts';
import { expectAccessible } from '../support/axe.ts';
import { watchPageErrors } from '../support/browser.ts';
import { describeE2E } from '../support/e2e.ts';

async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.crier-loading').count()).toBe(0);
}

describeE2E('productions from the UI', (get) => {
  it('[IV.A.12] the City Clerk starts a BagIt production, watches it finish, downloads the zipped bag and opens its custody log', async () => {
    const { server, browser } = get();
    const { context, page } = await signedInPage(browser, server.url, server.account('city_clerk'));
    const errors = watchPageErrors(page);
    try {
      await page.goto('/productions');
      await settled(page);
      await expectAccessible(page, 'productions');
      await page.getByLabel('Bates prefix (optional)').fill('not valid!');
      await page.getByRole('button', { name: 'Start production' }).click();
      await expect.poll(async () => (await page.locator('#prod-bates-error').textContent()) ?? '').toMatch(/not a Bates prefix/);
      await page.getByLabel('Bates prefix (optional)').fill('PRR-1');
      await page.getByRole('button', { name: 'Start production' }).click();
      const row = page.locator('tr[data-production]').first();
      await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 60_000 }).toMatch(/Ready/);
      expect(await row.textContent()).toMatch(/PRR-1-000001/);
      await expectAccessible(page, 'productions with a finished one');
      const link = row.getByRole('link', { name: /^crier-production-[0-9a-f]{8}\.zip$/ });
      const res = await page.request.get((await link.getAttribute('href'))!);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/zip');
      expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
      // Its chain-of-custody log opens as text from the same row (and stays after the file expires).
      const custody = await page.request.get((await row.getByRole('link', { name: 'Chain-of-custody log' }).getAttribute('href'))!);
      expect(custody.status()).toBe(200);
      expect(await custody.text()).toMatch(/^CHAIN OF CUSTODY: production /);
      // The refused Bates prefix is the one 400 the browser logs.
      expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
