import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DemoAccount } from '../../src/seed/demo.ts';
import { newPage } from './browser.ts';

const PERIOD = 30;
/** Where TOTP codes take "now" from: a test whose server runs on a shifted clock points this at that clock (the server checks codes against its own). */
export const totpClock = { now: (): number => Date.now() };
/** The last TOTP time step used per secret: the server refuses a code twice (anti-replay), so each sign-in needs a fresh step. */
const lastStep = new Map<string, number>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A TOTP code for a step this secret has not used yet (the server accepts one step either side of now). */
export async function freshTotpCode(secret: string): Promise<string> {
  for (;;) {
    const now = Math.floor(totpClock.now() / 1000 / PERIOD);
    const used = lastStep.get(secret) ?? -Infinity;
    const step = used < now ? now : used + 1;
    if (step <= now + 1) {
      lastStep.set(secret, step);
      return generate({ secret, period: PERIOD, epoch: step * PERIOD });
    }
    await sleep(1000);
  }
}

type SignInState = 'signed-in' | 'totp' | 'enroll' | 'error';

/** The sign-in step the page shows, once it shows one other than `previous` (an error always counts). */
async function nextState(page: Page, previous?: SignInState, timeoutMs = 30_000): Promise<SignInState> {
  // Locators, not page.waitForFunction: the app's CSP (script-src 'self') forbids evaluated strings.
  const states: [SignInState, ReturnType<Page['locator']>][] = [
    ['error', page.getByTestId('error-alert')],
    ['totp', page.locator('#totp-code')],
    ['enroll', page.locator('#totp-enroll-code')],
    ['signed-in', page.getByTestId('signed-in-as')],
  ];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const [state, l] of states) if (state !== previous && (await l.first().isVisible())) return state;
    await page.waitForTimeout(100);
  }
  throw new Error(`sign-in did not move past the ${previous ?? 'password'} step within ${timeoutMs / 1000} s`);
}

async function errorText(page: Page): Promise<string> {
  return (await page.locator('[data-testid="error-alert"]').first().textContent())?.trim() ?? 'unknown error';
}

/**
 * Signs in through the UI: email and password, then the second factor when the role needs it —
 * the code comes from the account's totpSecret (or, when the account has not enrolled yet, from
 * the secret the enrollment page shows, which is then kept on the account for later sign-ins).
 * Resolves when the signed-in layout shows.
 */
export async function signIn(page: Page, account: DemoAccount): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  let state = await nextState(page);
  if (state === 'error') throw new Error(`sign-in as ${account.email} failed: ${await errorText(page)}`);
  if (state === 'enroll') {
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim();
    if (!secret) throw new Error('TOTP enrollment page shows no secret');
    account.totpSecret = secret;
    await page.locator('#totp-enroll-code').fill(await freshTotpCode(secret));
    await page.getByRole('button', { name: 'Confirm and continue' }).click();
    state = await nextState(page, 'enroll');
  } else if (state === 'totp') {
    if (!account.totpSecret) throw new Error(`${account.email} must give a TOTP code but the demo account has no totpSecret`);
    await page.locator('#totp-code').fill(await freshTotpCode(account.totpSecret));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    state = await nextState(page, 'totp');
  }
  if (state !== 'signed-in') throw new Error(`sign-in as ${account.email} did not complete (${state}): ${state === 'error' ? await errorText(page) : ''}`);
}

/** A fresh browser context signed in as the account (each user gets their own cookies). */
export async function signedInPage(browser: Browser, baseURL: string, account: DemoAccount): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPage(browser, baseURL);
  await signIn(page, account);
  return { context, page };
}
