import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { toIso } from '../../src/kernel/codec.ts';
import { newId } from '../../src/kernel/ids.ts';
import { signedInPage } from '../support/auth.ts';
import { expectAccessible } from '../support/axe.ts';
import { newPage, watchPageErrors } from '../support/browser.ts';
import { describeE2E } from '../support/e2e.ts';
import type { CrierServer } from '../support/server.ts';

/** Waits until the page has its heading and nothing is still loading. */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.crier-loading').count()).toBe(0);
}

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

/** A comment the demo moderator removed under V.1, written straight to the tables. */
async function removedComment(server: CrierServer): Promise<string> {
  const db = server.ctx.db.db;
  const platform = await db.selectFrom('platforms').select('id').where('name', '=', 'Carson Public Works on Bluesky').executeTakeFirstOrThrow();
  const moderator = await db.selectFrom('persons').select('id').where('email', '=', 'moderator@carsonca.gov').executeTakeFirstOrThrow();
  const at = toIso(new Date());
  const id = newId();
  await db.insertInto('comments').values({ id, platform_id: platform.id, remote_id: `e2e-${id}`, post_id: null, post_remote_id: 'e2e-post', parent_remote_id: null, author_handle: 'e2e.resident', author_name: null, url: null, text: 'Off topic comment', version: 1, source: 'import', created_on_platform_at: at, captured_at: at, updated_at: at, deleted_on_platform_at: null, visibility: 'removed', review_state: 'decided', severity: 0, findings: '[]', legislative_person_id: null, retain_until: null }).execute();
  await db.insertInto('moderation_decisions').values({ id: newId(), comment_id: id, decision: 'remove', clauses: '["V.1"]', note: null, moderator_id: moderator.id, automatic: 0, decided_at: at, status: 'final', second_moderator_id: null, second_at: null, platform_action: 'done', platform_note: null, confirmed_by: null, confirmed_at: null }).execute();
  return id;
}

describeE2E('public comment pages, the appeal form and the staff pages for bans and appeals', (get) => {
  it('[V] [IV.C.11] the comment policy shows its version; the transparency report and the appeal form are public and accessible; hostile input stays text', async () => {
    const { server, browser } = get();
    const commentId = await removedComment(server);
    const { context, page } = await newPage(browser, server.url);
    const errors = watchPageErrors(page);
    try {
      await page.goto('/public/comment-policy');
      await settled(page);
      await expect.poll(async () => (await page.getByTestId('policy-version').textContent()) ?? '').toMatch(/version 2016-12-07, adopted/);
      await expectAccessible(page, 'comment policy');

      await page.goto('/public/disclaimers');
      await settled(page);
      await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toMatch(/version 2016-12-07/);
      await expectAccessible(page, 'disclaimers');

      await page.goto('/public/transparency');
      await settled(page);
      await expect.poll(async () => (await page.getByTestId('transparency-totals').textContent()) ?? '').toMatch(/1 removed/);
      await expectAccessible(page, 'transparency report');
      expect(await page.locator('main').textContent()).not.toMatch(/Morgan|e2e\.resident|Off topic comment/);

      await page.goto(`/public/appeal?comment=${commentId}`);
      await settled(page);
      await expectAccessible(page, 'appeal form');
      await page.getByLabel('Your name').fill(XSS);
      await page.getByLabel('Email or phone number').fill('resident@example.org');
      await page.getByLabel('Why should the decision change?').fill(`It was on topic. ${XSS}`);
      await page.getByRole('button', { name: 'Send appeal' }).click();
      const reference = (await page.getByTestId('appeal-reference').textContent())!.trim();
      await expectAccessible(page, 'appeal received');
      await page.getByRole('link', { name: 'See the status of your appeal' }).click();
      await expect.poll(async () => (await page.getByTestId('appeal-status').textContent()) ?? '').toMatch(/Waiting for a moderator/);
      await expectAccessible(page, 'appeal status');
      expect(await page.getByTestId('appeal-status').textContent()).not.toMatch(/resident@example\.org/);
      expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(reference).toMatch(/^[0-9a-f-]{36}$/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('[V] [IV.B] staff pages for bans, appeals, legislative accounts and moderation reports are accessible; an appeal is decided there', async () => {
    const { server, browser } = get();
    const { context, page } = await signedInPage(browser, server.url, server.account('public_information_analyst'));
    const errors = watchPageErrors(page);
    try {
      for (const path of ['/bans', '/legislative-accounts', '/moderation-reports', '/appeals']) {
        await page.goto(path);
        await settled(page);
        await expectAccessible(page, path);
      }
      // The appeal from the first test: the PIA did not make the decision, so may decide it.
      const appeal = page.locator('article').filter({ hasText: 'e2e.resident' }).first();
      await appeal.waitFor();
      expect(await appeal.textContent()).toContain(XSS);
      await appeal.getByLabel('Decision').selectOption('deny');
      await appeal.getByLabel('Note to the appellant').fill('The comment was about a different topic than the post.');
      await appeal.getByRole('button', { name: 'Record decision' }).click();
      await expect.poll(() => page.locator('article').filter({ hasText: 'e2e.resident' }).count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
