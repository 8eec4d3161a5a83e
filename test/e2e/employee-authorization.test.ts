import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { signedInPage, signIn } from '../support/auth.ts';
import { describeE2E } from '../support/e2e.ts';
import { apiGet, sessionPersonId, tick } from '../support/ui.ts';

interface PlatformRow {
  id: string;
  name: string;
  type: string;
  status: string;
  departmentId: string | null;
}

/**
 * An employee walked from designation to authorization in the browser (IV.A.2, IV.C.3):
 * designated by the department head (IV.C.5) → signs the Attachment A acknowledgement of the
 * current policy (IV.C.15(g)) → training and the provider's terms recorded (IV.C.6, IV.A.8) →
 * the person page shows the employee authorized for that platform.
 */
describeE2E('employee authorization in the browser', (get) => {
  const open: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of open) await c.close();
  });
  let designator: Page;
  let employee: Page;
  let employeeId = '';
  let platform: PlatformRow;

  async function as(role: string): Promise<Page> {
    const { server, browser } = get();
    const { context, page } = await signedInPage(browser, server.url, server.account(role));
    open.push(context);
    return page;
  }

  /** The authorization table's row for the platform, on the page's person view. */
  const row = (page: Page) => page.locator(`[data-testid="authorization-table"] tr[data-platform-id="${platform.id}"]`);

  it('[IV.C.5] the City Manager designates the employee for an active City platform', async () => {
    employee = await as('Employee (not yet authorized)');
    employeeId = await sessionPersonId(employee);
    // A City platform (no single department): the City Manager designates for those (IV.C.5).
    designator = await as('city_manager');
    const { platforms } = await apiGet<{ platforms: PlatformRow[] }>(designator, '/api/platforms');
    const candidates = platforms.filter((p) => p.status === 'active' && p.departmentId === null);
    expect(candidates.length, 'the demo city has an active City platform').toBeGreaterThan(0);
    platform = candidates[0]!;

    await designator.goto(`/people/${employeeId}`);
    await designator.locator('#designations').waitFor();
    await tick(designator, platform.name);
    await designator.getByRole('button', { name: 'Designate', exact: true }).click();
    await expect.poll(() => designator.getByTestId('designations').textContent()).toContain(platform.name);
    // Designated, but not yet authorized: the gate names what is missing.
    await expect.poll(() => row(designator).locator('[data-status]').first().getAttribute('data-status')).toBe('not authorized');
  });

  it('[Att.A] the employee signs the acknowledgement with the Attachment A form', async () => {
    await employee.goto(`/people/${employeeId}`);
    // Designated but not yet acknowledged: the gate names IV.C.15(g) (Attachment A).
    await expect.poll(async () => (await row(employee).textContent()) ?? '').toContain('IV.C.15(g)');
    const form = employee.locator('form[aria-label="Sign the acknowledgement"]');
    await form.waitFor();
    await expect.poll(async () => (await employee.getByTestId('attachment-a-text').textContent()) ?? '').toMatch(/acknowledge/i);
    const printed = await form.getByLabel('Printed name').inputValue();
    expect(printed.length).toBeGreaterThan(0);
    await form.getByLabel('Signature').fill(printed);
    const deptTitle = form.getByLabel('Department and title');
    if (!(await deptTitle.inputValue())) await deptTitle.fill('Community Services, Recreation Coordinator');
    await form.getByRole('button', { name: 'Sign acknowledgement' }).click();
    await expect.poll(async () => (await employee.getByTestId('acknowledgements').textContent()) ?? '').toContain(`Signed by ${printed}`);
    await form.waitFor({ state: 'detached' });
    await expect.poll(async () => (await row(employee).textContent()) ?? '').not.toContain('IV.C.15(g)');
  });

  it('[IV.C.6] the department head records training and the provider terms, and the person page shows the employee authorized', async () => {
    const head = await as('Department Head (Community Services)');
    await head.goto(`/people/${employeeId}`);
    // Acknowledged but untrained: the gate names IV.C.6.
    await expect.poll(async () => (await row(head).textContent()) ?? '').toContain('IV.C.6');
    const training = head.locator('#training');
    for (const kind of ['training', 'provider_terms']) {
      await training.getByLabel('Platform type').selectOption(platform.type);
      await training.getByLabel('Kind').selectOption(kind);
      await training.getByRole('button', { name: 'Record training' }).click();
      await expect.poll(async () => (await head.getByTestId('trainings').textContent()) ?? '').toContain(kind === 'training' ? 'Training' : 'terms acknowledged');
    }
    await expect.poll(() => row(head).locator('[data-status]').first().getAttribute('data-status')).toBe('authorized');
    // The employee sees the same on their own page.
    await employee.goto(`/people/${employeeId}`);
    await expect.poll(() => row(employee).locator('[data-status]').first().getAttribute('data-status')).toBe('authorized');
  });

  it("[IV.C.6] the training date defaults to the City's today when the policy arrives after the form", async () => {
    const { server, browser } = get();
    // A reader on UTC at 05:00 on 15 January: still the evening of the 14th in Carson (America/Los_Angeles).
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
    open.push(context);
    const page = await context.newPage();
    await signIn(page, server.account('Department Head (Community Services)'));
    await page.clock.setFixedTime(new Date('2026-01-15T05:00:00Z'));
    // Hold the policy (and with it the City's time zone) back until the training form shows.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/policy', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/people/${employeeId}`);
    const completedOn = page.locator('#training').getByLabel('Completed on');
    await completedOn.waitFor();
    expect(await completedOn.inputValue(), "the reader's own date while the policy is loading").toBe('2026-01-15');
    release();
    await expect.poll(() => completedOn.inputValue()).toBe('2026-01-14');
  });
});
