import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config/index.ts';

/** `crier comments …`: taking a platform's comment export file (docs/comment-import.md). */
export function registerCommentsCommands(program: Command): void {
  const comments = program.command('comments').description('Public comments on City platforms (SPEC §4)');

  comments
    .command('import')
    .description('Take a platform’s comment export (CSV or JSON lines, docs/comment-import.md); malformed lines are listed by number and the rest kept; exits 2 when any line was not taken')
    .requiredOption('--platform <id>', 'the Crier platform id the comments were made on')
    .option('--format <format>', 'csv or jsonl (default: from the file name)')
    .argument('<file>', 'the export file')
    .action(async (file: string, opts: { platform: string; format?: string }) => {
      const { formatOfName, MAX_IMPORT_BYTES, createCommentIntake } = await import('../modules/comment-intake/index.ts');
      const path = resolve(file);
      const format = opts.format ?? formatOfName(path);
      if (format !== 'csv' && format !== 'jsonl') throw new Error(`Say --format csv or --format jsonl (the file name ${basename(path)} does not tell)`);
      // Refused before it is read: the limit is the same as the HTTP route's.
      const size = statSync(path).size;
      if (size > MAX_IMPORT_BYTES) throw new Error(`${basename(path)} is ${(size / 1048576).toFixed(1)} MiB; at most ${MAX_IMPORT_BYTES / 1048576} MiB is taken at once (split it: each line stands alone)`);
      const content = readFileSync(path, 'utf8');
      const { createContext } = await import('../main.ts');
      const { systemActor } = await import('../kernel/actor.ts');
      const ctx = await createContext(loadConfig());
      try {
        const intake = createCommentIntake({ db: ctx.db.db, clock: ctx.clock, audit: ctx.audit, comments: ctx.comments });
        const r = await intake.importFile(systemActor('crier comments import'), { platformId: opts.platform, format, content, fileName: basename(path) });
        console.log(`${basename(path)}: ${r.records} comment record(s): ${r.created} new, ${r.edited} edited, ${r.deleted} deleted, ${r.unchanged} already known; ${r.malformed.length} malformed, ${r.refused.length} refused.`);
        for (const m of r.malformed) console.error(`  line ${m.line}: ${m.reason}`);
        for (const x of r.refused) console.error(`  line ${x.line} (${x.remoteId}): ${x.reason}${x.clauses ? ` [${x.clauses.join(', ')}]` : ''}`);
        if (r.malformed.length || r.refused.length) process.exitCode = 2;
      } finally {
        await ctx.db.close();
      }
    });
}
