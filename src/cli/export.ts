import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config/index.ts';

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

interface ExportOptions {
  out: string;
  from?: string;
  to?: string;
  platform?: string[];
  department?: string[];
  kind?: string[];
  item?: string[];
  itemsFile?: string;
  request?: string;
  batesPrefix?: string;
  by?: string;
  gzip?: boolean;
  quiet?: boolean;
}

function withFilters(cmd: Command): Command {
  return cmd
    .option('--from <date>', 'captured on or after this City date (YYYY-MM-DD) or ISO instant')
    .option('--to <date>', 'captured on or before this City date (through its end) or before this ISO instant')
    .option('--platform <id>', 'only this platform (repeat, or separate with commas)', collect)
    .option('--department <id|code|city>', 'only this department folder; "city" for the City\'s own (repeat, or commas)', collect)
    .option('--kind <kind>', 'only this kind of record, e.g. post_version, comment, removal (repeat, or commas)', collect)
    .option('--item <id>', 'only this archive item (repeat, or commas)', collect)
    .option('--items-file <file>', 'only the archive item ids listed in this file, one per line')
    .option('--request <id|reference>', 'only the items collected for this public records request (e.g. PRR-2026-7K3QX9MD)')
    .option('--bates-prefix <prefix>', 'Bates number prefix (default: from the City\'s name, e.g. CARSON)')
    .option('--by <name>', 'who is making the production, for the chain-of-custody log (default: the OS user)')
    .option('--quiet', 'no progress lines');
}

async function run(format: 'bagit' | 'warc', o: ExportOptions): Promise<void> {
  const { createContext } = await import('../main.ts');
  const { systemActor } = await import('../kernel/actor.ts');
  const ctx = await createContext(loadConfig(), { migrate: false });
  try {
    const items = [...(o.item ?? []), ...(o.itemsFile ? (await readFile(o.itemsFile, 'utf8')).split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : [])];
    let lastShown = -1;
    const input = {
      out: resolve(o.out),
      filter: { from: o.from, to: o.to, platforms: o.platform, departments: o.department, kinds: o.kind, items, request: o.request },
      batesPrefix: o.batesPrefix,
      operator: o.by ?? userInfo().username,
      gzip: o.gzip,
      onProgress: (p: { phase: string; done: number; total: number }) => {
        const pct = p.total ? Math.floor((p.done / p.total) * 100) : 100;
        if (!o.quiet && (pct >= lastShown + 10 || p.phase !== 'writing')) {
          lastShown = pct;
          console.error(`${p.phase}: ${p.done.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} items`);
        }
      },
    };
    const started = Date.now();
    const actor = systemActor(`crier export ${format}`);
    const r = format === 'bagit' ? await ctx.productions.exportBagit(actor, input) : await ctx.productions.exportWarc(actor, input);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const range = r.firstBates ? `, Bates ${r.firstBates} to ${r.lastBates}` : '';
    console.log(`${format === 'bagit' ? 'BagIt bag' : 'WARC file'} written to ${r.path}: ${r.items} items${r.media ? ` and ${r.media} media files` : ''}${range} (${secs} s)`);
    console.log(`${format === 'bagit' ? 'manifest-sha256.txt' : 'file'} SHA-256: ${r.sha256}`);
  } finally {
    await ctx.db.close();
  }
}

/** `crier export bagit|warc`: productions of archived records (IV.A.12). */
export function registerExportCommands(program: Command): void {
  const exp = program.command('export').description('Productions of archived records (BagIt bags, WARC files) for records requests and e-discovery');
  withFilters(exp.command('bagit').description('Write a BagIt 1.0 bag (RFC 8493): native JSON, HTML with Bates numbers, media, CSV load file, chain of custody, FRE 902(14) certification').requiredOption('--out <dir>', 'the bag directory to create (must be new or empty)')).action((o: ExportOptions) => run('bagit', o));
  withFilters(exp.command('warc').description('Write a WARC 1.1 file of the rendered items (one resource record each)').requiredOption('--out <file>', 'the WARC file to create (must not exist; .warc.gz when gzipped)').option('--no-gzip', 'write an uncompressed WARC (default: gzip each record)')).action((o: ExportOptions) => run('warc', o));
}
