/**
 * npm run bench:screening — throughput of `crier screen --kind comment` on 60,000 JSON lines
 * (process start and model load included), obscenity's own rate on the same lines, peak RSS,
 * and post screening latency with spelling and grammar (p50 / p95, warm).
 *
 * Lines come from the shared moderation data (read at run time, written to a temp file, never
 * to the repository). `crier screen` is the real command (bin/crier.js: the screen fast path with
 * its cached bundle, built once before timing so the first build is not counted), fed by a pipe.
 * The keystroke round trip of the post editor is measured by http.ts in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import dictionary from 'dictionary-en';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { screenPost } from '../../src/screening/engine.ts';
import { screenPostLanguage } from '../../src/screening/language.ts';
import { loadAll, loadPolis } from '../../scripts/screening/data.ts';
import { keystrokeBench } from './http.ts';

const N = Number(process.env.BENCH_LINES ?? 60_000);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');

const texts = [...loadAll().map((e) => e.text), ...loadPolis().map((p) => p.text)];
const lines: string[] = [];
for (let i = 0; i < N; i++) lines.push(JSON.stringify({ id: i, text: texts[i % texts.length] }));
const dir = mkdtempSync(join(tmpdir(), 'crier-bench-'));
const file = join(dir, 'comments.jsonl');
writeFileSync(file, lines.join('\n') + '\n');

// 1. crier screen, one process, start to end (a warm-up call first builds the cached bundle)
const crier = join(root, 'bin/crier.js');
spawnSync(process.execPath, [crier, 'screen', '--kind', 'comment'], { cwd: root, input: '{"id":0,"text":"warm-up"}\n', encoding: 'utf8' });
const t0 = process.hrtime.bigint();
const run = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, crier, 'screen', '--kind', 'comment'], {
  cwd: root, input: undefined, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 30,
  env: { ...process.env }, encoding: 'utf8',
  // feed the file through stdin
  ...({ input: lines.join('\n') + '\n' } as object),
});
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const outLines = run.stdout.trim().split('\n').length;
const [rssField, userS, sysS] = (run.stderr.trim().split('\n').pop() ?? '').split(' ');
const rssKb = Number(rssField);
const cpuSeconds = Number(userS) + Number(sysS);
const rate = N / seconds;

// 2. obscenity alone on the same texts (in process, so this flatters it)
const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const t1 = process.hrtime.bigint();
const c1 = process.cpuUsage();
let hits = 0;
for (let i = 0; i < N; i++) if (matcher.hasMatch(texts[i % texts.length]!)) hits++;
const obSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
const c2 = process.cpuUsage(c1);
const obCpu = (c2.user + c2.system) / 1e6;

// 3. post screening with spelling and grammar, warm
const posts = [
  'Join us Saturday, March 14 at 10 a.m. at Carson Park for the Spring Egg Hunt! Free for kids 12 and under. Details: https://ci.carson.ca.us/egghunt #CarsonEvents',
  'Street sweeping on Carson Street moves to Tuesdays starting March 3. Please move your car by 7 a.m. to avoid a ticket. Map: ci.carson.ca.us/streets',
  'The City Council meets Tuesday at 6 p.m. in the Council Chambers, 701 E. Carson St. Watch live or read the agenda at ci.carson.ca.us/council',
  'Cooling centers are open today from noon to 8 p.m. at the Community Center and Veterans Park. Drink water and check on neighbors. Info: ci.carson.ca.us/heat',
];
for (let i = 0; i < 20; i++) await screenPostLanguage({ text: posts[i % posts.length]! }, undefined, { dictionary });
const times: number[] = [];
for (let i = 0; i < 400; i++) {
  const post = { text: posts[i % posts.length]! + (i % 7 === 0 ? ' Thnak you!' : ''), platform: 'x' };
  const s = process.hrtime.bigint();
  screenPost(post);
  await screenPostLanguage(post, undefined, { dictionary });
  times.push(Number(process.hrtime.bigint() - s) / 1e6);
}
times.sort((a, b) => a - b);
const pct = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
rmSync(dir, { recursive: true, force: true });

// 4. the post editor's keystroke round trip over HTTP (real listener, real sign-in). The demo
// city's seed drafts posts through the business-hours gate, so it can refuse (on a City holiday,
// e.g.): the other results are still reported.
let keys: Awaited<ReturnType<typeof keystrokeBench>> | null = null;
let keysError = '';
try {
  keys = await keystrokeBench(300);
} catch (e) {
  keysError = e instanceof Error ? e.message : String(e);
}

const report = [
  `Machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}.`,
  `crier screen --kind comment: ${N} lines in ${seconds.toFixed(2)} s wall (process start and model load included) = **${Math.round(rate)} comments/s wall**, ${cpuSeconds.toFixed(2)} s CPU = **${Math.round(N / cpuSeconds)} comments per CPU-second**; ${outLines} output lines; exit ${run.status}; peak RSS ${(rssKb / 1024).toFixed(0)} MB.`,
  `obscenity hasMatch alone, in process, same lines: ${Math.round(N / obSeconds)} texts/s wall, ${Math.round(N / obCpu)} per CPU-second (${hits} matches) → crier is ${(rate / (N / obSeconds)).toFixed(2)}× obscenity's wall rate, ${((N / cpuSeconds) / (N / obCpu)).toFixed(2)}× per CPU-second.`,
  `Post screening with spelling and grammar (screenPost + screenPostLanguage, warm, 400 posts): p50 ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms.`,
  keys
    ? `Keystroke round trip (POST /api/screening/post, HTTP on 127.0.0.1, signed in, 3 platforms, ${keys.n} requests): first ${keys.first.toFixed(0)} ms (dictionary load), p50 ${keys.p50.toFixed(1)} ms, p95 ${keys.p95.toFixed(1)} ms, max ${keys.max.toFixed(1)} ms.`
    : `Keystroke round trip: not measured (${keysError.slice(0, 200)}).`,
  `Load average at the end: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}.`,
];
console.log(report.join('\n'));
if (run.status !== 0) console.error(run.stderr.slice(0, 2000));
