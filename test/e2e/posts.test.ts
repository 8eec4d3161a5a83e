import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { signedInPage, totpClock } from '../support/auth.ts';
import { expectAccessible } from '../support/axe.ts';
import { businessHoursClock } from '../support/clock.ts';
import { describeE2E } from '../support/e2e.ts';
import { apiGet, errorAlertText, tick, waitForStatus } from '../support/ui.ts';

/**
 * A post walked through the workflow in the browser by the people the policy names: composed by
 * an authorized employee with live findings, approved by the department head (IV.C.5), reviewed
 * by the IT Manager (IV.A.17), then published by the outbox onto the City feed. Posting steps are
 * refused outside business hours (IV.C.15(e)), so the server runs on a clock inside them.
 */
const clock = businessHoursClock(30);
totpClock.now = () => clock.now().getTime();

/**
 * A saved post's page. Not /posts/new, where the editor already is: matching it let a slow save
 * leave the test holding /posts/new as the post's path (CI under load, 27 November).
 */
const SAVED_POST = /\/posts\/(?!new$)[^/?]+$/;

describeE2E(
  'posts in the browser',
  (get) => {
    const title = `Avalon Blvd repaving ${Date.now().toString(36)}`;
    let postPath = '';
    let feedId = '';
    const open: BrowserContext[] = [];
    afterAll(async () => {
      for (const c of open) await c.close();
    });

    async function as(email: string): Promise<Page> {
      const { server, browser } = get();
      const account = server.accounts.find((a) => a.email === email);
      if (!account) throw new Error(`no demo account ${email}`);
      const { context, page } = await signedInPage(browser, server.url, account);
      open.push(context);
      return page;
    }

    /** Composes and submits a post to the Public Works news feed through the editor; returns its page path. */
    async function composeAndSubmit(page: Page, postTitle: string, text: string): Promise<string> {
      await page.goto('/posts/new');
      await page.getByLabel('Title', { exact: true }).fill(postTitle);
      await tick(page, 'Carson Public Works News');
      await page.getByLabel('Post text', { exact: true }).fill(text);
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.waitForURL(SAVED_POST);
      await page.getByRole('button', { name: 'Submit for approval' }).click();
      await waitForStatus(page, 'submitted');
      return new URL(page.url()).pathname;
    }

    it('[IV.C.5] [IV.A.17] walks a post from draft through both approvals to publication on the City feed', async () => {
      // The author composes: live findings while typing, then a draft, then submit.
      const poster = await as('jpatel@carsonca.gov');
      const platforms = await apiGet<{ platforms: { id: string; name: string }[] }>(poster, '/api/platforms');
      feedId = platforms.platforms.find((p) => p.name === 'Carson Public Works News')?.id ?? '';
      expect(feedId, 'the demo city has the Public Works news feed').not.toBe('');

      await poster.getByRole('link', { name: 'Posts', exact: true }).click();
      await poster.getByRole('link', { name: 'Compose a post' }).click();
      await poster.getByLabel('Title', { exact: true }).fill(title);
      await tick(poster, 'Carson Public Works News');
      await poster.getByLabel('Post text', { exact: true }).fill('Crews will repave Avalon Blvd between 213th St and 220th St on Tuesday. Expect delays.');
      // IV.A.4: no link back to the City website yet — the editor says so, with the clause.
      const linkBack = poster.locator('[data-testid="live-findings"] li[data-clause="IV.A.4"]');
      await linkBack.waitFor();
      expect(await linkBack.getAttribute('data-severity')).toBe('advice');
      expect(await linkBack.getByRole('link').textContent()).toContain('IV.A.4');
      await expectAccessible(poster, 'compose page');

      await poster.getByLabel('Post text', { exact: true }).fill('Crews will repave Avalon Blvd between 213th St and 220th St on Tuesday. Expect delays. Details: https://ci.carson.ca.us/publicworks');
      await linkBack.waitFor({ state: 'detached' });
      await expect.poll(() => poster.getByTestId('preview-' + feedId).textContent()).toContain('https://ci.carson.ca.us/publicworks');
      await poster.getByRole('button', { name: 'Save draft' }).click();
      await poster.waitForURL(SAVED_POST);
      postPath = new URL(poster.url()).pathname;
      await waitForStatus(poster, 'draft');
      await poster.getByRole('button', { name: 'Submit for approval' }).click();
      await waitForStatus(poster, 'submitted');
      expect(await errorAlertText(poster)).toBe('');
      // The author cannot approve their own post: no approve button for them.
      expect(await poster.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);

      // IV.C.5: the Public Works director finds it waiting and approves it.
      const director = await as('pw.director@carsonca.gov');
      await director.goto('/posts?view=awaiting');
      await director.getByRole('link', { name: title }).waitFor();
      await expectAccessible(director, 'posts awaiting my approval');
      await director.getByRole('link', { name: title }).click();
      await waitForStatus(director, 'submitted');
      await expectAccessible(director, 'post detail page');
      await director.getByLabel('Approval comment (optional)').fill('Checked the dates with the streets crew.');
      await director.getByRole('button', { name: 'Approve', exact: true }).click();
      await waitForStatus(director, 'approved');
      expect(await errorAlertText(director)).toBe('');
      await expect.poll(() => director.getByTestId('approvals-table').textContent()).toContain('Checked the dates with the streets crew.');

      // IV.A.17: the IT Manager (with TOTP) reviews it; it is scheduled on the feed.
      const it = await as('it@carsonca.gov');
      await it.goto(postPath);
      await waitForStatus(it, 'approved');
      await it.getByRole('button', { name: 'Complete IT review' }).click();
      await waitForStatus(it, 'scheduled');
      expect(await errorAlertText(it)).toBe('');

      // The outbox publisher (the server's job runner runs it every few seconds; here it is run once).
      const run = await get().server.ctx.posts.publisher().runDue();
      expect(run.published).toBe(1);
      await it.reload();
      await waitForStatus(it, 'published');
      await it.locator('[data-testid="publications-table"] tr[data-publication-status="published"]').waitFor();

      const feed = await it.request.get(`/feeds/${feedId}/atom.xml`);
      expect(feed.ok()).toBe(true);
      const xml = await feed.text();
      expect(xml).toContain(title);
      expect(xml).toContain('Avalon Blvd between 213th St and 220th St');
    });

    it('[IV.C.5] an approver returns a post only with a comment, and the author sees it', async () => {
      const poster = await as('jpatel@carsonca.gov');
      const path = await composeAndSubmit(poster, `Tree trimming ${Date.now().toString(36)}`, 'Tree trimming on Dolores St next week. Details: https://ci.carson.ca.us/publicworks');

      const director = await as('pw.director@carsonca.gov');
      await director.goto(path);
      await waitForStatus(director, 'submitted');
      await director.getByRole('button', { name: 'Reject', exact: true }).click();
      // No comment, no rejection: the field says why and takes the focus.
      const comment = director.getByLabel('Why it is returned (required)');
      await expect.poll(() => director.locator('#post-reject-comment-error').textContent()).toContain('Say why');
      await expect.poll(() => director.locator('#post-reject-comment:focus').count()).toBe(1);
      await waitForStatus(director, 'submitted');
      await comment.fill('Give the dates and the blocks affected.');
      await director.getByRole('button', { name: 'Reject', exact: true }).click();
      await waitForStatus(director, 'draft');

      await poster.reload();
      await waitForStatus(poster, 'draft');
      await expect.poll(() => poster.getByTestId('approvals-table').textContent()).toContain('Give the dates and the blocks affected.');
      await poster.getByRole('button', { name: 'Submit for approval' }).waitFor();
      // The author edits the returned draft in the same editor, filled in.
      await poster.getByRole('link', { name: 'Edit post' }).click();
      await expect.poll(() => poster.getByLabel('Post text', { exact: true }).inputValue()).toContain('Tree trimming on Dolores St');
      await expectAccessible(poster, 'edit page');
    });

    it('[IV.D.7(a)] a post with a blocking finding cannot be approved: the refusal names the clause', async () => {
      const poster = await as('jpatel@carsonca.gov');
      const path = await composeAndSubmit(poster, `Sidewalk repair ${Date.now().toString(36)}`, 'Sidewalk repair on Main St. Questions: call Bob at 310-555-1212. Details: https://ci.carson.ca.us/publicworks');

      const director = await as('pw.director@carsonca.gov');
      await director.goto(path);
      await director.locator('[data-testid="post-findings-block"] li[data-clause="IV.D.7(a)"]').first().waitFor();
      await director.getByRole('button', { name: 'Approve', exact: true }).click();
      await expect.poll(() => errorAlertText(director)).toContain('IV.D.7(a)');
      await waitForStatus(director, 'submitted');
    });
  },
  { server: { clock } },
);
