import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { signIn, signedInPage } from '../support/auth.ts';
import { expectAccessible } from '../support/axe.ts';
import { describeE2E } from '../support/e2e.ts';
import { apiGet, errorAlertText } from '../support/ui.ts';
import { XSS_PAYLOADS } from './fixtures/xss-payloads.ts';

interface Decision {
  decision: string;
  clauses: string[];
  status: string;
  platformAction: string;
  platformNote: string | null;
  moderatorName: string | null;
}
interface Comment {
  id: string;
  text: string;
  reviewState: string;
  visibility: string;
  decisions: Decision[];
}

/**
 * The moderation queue in the browser: a moderator clears it from the keyboard, each hide or
 * removal citing Section V clauses (V); removed comments stay on record (IV.C.11); comments are
 * hostile input and never run as code.
 */
describeE2E('moderation queue in the browser', (get) => {
  const open: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of open) await c.close();
  });
  let n = 0;
  const run = Date.now().toString(36);

  async function as(email: string): Promise<Page> {
    const { server, browser } = get();
    const { context, page } = await signedInPage(browser, server.url, server.accounts.find((a) => a.email === email)!);
    open.push(context);
    return page;
  }

  async function blueskyId(): Promise<string> {
    const row = await get().server.ctx.db.db.selectFrom('platforms').select('id').where('name', '=', 'Carson Public Works on Bluesky').executeTakeFirstOrThrow();
    return row.id;
  }

  /** Comments arrive as the Bluesky poller would deliver them. */
  async function ingest(comments: { text: string; handle: string; name?: string; url?: string }[]): Promise<string[]> {
    const platformId = await blueskyId();
    const result = await get().server.ctx.comments.ingest(
      comments.map((c) => ({
        platformId,
        remoteId: `at://did:plc:test/app.bsky.feed.post/${run}-${++n}`,
        postRemoteId: `at://did:plc:carsonpw/app.bsky.feed.post/${run}-post`,
        authorHandle: c.handle,
        authorName: c.name ?? null,
        text: c.text,
        createdAt: new Date().toISOString(),
        url: c.url ?? null,
        native: {},
      })),
      'poll',
    );
    expect(result.refused).toEqual([]);
    return result.ids;
  }

  const current = (page: Page) => page.locator('[data-testid="queue-list"] li[data-current="true"]').getAttribute('data-comment-id');
  const comment = (page: Page, id: string) => apiGet<Comment>(page, `/api/comments/${id}`);

  /** Moves through the queue with j (down) or p (up) until the comment is current. */
  async function goTo(page: Page, id: string): Promise<void> {
    const order = () => page.locator('[data-testid="queue-list"] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-comment-id')));
    for (let i = 0; i < 200 && (await current(page)) !== id; i++) {
      const before = await current(page);
      const ids = await order();
      expect(ids, 'the comment is in the queue').toContain(id);
      await page.keyboard.press(ids.indexOf(id) > ids.indexOf(before) ? 'j' : 'p');
      await expect.poll(() => current(page)).not.toBe(before);
    }
    expect(await current(page)).toBe(id);
  }

  /** Picks a clause with its number key (suggested clauses come first). */
  async function pickWithKey(page: Page, clause: string): Promise<void> {
    const order = await page.locator('[data-testid="clause-picker"] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-clause')));
    const at = order.indexOf(clause);
    expect(at, `${clause} is among the first nine clauses`).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(9);
    await page.keyboard.press(String(at + 1));
    await expect.poll(() => page.locator(`[data-testid="clause-picker"] li[data-clause="${clause}"] input`).isChecked()).toBe(true);
  }

  it('[V] [IV.C.11] a moderator clears the queue with the keyboard, citing clauses', async () => {
    const [question, spam, rude] = await ingest([
      { text: 'When does street sweeping on Avalon Blvd start on Tuesdays?', handle: `resident-${run}.bsky.social`, name: 'A Resident' },
      { text: 'BUY CHEAP followers now!!! 90% discount, DM me or visit https://cheap-followers.example/deal', handle: `promo-${run}.bsky.social` },
      { text: 'This is a damn joke, fix the potholes you idiots', handle: `angry-${run}.bsky.social` },
    ]);
    const page = await as('moderator@carsonca.gov');
    await page.getByRole('link', { name: 'Moderation', exact: true }).click();
    await page.getByRole('heading', { name: 'Moderation queue' }).waitFor();
    await page.locator('[data-testid="queue-list"] li[data-current="true"]').waitFor();

    // ? shows the shortcuts; Escape closes them.
    await page.locator('[data-testid="queue-list"] li[data-current="true"] button').focus();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden' });

    // j and p move through the queue; the live region says which comment is current.
    const first = await current(page);
    await page.keyboard.press('j');
    await expect.poll(() => current(page)).not.toBe(first);
    await page.keyboard.press('p');
    await expect.poll(() => current(page)).toBe(first);
    await expect.poll(() => page.getByTestId('moderation-announcer').textContent()).toContain('Comment by');

    // The question: no shortcut fires while typing in the note; then k keeps it.
    await goTo(page, question!);
    await expect.poll(() => page.getByTestId('post-context').textContent()).toContain('not published through Crier');
    await page.getByLabel('Note for the record (optional)').fill('');
    await page.getByLabel('Note for the record (optional)').pressSequentially('ok khr');
    expect(await current(page)).toBe(question);
    expect((await comment(page, question!)).decisions).toEqual([]);
    await page.locator('[data-testid="queue-list"] li[data-current="true"] button').focus();
    await page.keyboard.press('k');
    await expect.poll(async () => (await comment(page, question!)).reviewState).toBe('decided');
    const kept = (await comment(page, question!)).decisions;
    expect(kept).toMatchObject([{ decision: 'keep', clauses: [], status: 'final', moderatorName: 'Morgan Lee' }]);
    expect(await page.locator(`[data-testid="queue-list"] li[data-comment-id="${question}"]`).count()).toBe(0);
    await expect.poll(() => page.getByTestId('moderation-announcer').textContent()).toMatch(/Kept the comment by .*Next:/);

    // The spam: r without a clause is refused in the page (a reason is a clause); then pick V.7 with its key and remove.
    await goTo(page, spam!);
    await expect.poll(() => page.locator('[data-testid="comment-text"]').textContent()).toBe('BUY CHEAP followers now!!! 90% discount, DM me or visit https://cheap-followers.example/deal');
    // Links in comments are text, never links.
    expect(await page.locator('[data-testid="comment-text"] a').count()).toBe(0);
    await page.keyboard.press('r');
    await expect.poll(() => errorAlertText(page)).toContain('Pick the Section V clause');
    expect((await comment(page, spam!)).decisions).toEqual([]);
    await pickWithKey(page, 'V.7');
    await page.keyboard.press('r');
    // Bluesky cannot be reached from here: the platform action fails, and the page says so with a way to finish by hand.
    const work = page.getByTestId('platform-work');
    await work.waitFor();
    expect(await work.getAttribute('data-platform-action')).toBe('failed');
    expect(await work.textContent()).toContain('did not carry out the decision');
    expect(await page.getByTestId('platform-note').textContent()).toMatch(/refused/i);
    let removed = await comment(page, spam!);
    expect(removed.reviewState).toBe('open');
    expect(removed.visibility).toBe('visible');
    expect(removed.decisions).toMatchObject([{ decision: 'remove', clauses: ['V.7'], status: 'final', platformAction: 'failed' }]);
    await expect.poll(() => page.getByTestId('moderation-announcer').textContent()).toContain('Do it by hand, then confirm');
    await expectAccessible(page, 'queue with a failed platform action');
    await page.getByLabel('What you did (optional)').fill('Hid the reply in the Bluesky app');
    await page.getByRole('button', { name: 'Confirm done by hand' }).click();
    await expect.poll(async () => (await comment(page, spam!)).reviewState).toBe('decided');
    removed = await comment(page, spam!);
    // IV.C.11: the removed comment is still on record, with the clause it came down under.
    expect(removed.visibility).toBe('removed');
    expect(removed.text).toContain('BUY CHEAP followers');
    expect(removed.decisions).toMatchObject([{ decision: 'remove', clauses: ['V.7'], platformAction: 'manual_confirmed' }]);

    // The rude one: pick V.3 with its key and hide with h; confirm by hand.
    await goTo(page, rude!);
    await pickWithKey(page, 'V.3');
    await page.keyboard.press('h');
    await page.getByTestId('platform-work').waitFor();
    await page.getByRole('button', { name: 'Confirm done by hand' }).click();
    await expect.poll(async () => (await comment(page, rude!)).reviewState).toBe('decided');
    const hidden = await comment(page, rude!);
    expect(hidden.visibility).toBe('hidden');
    expect(hidden.decisions).toMatchObject([{ decision: 'hide', clauses: ['V.3'], platformAction: 'manual_confirmed' }]);
    expect(await page.locator(`[data-testid="queue-list"] li[data-comment-id="${rude}"]`).count()).toBe(0);
  });

  it('[V.7] a spam flood is removed in bulk citing V.7', async () => {
    const ids = await ingest([1, 2, 3].map((i) => ({ text: `Get rich quick #${i}: crypto giveaway, send 0.1 BTC to double it, limited offer`, handle: `flood${i}-${run}.bsky.social` })));
    const page = await as('moderator@carsonca.gov');
    await page.goto('/moderation');
    await page.locator('[data-testid="queue-list"] li[data-current="true"]').waitFor();
    for (const id of ids) {
      await goTo(page, id);
      await page.keyboard.press('x');
      await expect.poll(() => page.locator(`#select-${id}`).isChecked()).toBe(true);
    }
    const bar = page.getByTestId('bulk-bar');
    expect(await bar.getByRole('heading').textContent()).toBe('3 comments selected');
    expect(await page.getByLabel('Clause to cite').inputValue()).toBe('V.7');
    await bar.getByRole('button', { name: 'Remove selected' }).click();
    await expect.poll(() => page.getByTestId('moderation-announcer').textContent()).toContain('Removed 3 comments citing V.7');
    for (const id of ids) {
      const c = await comment(page, id);
      expect(c.decisions).toMatchObject([{ decision: 'remove', clauses: ['V.7'], status: 'final' }]);
    }
  });

  it('[V.7] the bulk bar still defaults to V.7 when the policy arrives after the queue', async () => {
    const [id = ""] = await ingest([{ text: `Limited offer: cheap followers, DM me now ${run}`, handle: `late-policy-${run}.bsky.social` }]);
    const page = await as('moderator@carsonca.gov');
    // Hold the policy back until a comment is selected: the bar mounts with no clauses to offer.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/policy', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/moderation');
    await page.locator('[data-testid="queue-list"] li[data-current="true"]').waitFor();
    await goTo(page, id);
    await page.keyboard.press('x');
    await expect.poll(() => page.locator(`#select-${id}`).isChecked()).toBe(true);
    const bar = page.getByTestId('bulk-bar');
    expect(await bar.getByRole('button', { name: 'Remove selected' }).isDisabled(), 'nothing to cite yet').toBe(true);
    release();
    await expect.poll(() => page.getByLabel('Clause to cite').inputValue()).toBe('V.7');
    expect(await bar.getByRole('button', { name: 'Remove selected' }).isDisabled()).toBe(false);
    await bar.getByRole('button', { name: 'Clear selection' }).click();
  });

  it('[V] OWASP XSS filter-evasion payloads posted as comments never execute', async () => {
    const ids = await ingest(XSS_PAYLOADS.map((text, i) => ({ text, handle: `xss${i}-${run}.bsky.social`, name: text, url: i % 2 ? 'javascript:window.__xss=1' : `https://bsky.app/profile/xss${i}/post/${i}` })));
    const { server, browser } = get();
    // CSP bypassed in this browser: the page itself must never turn the text into markup, whatever the header does.
    const context = await browser.newContext({ baseURL: server.url, bypassCSP: true, viewport: { width: 1280, height: 900 } });
    open.push(context);
    // The detector works: in this browser, markup with a handler does run and sets the flag.
    const probe = await context.newPage();
    await probe.setContent('<img src="x:" onerror="window.__xss=1">');
    await expect.poll(() => probe.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss)).toBe(1);
    await probe.close();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(page, server.accounts.find((a) => a.email === 'moderator@carsonca.gov')!);
    const response = await page.goto('/moderation');
    const csp = response?.headers()['content-security-policy'] ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc, `CSP: ${csp}`).toBe("'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');

    await page.locator('[data-testid="queue-list"] li[data-current="true"]').waitFor();
    while (await page.getByRole('button', { name: 'Load more' }).isVisible()) {
      const count = await page.locator('[data-testid="queue-list"] li').count();
      await page.getByRole('button', { name: 'Load more' }).click();
      await expect.poll(() => page.locator('[data-testid="queue-list"] li').count()).toBeGreaterThan(count);
    }
    const xssFlag = () => page.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss);
    for (const [i, id] of ids.entries()) {
      await page.locator(`[data-testid="queue-list"] li[data-comment-id="${id}"] button`).click();
      await page.locator(`[data-testid="comment-detail"][data-comment-id="${id}"]`).waitFor();
      const shown = await page.locator('[data-testid="comment-detail"] [data-testid="comment-text"]').textContent();
      expect(shown, `payload ${i} is shown literally`).toBe(XSS_PAYLOADS[i]);
      expect(await page.locator('#comment-heading').textContent()).toContain(XSS_PAYLOADS[i]);
      // Nothing from the comment became an element or a live link.
      expect(await page.locator('main [data-testid="comment-detail"] :is(script, iframe, object, embed, svg, img, style, base, meta, form[action], video, audio, input[autofocus], details, marquee, math)').count(), `payload ${i}`).toBe(0);
      expect(await page.locator('a[href^="javascript:" i], a[href^="data:" i], [onerror], [onload], [onfocus], [onmouseover], [srcdoc]').count(), `payload ${i}`).toBe(0);
      const links = await page.locator('[data-testid="comment-detail"] a[target="_blank"]').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel') })));
      for (const l of links) {
        expect(l.href).toMatch(/^https?:\/\//);
        expect(l.rel).toContain('nofollow');
        expect(l.rel).toContain('ugc');
        expect(l.rel).toContain('noopener');
      }
      expect(await xssFlag(), `payload ${i} ran`).toBeUndefined();
    }
    // Give any deferred handler (onload, autofocus, meta refresh) its chance.
    await page.waitForTimeout(500);
    expect(await xssFlag()).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(new URL(page.url()).pathname).toBe('/moderation');
  });

  it('the queue and the settings page pass axe; the City Manager sets automatic hiding and the two-person rule', async () => {
    await ingest([{ text: 'Thanks for fixing the light on Carson St!', handle: `thanks-${run}.bsky.social` }]);
    const moderator = await as('moderator@carsonca.gov');
    await moderator.goto('/moderation');
    await moderator.locator('[data-testid="queue-list"] li[data-current="true"]').waitFor();
    await expectAccessible(moderator, 'moderation queue');
    await moderator.locator('[data-testid="queue-list"] li[data-current="true"] button').focus();
    await moderator.keyboard.press('?');
    await moderator.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await expectAccessible(moderator, 'keyboard shortcuts dialog');
    await moderator.keyboard.press('Escape');
    await moderator.getByRole('link', { name: 'Moderation settings' }).click();
    await moderator.getByRole('heading', { name: 'Moderation settings' }).waitFor();
    expect(await moderator.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
    await expectAccessible(moderator, 'moderation settings (read only)');

    const cm = await as('cm@carsonca.gov');
    await cm.goto('/moderation/settings');
    await cm.getByRole('button', { name: 'Save settings' }).waitFor();
    await expectAccessible(cm, 'moderation settings (City Manager)');
    expect(await cm.getByLabel(/V\.4 — /).isDisabled()).toBe(true);
    await cm.locator('label[for="auto-V-7"]').click();
    await cm.locator('label[for="two-person"]').click();
    await cm.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => cm.getByTestId('settings-saved').textContent()).toBe('Settings saved.');
    const s = await apiGet<{ autoHideClauses: string[]; twoPersonRule: boolean }>(cm, '/api/moderation/settings');
    expect(s).toMatchObject({ autoHideClauses: ['V.7'], twoPersonRule: true });
  });
}, { server: { env: { CRIER_BLUESKY_SERVICE: 'http://127.0.0.1:9' } } });
