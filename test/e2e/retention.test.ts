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

describeE2E('records retention and legal holds', (get) => {
  it('[IV.A.13] the City Clerk proposes, the City Attorney consents in writing, the Clerk records the numbers and destroys; the certificate lists the record', async () => {
    const { server, browser } = get();
    const item = await server.ctx.db.db.transaction().execute((tx) =>
      server.ctx.archive.capture(tx, { kind: 'comment', sourceId: 'e2e-old-comment', departmentId: null, platformId: null, native: { text: 'A 2023 comment about the pier' }, renderedText: 'A 2023 comment about the pier', metadata: { createdOnPlatformAt: '2023-04-02T18:00:00.000Z' }, createdAt: '2023-04-02T18:00:00.000Z' }),
    );
    const clerk = await signedInPage(browser, server.url, server.account('city_clerk'));
    const errors = watchPageErrors(clerk.page);
    try {
      await clerk.page.getByRole('link', { name: 'Records retention' }).click();
      await settled(clerk.page);
      await expect.poll(async () => (await clerk.page.locator('main').textContent()) ?? '').toMatch(/Current year \+ 2, at least 2 years/);
      await expectAccessible(clerk.page, 'retention page');
      // USWDS draws the box on the label (the input itself is visually hidden): click the label, as a person does.
      await clerk.page.locator(`label[for="pick-${item.id}"]`).click();
      expect(await clerk.page.getByLabel(new RegExp(`^#${item.seq} comment`)).isChecked()).toBe(true);
      await clerk.page.getByLabel('Note for the City Attorney').fill('Comments of April 2023; retention ended 2026-01-01.');
      await clerk.page.getByRole('button', { name: /Propose 1 record/ }).click();
      await expect.poll(async () => (await clerk.page.locator('main').textContent()) ?? '').toMatch(/proposed/);
    } finally {
      await clerk.context.close();
    }

    const attorney = await signedInPage(browser, server.url, server.account('city_attorney'));
    try {
      await attorney.page.goto('/retention');
      await settled(attorney.page);
      await attorney.page.getByLabel('Written consent').fill('The City Attorney consents to the destruction of these records; nothing is pending.');
      await attorney.page.getByRole('button', { name: 'Consent', exact: true }).click();
      await expect.poll(async () => (await attorney.page.locator('main').textContent()) ?? '').toMatch(/Consent: Adrian Brooks/);
      await expectAccessible(attorney.page, 'retention page after consent');
    } finally {
      await attorney.context.close();
    }

    const again = await signedInPage(browser, server.url, server.account('city_clerk'));
    try {
      await again.page.goto('/retention');
      await settled(again.page);
      await again.page.getByLabel('Council resolution number').fill('Resolution No. 26-150');
      await again.page.getByLabel('Destruction authorization form number').fill('RDA-2026-015');
      await again.page.getByRole('button', { name: 'Record numbers' }).click();
      await again.page.getByRole('button', { name: 'Destroy', exact: true }).waitFor();
      again.page.once('dialog', (d) => void d.accept());
      await again.page.getByRole('button', { name: 'Destroy', exact: true }).click();
      await again.page.getByRole('button', { name: 'Destruction certificate' }).click();
      const cert = again.page.getByRole('region', { name: 'Destruction certificate' });
      await expect.poll(async () => (await cert.textContent()) ?? '').toMatch(new RegExp(`#${item.seq} comment ${item.id}: content ${item.contentSha256}`));
      expect(await cert.textContent()).toMatch(/Resolution No\. 26-150; form RDA-2026-015/);
      await expectAccessible(again.page, 'retention page with certificate');
      expect(await server.ctx.archive.verify()).toMatchObject({ ok: true });
      expect(errors).toEqual([]);
    } finally {
      await again.context.close();
    }
  });

  it('[IV.A.13] the City Attorney issues a legal hold; an inverted range is refused at its field; the custodian acknowledges it', async () => {
    const { server, browser } = get();
    const custodian = server.account('employee');
    const person = await server.ctx.db.db.selectFrom('persons').select('id').where('email', '=', custodian.email).executeTakeFirstOrThrow();
    const attorney = await signedInPage(browser, server.url, server.account('city_attorney'));
    try {
      await attorney.page.getByRole('link', { name: 'Legal holds' }).click();
      await settled(attorney.page);
      await attorney.page.getByLabel('Matter').fill('Claim of the pier contractor');
      await attorney.page.getByLabel('Custodian').selectOption(person.id);
      await attorney.page.getByLabel('From (City date)').fill('2025-06-01');
      await attorney.page.getByLabel('To (City date)').fill('2025-01-01');
      await attorney.page.getByRole('button', { name: 'Issue hold' }).click();
      await expect.poll(async () => (await attorney.page.locator('#hold-to-error').textContent()) ?? '').toMatch(/the date range is inverted/);
      await expectAccessible(attorney.page, 'legal hold form with errors');
      await attorney.page.getByLabel('To (City date)').fill('2025-12-31');
      await attorney.page.locator('fieldset', { hasText: 'Platforms' }).locator('label', { hasText: 'Carson Public Works on Bluesky' }).click();
      await attorney.page.getByRole('button', { name: 'Issue hold' }).click();
      await expect.poll(async () => (await attorney.page.locator('main table').textContent()) ?? '').toMatch(/Claim of the pier contractor/);
      expect(await attorney.page.locator('main table').textContent()).toMatch(/platforms: Carson Public Works on Bluesky; departments: all/);
    } finally {
      await attorney.context.close();
    }
    const employee = await signedInPage(browser, server.url, custodian);
    try {
      await employee.page.getByRole('link', { name: 'Legal holds' }).waitFor();
      await settled(employee.page);
      const errors = watchPageErrors(employee.page);
      await employee.page.goto('/legal-holds');
      await settled(employee.page);
      await employee.page.getByRole('button', { name: 'Acknowledge' }).click();
      await expect.poll(async () => (await employee.page.locator('main table').textContent()) ?? '').toMatch(/acknowledged/);
      await expectAccessible(employee.page, 'legal holds, custodian');
      // The custodian's page asks only for what they may read: no refused request in the console.
      expect(errors).toEqual([]);
    } finally {
      await employee.context.close();
    }
  });
});
