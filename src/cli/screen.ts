/**
 * `crier screen` — screening from the command line (issue 3).
 *
 *   crier screen --kind comment|post [--platform ID] [--config FILE] [--no-language]
 *       reads JSON lines {"id","text","context"?} (posts may add "platform", "images", "videos",
 *       "hashtags", "date") on stdin and writes {"id","findings":[…]} lines on stdout, in order,
 *       one per valid input line. Streaming: memory does not grow with the input. A line that is
 *       not valid JSON (or has no string "text") is reported on stderr with its line number and
 *       the stream goes on; blank lines are skipped.
 *   crier screen --text "…" [--kind …] [--context "…"]   prints a readable report.
 *
 * The configuration is built from the loaded policy pack (CRIER_POLICY_DIR or --policy, else the
 * bundled Carson pack) by the same builder as the server, so a city's own pack is honoured;
 * --config FILE merges JSON over it.
 *
 * The CLI owner wires `registerScreenCommand(program)` into src/cli/index.ts.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { SCREENING_CONFIG_VERSION, type ScreeningConfig } from '../screening/config.ts';
// the pack's files without its parser: policy/index.ts would load YAML and zod (~1 MB of the
// screen bundle) at every start, and they are needed only when the configuration cache misses
import { defaultPackDir, readPackFiles } from '../policy/loader.ts';
import { screenComment, screenPost } from '../screening/engine.ts';
import type { HunspellDictionary } from '../screening/language.ts';
import type { PostInput } from '../screening/rule.ts';
import type { Finding } from '../screening/types.ts';
import { eachLine } from './screen-lines.ts';


export interface ScreenStreamOptions {
  kind: 'comment' | 'post';
  platform?: string;
  config?: ScreeningConfig;
  /** Posts: run the async spelling / grammar / readability pass too. */
  language?: boolean;
  dictionary?: HunspellDictionary;
}

export interface ScreenStreamResult { lines: number; screened: number; invalid: number }

const FLUSH_AT = 64 * 1024;
const NON_BLANK = /\S/;

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

/** Screen a JSON-lines stream. Output order is input order. */
export async function screenStream(input: Readable, output: Writable, errors: Writable, opts: ScreenStreamOptions): Promise<ScreenStreamResult> {
  // retext loads only when posts are screened for language (faster start for comments); before
  // the line reader exists, so no line is emitted while we wait
  const screenPostLanguage = opts.kind === 'post' && opts.language ? (await import('../screening/language.ts')).screenPostLanguage : null;
  const result: ScreenStreamResult = { lines: 0, screened: 0, invalid: 0 };
  let buffer = '';

  const parse = (line: string): Record<string, unknown> | null => {
    try {
      const parsed: unknown = JSON.parse(line);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
      const rec = parsed as Record<string, unknown>;
      if (typeof rec.text !== 'string') throw new Error('"text" must be a string');
      return rec;
    } catch (e) {
      result.invalid++;
      errors.write(`line ${result.lines}: invalid input: ${(e as Error).message}\n`);
      return null;
    }
  };

  if (opts.kind === 'comment') {
    const base = opts.config ? { config: opts.config } : {};
    // Comments screen synchronously: handle each line as it is split off (no per-line promise),
    // pause the input while the output drains, so memory stays flat.
    await new Promise<void>((resolve, reject) => {
      eachLine(input, {
        line(line) {
          result.lines++;
          if (!NON_BLANK.test(line)) return; // no trimmed copy per line
          const rec = parse(line);
          if (!rec) return;
          const findings = screenComment(rec.text as string, typeof rec.context === 'string' ? { ...base, context: rec.context } : base);
          result.screened++;
          buffer += JSON.stringify({ id: rec.id ?? null, findings }) + '\n';
          if (buffer.length >= FLUSH_AT) {
            const ok = output.write(buffer);
            buffer = '';
            if (!ok) {
              input.pause();
              output.once('drain', () => input.resume());
            }
          }
        },
        end: resolve,
        error: reject,
      });
    });
    if (buffer) await write(output, buffer);
    return result;
  }

  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    result.lines++;
    if (!NON_BLANK.test(line)) continue;
    const rec = parse(line);
    if (!rec) continue;
    const post = { ...(rec as unknown as PostInput) };
    if (!post.platform && opts.platform) post.platform = opts.platform;
    let findings = screenPost(post, opts.config);
    if (screenPostLanguage) findings = findings.concat(await screenPostLanguage(post, opts.config, opts.dictionary ? { dictionary: opts.dictionary } : {}));
    result.screened++;
    buffer += JSON.stringify({ id: rec.id ?? null, findings }) + '\n';
    if (buffer.length >= FLUSH_AT) {
      await write(output, buffer);
      buffer = '';
    }
  }
  if (buffer) await write(output, buffer);
  return result;
}

/** Human-readable report of findings for one text. */
export function formatReport(text: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No findings.\n';
  const blocks = findings.filter((f) => f.severity === 'block').length;
  const lines = [`${findings.length} finding(s), ${blocks} blocking:`];
  for (const f of findings) {
    const where = f.span ? ` at ${f.span.start}–${f.span.end} "${f.span.text.length > 60 ? f.span.text.slice(0, 57) + '…' : f.span.text}"` : '';
    lines.push(`  [${f.severity.toUpperCase()}] ${f.clause} ${f.ruleId} (${f.score.toFixed(2)}): ${f.message}${where}`);
  }
  void text;
  return lines.join('\n') + '\n';
}

