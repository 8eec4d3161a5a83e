import type { Command } from 'commander';
import { loadConfig } from '../config/index.ts';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The hash-chained audit trail');
  audit
    .command('verify')
    .description('Check every audit event against the hash chain; exits non-zero naming the first broken event')
    .action(async () => {
      const { createContext } = await import('../main.ts');
      const ctx = await createContext(loadConfig(), { migrate: false });
      try {
        const result = await ctx.audit.verify();
        if (result.ok) {
          console.log(`Audit chain intact: ${result.events} events, head ${result.head.slice(0, 16)}…`);
        } else {
          const b = result.firstBreak;
          console.error(`Audit chain BROKEN at event #${b.seq}${b.id ? ` (id ${b.id})` : ''}: ${b.problem}`);
          console.error(`${result.events} events before it verified.`);
          process.exitCode = 2;
        }
      } finally {
        await ctx.db.close();
      }
    });
}
