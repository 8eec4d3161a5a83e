import type { Command } from 'commander';
import { loadConfig } from '../config/index.ts';

export function registerArchiveCommands(program: Command): void {
  const archive = program.command('archive').description('The records archive (append-only, hash-chained, sealed daily)');
  archive
    .command('verify')
    .description('Check every archived item and daily seal against the hash chain; exits non-zero naming the first bad item')
    .action(async () => {
      const { createContext } = await import('../main.ts');
      const ctx = await createContext(loadConfig(), { migrate: false });
      try {
        const started = Date.now();
        const r = await ctx.archive.verify();
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        if (r.ok) {
          const destroyed = r.destroyed ? `, ${r.destroyed} destroyed under approved dispositions (each matching its certificate)` : '';
          console.log(`Archive intact: ${r.items} items, ${r.seals} daily seals${destroyed}, head ${r.head.slice(0, 16)}… (${secs} s)`);
        } else {
          const b = r.firstBreak;
          const what = b.sealDate ? `seal ${b.sealDate}` : `item #${b.seq}${b.id ? ` (id ${b.id}, ${b.kind})` : ''}`;
          console.error(`Archive BROKEN at ${what}: ${b.problem}`);
          console.error(`${r.items} items and ${r.seals} seals before it verified.`);
          process.exitCode = 2;
        }
      } finally {
        await ctx.db.close();
      }
    });
  archive
    .command('seal')
    .description('Seal every complete City day not yet sealed (the scheduler does this daily)')
    .action(async () => {
      const { createContext } = await import('../main.ts');
      const ctx = await createContext(loadConfig());
      try {
        const sealed = await ctx.archive.tick();
        console.log(sealed.length ? `Sealed ${sealed.length} day(s): ${sealed[0]} … ${sealed[sealed.length - 1]}` : 'Nothing to seal.');
      } finally {
        await ctx.db.close();
      }
    });
}
