/**
 * Where ingest's time goes: a CPU profile (V8's sampling profiler, in process) of the real ingest
 * only — set-up excluded — with self time grouped by where the code lives. Run:
 * tsx bench/comments/profile.ts  (BENCH_COMMENTS, BENCH_BATCH as for ingest.ts; BENCH_PROFILE_OUT to keep the profile)
 */
import { rmSync, writeFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector/promises';
import type { IncomingComment } from '../../src/modules/comments/index.ts';
import { benchCity, machine, postRemoteId } from './setup.ts';
import { commentTexts } from './texts.ts';

const N = Number(process.env.BENCH_COMMENTS ?? 10_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const { dir, ctx, platformId } = await benchCity('crier-bench-profile-');
const text = commentTexts(11);
const batches: IncomingComment[][] = [];
for (let b = 0; b < N / BATCH; b++) {
  batches.push(Array.from({ length: BATCH }, (_, i) => ({ platformId, remoteId: `p${b}-${i}`, postRemoteId: postRemoteId(i), authorHandle: `r${(b * BATCH + i) % 5000}`, authorName: null, text: text(), createdAt: '2026-11-19T12:00:00.000Z', native: { b, i } })));
}
for (let i = 0; i < 300; i++) ctx.screening.screenComment(text());

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
for (const b of batches) await ctx.comments.ingest(b, 'poll');
const { profile } = (await session.post('Profiler.stop')) as { profile: Profiler.Profile };
session.disconnect();
// BENCH_PROFILE_OUT=FILE.cpuprofile keeps the profile for a closer look (Chrome DevTools, or by function).
if (process.env.BENCH_PROFILE_OUT) writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify(profile));

function where(n: Profiler.ProfileNode): string {
  const { url, functionName: fn } = n.callFrame;
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)' || fn === '(program)') return `${fn} (native work outside JS, incl. SQLite I/O and fsync)`;
  if (url.includes('/src/screening/')) return 'screening (src/screening)';
  if (url.includes('/node_modules/kysely/')) return 'kysely: building and compiling queries';
  if (url.includes('/node_modules/better-sqlite3/')) return 'better-sqlite3 (JS side)';
  if (!url && fn) return `native: ${fn} (better-sqlite3 prepare/run, crypto, JSON)`;
  if (url.includes('/src/modules/audit/')) return 'audit chain (src/modules/audit)';
  if (url.includes('/src/modules/comments/')) return 'comments module (src/modules/comments)';
  if (url.includes('/src/modules/archive/')) return 'archive capture (src/modules/archive)';
  if (url.includes('/src/kernel/')) return 'kernel (ids, canonical JSON, storable text)';
  if (url.includes('/src/')) return `other src: ${url.split('/src/')[1]}`;
  if (url.startsWith('node:')) return 'node internals';
  return `other: ${url.split('/node_modules/')[1]?.split('/')[0] ?? url}`;
}
const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
profile.samples!.forEach((id, i) => {
  const dt = profile.timeDeltas![i] ?? 0;
  const k = where(byNode.get(id)!);
  self.set(k, (self.get(k) ?? 0) + dt);
  total += dt;
});
console.log(`${machine()}\n${N} comments in batches of ${BATCH}: ${(total / 1e6).toFixed(2)} s profiled\n`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 16)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
await ctx.db.close();
rmSync(dir, { recursive: true, force: true });
