import { expect, it } from 'vitest';
import { expectAccessible } from '../support/axe.ts';
import { newPage, watchPageErrors } from '../support/browser.ts';
import { describeE2E } from '../support/e2e.ts';

/** Pages anyone can open: axe-core finds no serious or critical violation (WCAG 2.1 AA, ADA Title II). */
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
        await expect.poll(async () => (await page.locator('main h1').first().textContent()) ?? '').toMatch(heading);
        await expectAccessible(page, path);
        expect(errors.filter((e) => !/401|Unauthorized/i.test(e))).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describeE2E('accessibility: signed-in pages', () => {
  it.todo('dashboard, people, a person, platforms, a platform, apps and the audit log have no serious or critical axe violation (needs the demo seed)');
});