/** The screen command's options, as commander gives them (screen-main.ts reads the usual ones itself). */
export interface CliOptions { kind: string; platform?: string; text?: string; context?: string; config?: string; policy?: string; language: boolean }

/** FNV-1a of a string's UTF-16 units, as 8 hex digits: a cache file's name, not its check. */
function nameHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The pack's screening configuration. Parsing and validating the pack (YAML + zod, 125 clauses)
 * is a good part of start-up, so the built configuration is kept in a cache file with the pack's
 * files it was built from, and used only while they are the same: any change to the pack builds
 * it again. The file is named by a quick hash of those files (a digest from node:crypto, which
 * this once needed, cost ~8 ms of every start to load). The parser and the builder are imported
 * only when the cache misses.
 */
async function packConfig(dir: string): Promise<ScreeningConfig> {
  const files = readPackFiles(dir);
  // names in code-unit order: localeCompare would build an ICU collator (~5 % of start-up)
  const source = JSON.stringify(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  // beside the screen bundle (bin/crier-screen.js); found from the bundled pack's folder, so it
  // needs no import.meta of its own
  const cacheFile = join(defaultPackDir(), '../../../../node_modules/.cache/crier', `screening-config-${SCREENING_CONFIG_VERSION}-${nameHash(source)}.json`);
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { source?: unknown; config?: ScreeningConfig };
    if (cached.source === source && cached.config) return cached.config;
  } catch {
    /* no cache yet, or unreadable: built below */
  }
  const [{ parsePack }, { screeningConfigFromPack }] = await Promise.all([import('../policy/index.ts'), import('../modules/screening/index.ts')]);
  const config = screeningConfigFromPack(parsePack(files));
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(`${cacheFile}.${process.pid}`, JSON.stringify({ source, config }));
    renameSync(`${cacheFile}.${process.pid}`, cacheFile);
  } catch {
    /* no cache (read-only install): built every time */
  }
  return config;
}

/** The pack's screening configuration, with a JSON file's keys merged over it. */
export async function cliConfig(policyDir: string | undefined, configFile: string | undefined): Promise<ScreeningConfig> {
  const base = await packConfig(policyDir || process.env.CRIER_POLICY_DIR || defaultPackDir());
  if (!configFile) return base;
  const partial = JSON.parse(readFileSync(configFile, 'utf8')) as Partial<ScreeningConfig>;
  return {
    ...base,
    ...partial,
    platforms: { ...base.platforms, ...(partial.platforms ?? {}) },
    severity: { ...base.severity, ...(partial.severity ?? {}) },
    thresholds: { ...base.thresholds, ...(partial.thresholds ?? {}) },
  };
}

export function registerScreenCommand(program: Command): void {
  program
    .command('screen')
    .description('Screen comments or posts against the policy: JSON lines on stdin → findings on stdout, or --text for a report')
    .option('--kind <kind>', 'comment or post', 'comment')
    .option('--platform <id>', 'platform for length limits (posts): x, bluesky, mastodon, instagram, facebook, linkedin, …')
    .option('--text <text>', 'screen this one text and print a readable report')
    .option('--context <text>', 'with --text and --kind comment: the post the comment answers')
    .option('--config <file>', 'JSON file with screening configuration (merged over the policy pack\'s)')
    .option('--policy <dir>', 'policy pack folder (default: CRIER_POLICY_DIR, else the bundled Carson pack)')
    .option('--no-language', 'posts: skip the spelling / grammar / readability pass')
    .action(runScreen);
}

/** `crier screen` with its options. */
export async function runScreen(o: CliOptions): Promise<void> {
  if (o.kind !== 'comment' && o.kind !== 'post') {
    process.stderr.write(`--kind must be comment or post, not ${o.kind}\n`);
    process.exitCode = 2;
    return;
  }
  const config = await cliConfig(o.policy, o.config);
  const language = o.kind === 'post' && o.language;
  const dictionary = language ? ((await import('dictionary-en')).default as HunspellDictionary) : undefined;
  if (o.text !== undefined) {
    let findings: Finding[];
    if (o.kind === 'comment') {
      findings = screenComment(o.text, { ...(config ? { config } : {}), ...(o.context !== undefined ? { context: o.context } : {}) });
    } else {
      const post: PostInput = { text: o.text, ...(o.platform ? { platform: o.platform } : {}) };
      findings = screenPost(post, config);
      if (language) {
        const { screenPostLanguage } = await import('../screening/language.ts');
        findings = findings.concat(await screenPostLanguage(post, config, dictionary ? { dictionary } : {}));
      }
    }
    process.stdout.write(formatReport(o.text, findings));
    return;
  }
  await screenStream(process.stdin, process.stdout, process.stderr, {
    kind: o.kind,
    ...(o.platform ? { platform: o.platform } : {}),
    ...(config ? { config } : {}),
    language,
    ...(dictionary ? { dictionary } : {}),
  });
}
