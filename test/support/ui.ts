import type { Page } from 'playwright-core';

/** Waits for a USWDS status tag (StatusTag renders data-status) inside the given region, or the page. */
export async function waitForStatus(page: Page, status: string, within = 'main'): Promise<void> {
  await page.locator(`${within} [data-status="${status}"]`).first().waitFor({ state: 'visible' });
}

/** Ticks a USWDS checkbox the way a person does: by clicking its label (the input itself is visually hidden). */
export async function tick(page: Page, label: string): Promise<void> {
  await page.locator('label.usa-checkbox__label', { hasText: label }).first().click();
}

/** GET an API path with the page's session cookie (for reading ids the test needs, never for the steps it checks). */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  if (!res.ok()) throw new Error(`GET ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** The text of the error alert(s) on the page, or '' when none shows. */
export async function errorAlertText(page: Page): Promise<string> {
  const alerts = page.getByTestId('error-alert');
  return (await alerts.count()) ? ((await alerts.allTextContents()).join(' | ').trim()) : '';
}

/** The signed-in person's id, from the session the page holds. */
export async function sessionPersonId(page: Page): Promise<string> {
  const s = await apiGet<{ person?: { id: string } | null }>(page, '/api/session');
  if (!s.person?.id) throw new Error('the page has no signed-in person');
  return s.person.id;
}
