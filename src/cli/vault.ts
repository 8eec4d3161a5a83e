import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config/index.ts';

/** `crier vault …`: key rotation, a decryption check, and owed e-mail. */
export function registerVaultCommands(program: Command): void {
  const vault = program.command('vault').description('The credential vault (IV.C.15(i)(ii)): master key rotation and checks');

  vault
    .command('check')
    .description('Verify that every held secret decrypts with the configured master key (prints no secret); exits 2 on any failure')
    .action(async () => {
      const { createContext } = await import('../main.ts');
      const ctx = await createContext(loadConfig(), { migrate: false });
      try {
        const r = await ctx.vault.check();
        if (r.ok) {
          console.log(`Vault OK: ${r.secrets} secret(s) decrypt with key ${r.keyFingerprint} (${r.keySource}).`);
        } else {
          console.error(`Vault check FAILED: ${r.failures.length} of ${r.secrets} secret(s) do not decrypt with key ${r.keyFingerprint} (${r.keySource}):`);
          for (const f of r.failures) console.error(`  ${f.secretId} (${f.kind} of platform ${f.platformId}): ${f.problem}`);
          process.exitCode = 2;
        }
      } finally {
        await ctx.db.close();
      }
    });

  vault
    .command('rotate-key')
    .description('Re-wrap every data key under a new master key, in one transaction (the old key opens, the new key seals)')
    .requiredOption('--new-key-file <file>', 'file holding the new key (base64 of 32 bytes)')
    .option('--generate', 'create the new key file (mode 0600) when it does not exist')
    .action(async (opts: { newKeyFile: string; generate?: boolean }) => {
      const { generateKey, readKeyFile, writeKeyFile } = await import('../modules/vault/index.ts');
      const file = resolve(opts.newKeyFile);
      if (!existsSync(file)) {
        if (!opts.generate) throw new Error(`${file} does not exist (add --generate to create a new key there)`);
        writeKeyFile(file, generateKey());
        console.log(`Generated a new key in ${file}.`);
      }
      const newKey = readKeyFile(file);
      const { createContext } = await import('../main.ts');
      const ctx = await createContext(loadConfig(), { migrate: false });
      try {
        const r = await ctx.vault.rotateKey(newKey);
        console.log(`Re-wrapped ${r.rewrapped} data key(s): key ${r.from} -> key ${r.to}.`);
        if (r.keyFileReplaced) console.log(`The generated key file ${r.keyFileReplaced} now holds the new key.`);
        else console.log(`Now set CRIER_VAULT_KEY_FILE=${file} (or CRIER_VAULT_KEY) for every Crier process, restart them, then destroy the old key.`);
      } finally {
        await ctx.db.close();
      }
    });

  vault
    .command('deliver-mail')
    .description('Send the e-mail still owed (written when credentials changed, not yet delivered)')
    .action(async () => {
      const { createContext } = await import('../main.ts');
      const ctx = await createContext(loadConfig(), { migrate: false });
      try {
        const r = await ctx.vault.deliverMail();
        const sent = r.filter((m) => m.status === 'sent').length;
        console.log(`${sent} sent, ${r.length - sent} still failing.`);
        if (r.length - sent) process.exitCode = 2;
      } finally {
        await ctx.db.close();
      }
    });
}
