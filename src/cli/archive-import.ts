import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config/index.ts';

/** `crier archive import`: a platform's data download into the archive (marked imported). */
export function registerArchiveImportCommand(program: Command): void {
  const archive = program.commands.find((c) => c.name() === 'archive') ?? program.command('archive').description('The records archive');
  archive
    .command('import')
    .description('Bring a platform data download into the archive, marked imported (idempotent: records already archived are skipped); unreadable records are listed by position and line and the rest kept; exits 2 when any record was not taken')
    .requiredOption('--format <format>', 'facebook-page (posts/your_posts_1.json, comments.json) or x-archive (data/tweets.js and its parts)')
    .requiredOption('--file <path>', "the platform's ZIP download as downloaded, or one JSON or .js file from it")
    .option('--platform <id>', 'the Crier platform the account is registered as (files the records in its department)')
    .option('--account <handle>', "the account's own handle, when the platform does not say (its replies to itself are its own posts; replies to others are kept but not shown in the reading room)")
    .action(async (opts: { format: string; file: string; platform?: string; account?: string }) => {
      const { createContext } = await import('../main.ts');
      const { systemActor } = await import('../kernel/actor.ts');
      const { createArchiveImport } = await import('../modules/archive-import/index.ts');
      const ctx = await createContext(loadConfig());
      try {
        const importer = createArchiveImport({ db: ctx.db.db, dialect: ctx.db.dialect, pack: ctx.pack, audit: ctx.audit, archive: ctx.archive });
        const r = await importer.importFile(systemActor('crier archive import'), { format: opts.format, path: resolve(opts.file), platformId: opts.platform ?? null, accountHandle: opts.account ?? null });
        console.log(`${r.fileName} (sha256 ${r.fileSha256}, ${r.layout}, importer ${r.importerVersion}): ${r.records} record(s): ${r.added} added, ${r.skipped} already archived, ${r.malformed.length ? `${r.malformed.length} not taken` : 'none malformed'}.`);
        // A ZIP download: what each file in it gave, and the media files recorded.
        if (r.parts.length > 1 || r.parts[0]?.name !== r.fileName) {
          for (const p of r.parts) console.log(`  ${p.name} (${p.layout}): ${p.records} record(s), ${p.added} added, ${p.skipped} already archived${p.problems ? `, ${p.problems} not taken` : ''}`);
          console.log(`  ${r.mediaFiles} media file(s) recorded by SHA-256 in their records`);
        }
        for (const m of r.malformed) console.error(`  ${m.location}: ${m.problem}`);
        if (r.malformed.length) process.exitCode = 2;
      } finally {
        await ctx.db.close();
      }
    });
}
