import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { signedInPage } from '../support/auth.ts';
import { expectAccessible } from '../support/axe.ts';
import { newPage, watchPageErrors } from '../support/browser.ts';
import { describeE2E } from '../support/e2e.ts';

async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.crier-loading').count()).toBe(0);
}

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

describeE2E('the public records request desk', (get) => {
  let reference = '';

  it('[IV.A.11] anyone requests records without signing in; no contact is refused naming the fields; the status page shows status and dates only', async () => {
    const { server, browser } = get();
    const { context, page } = await newPage(browser, server.url);
    const errors = watchPageErrors(page);
    try {
      await page.goto('/public/records-request');
      await settled(page);
      await expectAccessible(page, 'records request form');
      await page.getByLabel('Which records do you want?').fill(`Posts about the street fair ${XSS}`);
      await page.getByRole('button', { name: 'Send request' }).click();
      await expect.poll(async () => (await page.locator('#prr-email-error').textContent()) ?? '').toMatch(/at least one way to respond/);
      await expectAccessible(page, 'records request form with errors');
      await page.getByLabel('Email address').fill('resident@example.org');
      await page.getByRole('button', { name: 'Send request' }).click();
      reference = (await page.getByTestId('records-reference').textContent())!.trim();
      expect(reference).toMatch(/^PRR-\d{4}-[0-9A-Z]{8}$/);
      await page.getByRole('link', { name: 'See the status of your request' }).click();
      await expect.poll(async () => (await page.getByTestId('records-status').textContent()) ?? '').toMatch(/Determination due/);
      await expectAccessible(page, 'records request status');
      expect(await page.locator('main').textContent()).not.toMatch(/resident@example\.org|street fair/);
      expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
      // The refused first attempt is the one 400 the browser logs.
      expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('[IV.A.11] the City Clerk sees the desk with due dates, opens the request and extends it once on a ground', async () => {
    const { server, browser } = get();
    const { context, page } = await signedInPage(browser, server.url, server.account('city_clerk'));
    const errors = watchPageErrors(page);
    try {
      await page.goto('/records-requests');
      await settled(page);
      await expectAccessible(page, 'records desk');
      await page.getByRole('link', { name: reference }).click();
      await settled(page);
      await expect.poll(async () => (await page.getByTestId('records-request').textContent()) ?? '').toContain('resident@example.org');
      await expectAccessible(page, 'records request');
      expect(await page.getByTestId('records-request').textContent()).toContain(XSS);
      await page.getByLabel('Ground (Gov. Code 7922.535(c))').selectOption('voluminous');
      await page.getByLabel('Days (at most 14)').fill('14');
      await page.getByLabel('Written notice to the requester').fill('The request covers every comment on four platforms; we need 14 more days.');
      await page.getByRole('button', { name: 'Extend once' }).click();
      await expect.poll(async () => (await page.locator('#prr-timeline').textContent()) ?? '').toMatch(/Extended 14 days .*Voluminous records \(Gov\. Code 7922\.535\(c\)\(2\)\)/);
      await expect.poll(() => page.getByRole('button', { name: 'Extend once' }).count()).toBe(0);
      await expectAccessible(page, 'records request after extension');
      expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
