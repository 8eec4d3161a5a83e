import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { systemActor } from '../../src/kernel/actor.ts';
import { signedInPage } from '../support/auth.ts';
import { expectAccessible } from '../support/axe.ts';
import { watchPageErrors } from '../support/browser.ts';
import { describeE2E } from '../support/e2e.ts';

async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.crier-loading').count()).toBe(0);
}

const TEXT = 'Thanks for fixing the drain. Call Jane Roe at 310-555-0142 if it floods again.';

describeE2E('redacting a records request production', (get) => {
  it('[IV.A.11] the City Clerk selects text from the keyboard, marks it redacted with an exemption, and the copy and the log show it', async () => {
    const { server, browser } = get();
    const ctx = server.ctx;
    const request = await ctx.recordsRequests.create(systemActor('e2e'), { description: 'Comments on the drain repair post', email: 'resident@example.org' });
    const item = await ctx.db.db.transaction().execute((tx) => ctx.archive.capture(tx, { kind: 'comment', sourceId: 'e2e-redaction-comment', departmentId: null, platformId: null, native: { text: TEXT }, renderedText: TEXT }));
    const { context, page } = await signedInPage(browser, server.url, server.account('city_clerk'));
    const errors = watchPageErrors(page);
    try {
      await page.goto(`/records-requests/${request.id}`);
      await settled(page);
      await page.getByLabel('Archive item id').fill(item.id);
      await page.getByRole('button', { name: 'Open item' }).click();
      const area = page.getByLabel('Item text');
      await area.waitFor();
      await expectAccessible(page, 'redaction screen');
      // Keyboard only: focus the text, move to "Jane", select "Jane Roe" with Shift + arrows.
      await area.focus();
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < TEXT.indexOf('Jane'); i++) await page.keyboard.press('ArrowRight');
      for (let i = 0; i < 'Jane Roe'.length; i++) await page.keyboard.press('Shift+ArrowRight');
      await expect.poll(() => page.getByLabel('Start (characters from the beginning)').inputValue()).toBe(String(TEXT.indexOf('Jane')));
      expect(await page.getByLabel('End (exclusive)').inputValue()).toBe(String(TEXT.indexOf('Jane') + 8));
      await page.getByLabel('Exemption', { exact: true }).selectOption({ label: 'Gov. Code 7927.700: Personnel, medical, or similar files: an unwarranted invasion of personal privacy' });
      await page.getByRole('button', { name: 'Redact', exact: true }).click();
      // Typing does not change the archived text.
      await page.keyboard.type('x');
      await page.keyboard.press('Backspace');
      expect(await area.inputValue()).toBe(TEXT);
      await expect.poll(async () => (await page.getByTestId('redacted-text').textContent()) ?? '').toBe('Thanks for fixing the drain. Call [Redacted #1: Gov. Code 7927.700] at 310-555-0142 if it floods again.');
      const log = page.getByTestId('redaction-log');
      await expect.poll(async () => (await log.textContent()) ?? '').toMatch(/Gov\. Code 7927\.700.*In force/);
      expect(await log.textContent()).not.toContain('Jane');
      await expectAccessible(page, 'redaction screen with a redaction');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
