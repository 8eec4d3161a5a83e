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
    .option('--no-jobs', 'do not run the scheduled jobs (publishing, mail, review tasks) in this process')
    .action(async (opts: { seed?: boolean; jobs: boolean }) => {
      const config = loadConfig();
      const { createContext, createHttpApp } = await import('../main.ts');
      const ctx = await createContext(config);
      if (opts.seed) {
        const { seedDemoCity, printDemoAccounts } = await import('../seed/demo.ts');
        const seeded = await seedDemoCity(ctx);
        printDemoAccounts(seeded, config.publicUrl);
      }
      const app = await createHttpApp(ctx, { logger: config.logLevel !== 'silent' });
      const { crierJobs } = await import('../jobs/index.ts');
      const jobs = crierJobs(ctx, { log: (line) => console.warn(`crier: ${line}`) });
      const close = async () => {
        await jobs.stop();
        await app.close();
        await ctx.db.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      if (opts.jobs) jobs.start();
      console.log(`Crier is serving ${ctx.pack.name} on http://${config.host}:${port}  (database: ${ctx.db.dialect})`);
    });

  program
    .command('worker')
    .description('Run the scheduled jobs (publish due posts, send owed mail, open review tasks) without serving HTTP')
    .option('--once', 'run every job once and exit')
    .action(async (opts: { once?: boolean }) => {
      const config = loadConfig();
      const { createContext } = await import('../main.ts');
      const { crierJobs } = await import('../jobs/index.ts');
      const ctx = await createContext(config);
      const jobs = crierJobs(ctx, { log: (line) => console.warn(`crier: ${line}`) });
      if (opts.once) {
        console.log(JSON.stringify(await jobs.runOnce()));
        await ctx.db.close();
        return;
      }
      const close = async () => {
        await jobs.stop();
        await ctx.db.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      jobs.start();
      console.log(`Crier worker running for ${ctx.pack.name} (database: ${ctx.db.dialect})`);
    });
}
