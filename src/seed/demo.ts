import type { AppContext } from '../context.ts';

/** A demo account printed on start-up so a newcomer can sign in. */
export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  role: string;
  totpSecret?: string;
}

export interface SeedResult {
  created: boolean;
  accounts: DemoAccount[];
}

/** Seeds the demo city (idempotent). Filled in as the modules land. */
export async function seedDemoCity(_ctx: AppContext): Promise<SeedResult> {
  return { created: false, accounts: [] };
}

export function printDemoAccounts(result: SeedResult, url: string): void {
  console.log(`\nSign in at ${url}`);
  for (const a of result.accounts) console.log(`  ${a.role.padEnd(28)} ${a.email.padEnd(34)} ${a.password}${a.totpSecret ? `  (TOTP secret ${a.totpSecret})` : ''}`);
}
