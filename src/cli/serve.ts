import type { Command } from 'commander';
import { loadConfig } from '../config/index.ts';

export function registerServeCommands(program: Command): void {
  program
    .command('migrate')
    .description('Bring the database schema up to date')
    .action(async () => {
      const config = loadConfig();
      const { migrateToLatest, openDatabase } = await import('../db/index.ts');
      const h = openDatabase(config.database);
      try {
        const applied = await migrateToLatest(h.db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      } finally {
        await h.close();
      }
    });

  program
    .command('serve')
    .description('Migrate, then serve the web UI and API')
    .option('--seed', 'seed the demo city first (idempotent)')
    .action(async (opts: { seed?: boolean }) => {
      const config = loadConfig();
      const { createContext, createHttpApp } = await import('../main.ts');
      const ctx = await createContext(config);
      if (opts.seed) {
        const { seedDemoCity, printDemoAccounts } = await import('../seed/demo.ts');
        const seeded = await seedDemoCity(ctx);
        printDemoAccounts(seeded, config.publicUrl);
      }
      const app = await createHttpApp(ctx, { logger: config.logLevel !== 'silent' });
      const close = async () => {
        await app.close();
        await ctx.db.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      console.log(`Crier is serving ${ctx.pack.name} on http://${config.host}:${port}  (database: ${ctx.db.dialect})`);
    });
}
