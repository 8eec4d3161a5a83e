import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { freshTotpCode, signedInPage } from '../support/auth.ts';
import { expectAccessible } from '../support/axe.ts';
import { newPage, watchPageErrors } from '../support/browser.ts';
import { describeE2E } from '../support/e2e.ts';
import { apiGet, sessionPersonId } from '../support/ui.ts';

/**
 * axe-core finds no serious or critical violation (WCAG 2.1 A/AA and best practices — the ADA
 * Title II rule's standard) on any page: public pages, the sign-in steps, and every page a
 * signed-in user reaches.
 */

/** Waits until the page has its heading and nothing is still loading. */
async function settled(page: Page, heading?: RegExp): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.crier-loading').count()).toBe(0);
  if (heading) await expect.poll(async () => (await page.locator('main h1').first().textContent()) ?? '').toMatch(heading);
}

const PUBLIC_PAGES: { path: string; heading: RegExp }[] = [
  { path: '/sign-in', heading: /sign in/i },
  { path: '/public/comment-policy', heading: /comment/i },
  { path: '/public/disclaimers', heading: /disclaimer/i },
  { path: '/no-such-page', heading: /not found/i },
];

describeE2E('accessibility: public pages', (get) => {
  for (const { path, heading } of PUBLIC_PAGES) {
    it(`${path} has no serious or critical axe violation`, async () => {
      const { server, browser } = get();
      const { context, page } = await newPage(browser, server.url);
      const errors = watchPageErrors(page);
      try {
        await page.goto(path);
        await settled(page, heading);
        await expectAccessible(page, path);
        expect(errors.filter((e) => !/401|Unauthorized/i.test(e))).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describeE2E('accessibility: signed-in pages', (get) => {
  it('the authenticator set-up and the code step have no serious or critical axe violation', async () => {
    const { server, browser } = get();
    // The City Clerk must use a second factor and has not set one up yet.
    const clerk = server.account('city_clerk');
    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill(clerk.email);
      await page.getByLabel('Password').fill(clerk.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.locator('#totp-enroll-code').waitFor();
      await settled(page);
      await expectAccessible(page, 'authenticator set-up');
      const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
      clerk.totpSecret = secret;
      await page.locator('#totp-enroll-code').fill(await freshTotpCode(secret));
      await page.getByRole('button', { name: 'Confirm and continue' }).click();
      await page.getByTestId('signed-in-as').waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('Email').waitFor();

      await page.getByLabel('Email').fill(clerk.email);
      await page.getByLabel('Password').fill(clerk.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.locator('#totp-code').waitFor();
      await settled(page);
      await expectAccessible(page, 'authentication code step');
    } finally {
      await context.close();
    }
  });

  /** One signed-in City Manager page for the tour below (signing in is the slow part). */
  let cm: { page: Page; close(): Promise<void>; paths: Record<string, string> } | undefined;
  afterAll(async () => {
    await cm?.close();
  });
  async function cmPage(): Promise<NonNullable<typeof cm>> {
    if (cm) return cm;
    const { server, browser } = get();
    const { context, page } = await signedInPage(browser, server.url, server.account('city_manager'));
    const { platforms } = await apiGet<{ platforms: { id: string; status: string }[] }>(page, '/api/platforms');
    const { people } = await apiGet<{ people: { id: string; name: string }[] }>(page, '/api/people');
    const active = platforms.find((p) => p.status === 'active') ?? platforms[0]!;
    const requested = platforms.find((p) => p.status === 'requested') ?? platforms[0]!;
    cm = {
      page,
      close: () => context.close(),
      paths: {
        dashboard: '/',
        people: '/people',
        'own person page': `/people/${await sessionPersonId(page)}`,
        "an employee's person page": `/people/${people.find((p) => p.name === 'Sam Okafor')?.id ?? people[0]!.id}`,
        platforms: '/platforms',
        'an active platform': `/platforms/${active.id}`,
        'a requested platform': `/platforms/${requested.id}`,
        'third-party apps': '/apps',
        'audit log': '/audit',
        credentials: '/vault',
        posts: '/posts',
        'compose a post': '/posts/new',
        'a published post': `/posts/${(await apiGet<{ posts: { id: string; status: string }[] }>(page, '/api/posts?status=published')).posts[0]!.id}`,
        moderation: '/moderation',
        'off-duty work': '/offduty',
        'platform reviews': '/reviews',
      },
    };
    return cm;
  }

  for (const name of ['dashboard', 'people', 'own person page', "an employee's person page", 'platforms', 'an active platform', 'a requested platform', 'third-party apps', 'audit log', 'credentials', 'posts', 'compose a post', 'a published post', 'moderation', 'off-duty work', 'platform reviews']) {
    it(`the City Manager's ${name} has no serious or critical axe violation`, async () => {
      const { page, paths } = await cmPage();
      const errors = watchPageErrors(page);
      await page.goto(paths[name]!);
      await settled(page);
      await expectAccessible(page, `${name} (${paths[name]})`);
      expect(errors).toEqual([]);
    });
  }

  it("an employee's dashboard and own page have no serious or critical axe violation", async () => {
    const { server, browser } = get();
    const { context, page } = await signedInPage(browser, server.url, server.account('Employee (not yet authorized)'));
    try {
      for (const path of ['/', `/people/${await sessionPersonId(page)}`, '/platforms']) {
        await page.goto(path);
        await settled(page);
        await expectAccessible(page, `${path} (employee)`);
      }
    } finally {
      await context.close();
    }
  });
});
