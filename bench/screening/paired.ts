/**
 * Old and new screening engines compared in one process: `npx tsx bench/screening/paired.ts
 * OLD_TREE [NEW_TREE] [LINES_FILE]` (trees are checkouts, e.g. `git worktree add /tmp/old <commit>`;
 * NEW_TREE defaults to this checkout; the lines file is JSON lines {"id","text"}, e.g. the 60,000
 * lines bench.ts writes). Both engines get the same 500-line chunks in turn (the order swapped every
 * chunk), so on a shared machine both see the same load at the same moment; both start cold, as
 * `crier screen` does. WARM=1 times a second pass instead. Prints CPU per side and new ÷ old, and
 * the number of chunks whose findings differ (must be 0 when results are meant to stay the same).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [oldTree, newTree = join(dirname(fileURLToPath(import.meta.url)), '../..'), file = '/tmp/bench60k.jsonl'] = process.argv.slice(2);
if (!oldTree) throw new Error('usage: paired.ts OLD_TREE [NEW_TREE] [LINES_FILE]');
type Engine = { screenComment(text: string): unknown[] };
const a = (await import(join(oldTree, 'src/screening/engine.ts'))) as Engine;
const b = (await import(join(newTree, 'src/screening/engine.ts'))) as Engine;
const texts = readFileSync(file, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
if (process.env.WARM) for (const t of texts) { a.screenComment(t); b.screenComment(t); }

const CHUNK = 500;
function run(e: Engine, from: number): [number, string] {
  const c = process.cpuUsage();
  let out = '';
  for (let k = from; k < Math.min(texts.length, from + CHUNK); k++) out += JSON.stringify(e.screenComment(texts[k]!));
  const d = process.cpuUsage(c);
  return [d.user + d.system, out];
}
let ta = 0;
let tb = 0;
let differing = 0;
for (let i = 0, n = 0; i < texts.length; i += CHUNK, n++) {
  const [ra, rb] = n % 2 === 0 ? [run(a, i), run(b, i)] : ((r) => [run(a, i), r] as const)(run(b, i));
  ta += ra[0];
  tb += rb[0];
  if (ra[1] !== rb[1]) differing++;
}
const us = (t: number): string => (t / texts.length).toFixed(1);
console.log(`old ${(ta / 1000).toFixed(0)} ms CPU (${us(ta)} µs per comment), new ${(tb / 1000).toFixed(0)} ms (${us(tb)} µs), new ÷ old ${(tb / ta).toFixed(3)}; chunks with different findings: ${differing}; load ${loadavg()[0]!.toFixed(1)}`);
