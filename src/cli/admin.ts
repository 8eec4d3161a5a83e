import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { loadConfig } from '../config/index.ts';

export function registerAdminCommands(program: Command): void {
  program
    .command('seed')
    .description('Seed the demo city (idempotent)')
    .action(async () => {
      const config = loadConfig();
      const { createContext } = await import('../main.ts');
      const ctx = await createContext(config);
      try {
        const { seedDemoCity, printDemoAccounts } = await import('../seed/demo.ts');
        printDemoAccounts(await seedDemoCity(ctx), config.publicUrl);
      } finally {
        await ctx.db.close();
      }
    });

  program
    .command('create-admin')
    .description('Create a person holding the IT Manager role (or --role) with a local account; prints a one-time password')
    .requiredOption('--email <email>', 'City e-mail address')
    .requiredOption('--name <name>', 'full name')
    .option('--title <title>', 'job title', 'Information Technology Manager')
    .option('--role <role>', 'role to grant (it_manager or city_manager)', 'it_manager')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .action(async (opts: { email: string; name: string; title: string; role: string; passwordStdin?: boolean }) => {
      if (opts.role !== 'it_manager' && opts.role !== 'city_manager') throw new Error('--role must be it_manager or city_manager');
      const password = opts.passwordStdin ? (await readStdin()).trim() : randomBytes(15).toString('base64url');
      const { createContext } = await import('../main.ts');
      const ctx = await createContext(loadConfig());
      try {
        const { systemActor } = await import('../kernel/actor.ts');
        const system = systemActor('create-admin');
        const person = await ctx.people.createPerson(system, { name: opts.name, email: opts.email, title: opts.title, departmentId: null });
        await ctx.people.grantRole(system, person.id, { role: opts.role as 'it_manager' | 'city_manager' });
        await ctx.identity.createLocalAccount(system, { personId: person.id, password });
        console.log(`Created ${opts.name} <${person.email}> as ${opts.role}.`);
        if (!opts.passwordStdin) console.log(`One-time password: ${password}\nSign in and change it; an authenticator app (TOTP) is set up at first sign-in.`);
      } finally {
        await ctx.db.close();
      }
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
