import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { signedInPage } from '../support/auth.ts';
import { describeE2E } from '../support/e2e.ts';
import { errorAlertText, waitForStatus } from '../support/ui.ts';

/**
 * A platform walked through its lifecycle in the browser by the people the policy names:
 * requested by a department (IV.C.14) → reviewed by the IT Manager → Council approval recorded
 * with its date and agenda item (IV.A.3) → activated once the profile checklist passes.
 */
describeE2E('platform lifecycle in the browser', (get) => {
  const name = `Carson Public Works Mastodon ${Date.now().toString(36)}`;
  let platformPath = '';
  const open: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of open) await c.close();
  });

  async function as(role: string): Promise<Page> {
    const { server, browser } = get();
    const { context, page } = await signedInPage(browser, server.url, server.account(role));
    open.push(context);
    return page;
  }

  it('[IV.C.14] a department head requests a platform for the department', async () => {
    const page = await as(get().server.accounts.some((a) => a.role === 'department_head') ? 'department_head' : 'city_manager');
    await page.goto('/platforms');
    await page.getByLabel('Platform name').fill(name);
    await page.getByLabel('Platform type').selectOption('mastodon');
    await page.getByLabel('Requesting department').selectOption({ label: 'Public Works' });
    await page.getByLabel('Purpose').fill('Street sweeping, closures and service updates for Carson residents.');
    await page.getByLabel('Handle').fill('@carsonpw@mastodon.social');
    await page.getByLabel('Account contact email').fill('publicworks@carsonca.gov');
    await page.getByLabel('Account contact phone').fill('+1 310 830 7600');
    await page.getByRole('button', { name: 'Request platform' }).click();
    await page.waitForURL(/\/platforms\/[^/]+$/);
    platformPath = new URL(page.url()).pathname;
    await expect.poll(() => page.locator('main h1').textContent()).toBe(name);
    await waitForStatus(page, 'requested');
  });

  it('[IV.A.3] the IT Manager reviews the request', async () => {
    const page = await as('it_manager');
    await page.goto(platformPath);
    await page.getByLabel('IT review notes').fill('Account settings and recovery contacts checked.');
    // IV.D.1: the IT Office assigns the department template at review (the checklist needs it).
    await page.getByLabel('Template assigned at review').fill('IT-TEMPLATE-2026');
    await page.getByRole('button', { name: 'Approve IT review' }).click();
    await waitForStatus(page, 'it_reviewed');
    expect(await errorAlertText(page)).toBe('');
  });

  it('[IV.A.3] the City Manager records the Council approval with its date and agenda item', async () => {
    const page = await as('city_manager');
    await page.goto(platformPath);
    await page.getByLabel('Council approved on').fill('2026-11-18');
    await page.getByLabel('Agenda item number').fill('14');
    await page.getByRole('button', { name: 'Record council approval' }).click();
    await waitForStatus(page, 'council_approved');
    await expect.poll(() => page.locator('#lifecycle').textContent()).toContain('agenda item 14');
  });

  it('[IV.A.3] activation is refused while the profile checklist fails, and succeeds once it passes', async () => {
    const page = await as('city_manager');
    await page.goto(platformPath);
    await page.getByRole('button', { name: 'Activate', exact: true }).click();
    await expect.poll(() => errorAlertText(page)).toMatch(/IV\.A\.3|IV\.A\.4|IV\.A\.15|IV\.A\.11|IV\.C\.9|IV\.C\.10/);

    const profile = page.locator('form[aria-label="Edit profile"]');
    await profile.getByLabel('Display name').fill('Carson Public Works');
    await profile.getByLabel('Seal or logo image').fill('https://ci.carson.ca.us/images/city-seal.png');
    await profile.getByLabel('Branding text').fill("The official platform of the City of Carson's Public Works Department");
    await profile.getByLabel('Official website link').fill('http://ci.carson.ca.us/');
    await profile.getByLabel('Privacy policy link').fill('http://ci.carson.ca.us/privacy-policy');
    await profile.getByLabel('Terms of use link').fill('http://ci.carson.ca.us/terms-of-use');
    for (const notice of ['public records disclaimer', 'not-a-public-forum notice', 'liability disclaimer']) {
      await profile.getByLabel(`How the ${notice} is given`).selectOption('text');
    }
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved.').waitFor();
    const failing = page.locator('[data-testid="profile-checklist"] tr[data-ok="false"]');
    await expect.poll(async () => (await failing.allTextContents()).join(' | ')).toBe('');

    await page.getByRole('button', { name: 'Activate', exact: true }).click();
    await waitForStatus(page, 'active');
  });
});
