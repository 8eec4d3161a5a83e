/**
 * Instructions `crier screen --kind comment` spends on a file of JSON lines, counted by valgrind's
 * callgrind: `npx tsx bench/screening/instructions.ts [LINES_FILE] [BUNDLE_DIR …]`.
 *
 * Timing on a shared two-core host moves ±20 % within minutes, and callgrind on the usual
 * multi-threaded node moved ±10 % between runs of the same code (when the background compiler's
 * work lands relative to the main thread decides how much gets compiled twice). With
 * `--single-threaded` V8 compiles, collects garbage and sweeps on the main thread, and the count
 * repeats to ~0.1 % on 10,000 lines (6.639 and 6.635 G). On 60,000 lines the garbage collector's
 * share still moves with the clock (0.73–1.22 G for the same bundle), so totals move ±1 %: compare
 * the categories, and count twice before believing a change under 2 %. It counts what one core
 * would do, compiler included; not cache misses.
 *
 * Each BUNDLE_DIR is a built screen bundle (`node_modules/.cache/crier/<dir>`, copied elsewhere to
 * keep an old one); without one, the current bundle is built and counted. Bundles run in parallel
 * (one per core), with the compiler flags bin/crier-screen.js sets (its `tuneCompiler` as it is now:
 * an old bundle is counted with today's flags). Prints the total and where the
 * instructions went (optimising compiler, compiled JavaScript, V8 builtins, garbage collection …).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const [file = '/tmp/bench60k.jsonl', ...given] = process.argv.slice(2);

const crierScreen = pathToFileURL(join(root, 'bin/crier-screen.js')).href;
const { bundleEntry } = (await import(crierScreen)) as { bundleEntry(): Promise<string> };
const bundles = given.length > 0 ? given.map((b) => resolve(b)) : [dirname(await bundleEntry())];
const work = mkdtempSync(join(tmpdir(), 'crier-instructions-'));
// the same start as bin/crier-screen.js: its compiler flags (FLAGS=0 leaves V8's defaults), then the bundle's entry
const runner = join(work, 'run.mjs');
writeFileSync(runner, [
  "import { pathToFileURL } from 'node:url';",
  `if (process.env.FLAGS !== '0') (await import(${JSON.stringify(crierScreen)})).tuneCompiler();`,
  "process.argv.splice(2, process.argv.length, 'screen', '--kind', 'comment');",
  "await import(pathToFileURL(process.env.BUNDLE + '/screen-main.mjs').href);",
].join('\n'));

const CATEGORIES: [string, RegExp][] = [
  ['optimising compiler', /compiler::|turboshaft/],
  ['compiled JavaScript', /\?\?\?:0x/],
  ['V8 builtins', /Builtins_/],
  ['garbage collection', /Heap|Marking|Scaveng|Sweep|Evacuat/],
  ['JSON', /Json/],
  ['C library', /malloc|free|memcpy|memmove|memset|libc/],
  ['parsing', /Scanner|Parser|Bytecode/],
  ['regular expressions', /RegExp|regexp/],
];

function categories(out: string): Map<string, number> {
  const annotated = execFileSync('callgrind_annotate', ['--threshold=100', out], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const sums = new Map<string, number>();
  for (const line of annotated.split('\n')) {
    const m = /^\s*([\d,]+)\s+\(.*?\)\s+(.*)$/.exec(line);
    if (!m || m[2]!.includes('PROGRAM TOTALS')) continue;
    const n = Number(m[1]!.replaceAll(',', ''));
    const name = CATEGORIES.find(([, re]) => re.test(m[2]!))?.[0] ?? 'other V8 and Node';
    sums.set(name, (sums.get(name) ?? 0) + n);
  }
  return sums;
}

function count(bundle: string, k: number): Promise<{ bundle: string; total: number; sums: Map<string, number>; md5: string }> {
  const out = join(work, `callgrind.${k}.out`);
  const stdout = join(work, `stdout.${k}`);
  return new Promise((done, fail) => {
    const child = spawn('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, '--single-threaded', runner], {
      env: { ...process.env, BUNDLE: bundle }, stdio: [openSync(file, 'r'), openSync(stdout, 'w'), 'ignore'],
    });
    child.on('error', fail);
    child.on('exit', (code) => {
      if (code !== 0) return fail(new Error(`callgrind on ${bundle} exited with ${code}`));
      const total = Number(/^summary: (\d+)/m.exec(readFileSync(out, 'utf8'))![1]);
      const md5 = execFileSync('md5sum', [stdout], { encoding: 'utf8' }).slice(0, 12);
      done({ bundle, total, sums: categories(out), md5 });
    });
  });
}

const results = await Promise.all(bundles.map((b, k) => count(b, k)));
const G = (n: number): string => `${(n / 1e9).toFixed(3)} G`;
console.log(`${file}, node ${process.version} --single-threaded, callgrind`);
for (const r of results) {
  console.log(`\n${r.bundle}: ${G(r.total)} (output md5 ${r.md5})`);
  for (const [name, n] of [...r.sums].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(22)} ${G(n).padStart(9)} ${((100 * n) / r.total).toFixed(1).padStart(5)} %`);
}
rmSync(work, { recursive: true, force: true });
