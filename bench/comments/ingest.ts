/**
 * Issue 5 target (a): durable ingest WITH screening ≥ 5,000 comments/s into SQLite (a file, WAL,
 * synchronous=FULL as Crier opens it). In the same run, as baselines: screening alone on one
 * thread over the same texts, and the old one-at-a-time path (serial-ingest.ts) in batches of
 * 200. The batch path is measured as a poller or the webhook hands it batches of 500 (one
 * transaction each), and as an import file or a large poll hands it 5,000 at a time (ten
 * transactions, the next screened while one is written). Every number is wall-clock and process
 * CPU (all threads, so the screening workers count). Run: npm run bench:comments (or tsx
 * bench/comments/ingest.ts); BENCH_COMMENTS, BENCH_OLD_COMMENTS set the sizes.
 */
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createCommentsService, type IncomingComment } from '../../src/modules/comments/index.ts';
import { isBanned } from '../../src/modules/bans/index.ts';
import { legislativeAccountFor } from '../../src/modules/legislative-accounts/index.ts';
import { benchCity, machine, postRemoteId } from './setup.ts';
import { createIngest as createSerialIngest } from './serial-ingest.ts';
import { commentTexts } from './texts.ts';

const N = Number(process.env.BENCH_COMMENTS ?? 50_000);
const N_OLD = Number(process.env.BENCH_OLD_COMMENTS ?? 10_000);

const { dir, ctx, platformId } = await benchCity('crier-bench-ingest-');
const text = commentTexts(7);
const texts = Array.from({ length: N }, () => text());
const comments = (prefix: string, n: number): IncomingComment[] =>
  Array.from({ length: n }, (_, k) => ({ platformId, remoteId: `${prefix}${k}`, postRemoteId: postRemoteId(k), authorHandle: `resident${k % 5000}.bsky.social`, authorName: `Resident ${k % 5000}`, text: texts[k % N]!, createdAt: new Date(Date.parse('2026-11-19T12:00:00Z') + k * 50).toISOString(), url: null, native: { id: `${prefix}${k}`, text: texts[k % N] } }));
const inBatches = <T>(xs: T[], size: number): T[][] => Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));
const postText = 'Street sweeping on Avalon Boulevard moves to Tuesday mornings in district 1. Repaving on Carson Street finishes Friday. Details: https://ci.carson.ca.us/streets';

/**
 * CPU time of the main thread alone (the writer; process.cpuUsage counts the screening workers
 * too), in ms at the kernel's 10 ms tick; null where /proc is not there.
 */
function mainThreadCpuMs(): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

async function timed<T>(f: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; mainCpuMs: number | null; load: number; value: T }> {
  const c0 = process.cpuUsage();
  const m0 = mainThreadCpuMs();
  const t0 = performance.now();
  const value = await f();
  const cpu = process.cpuUsage(c0);
  const m1 = mainThreadCpuMs();
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, mainCpuMs: m0 === null || m1 === null ? null : m1 - m0, load: +loadavg()[0]!.toFixed(1), value };
}
const rate = (n: number, t: { ms: number; cpuMs: number; mainCpuMs: number | null; load: number }) => ({
  perSecond: Math.round((n / t.ms) * 1000),
  perCpuSecond: Math.round((n / t.cpuMs) * 1000),
  mainThreadCpuMicrosPerComment: t.mainCpuMs === null ? null : Math.round((t.mainCpuMs * 1000) / n),
  seconds: +(t.ms / 1000).toFixed(2),
  cpuSeconds: +(t.cpuMs / 1000).toFixed(2),
  loadAfter: t.load,
});

// Warm-up, not counted: the JIT, the engine's lazy tables, and the screening workers' start.
for (let i = 0; i < 500; i++) ctx.screening.screenComment(texts[i]!, postText);
const workerStart = await timed(() => ctx.screening.screenComments(texts.slice(0, 1000).map((t) => ({ text: t, context: postText }))));

// Baseline 1: screening alone, one thread.
const screenOnly = await timed(() => {
  let findings = 0;
  for (const t of texts) findings += ctx.screening.screenComment(t, postText).length;
  return findings;
});

// Baseline 2: the old path, wired as main.ts wired it (register and ban per handle, archive per comment), batches of 200.
const serial = createSerialIngest({ db: ctx.db.db, dialect: ctx.db.dialect, clock: ctx.clock, pack: ctx.pack, audit: ctx.audit, notifications: ctx.notifications, platforms: ctx.platforms, vault: ctx.vault, connectors: ctx.connectors, screenComment: (t, c) => ctx.screening.screenComment(t, c), legislativeAccountFor: (p, h) => legislativeAccountFor(ctx.db.db, p, h), activeBan: (p, h, at) => isBanned(ctx.db.db, p, h, at), archive: ctx.archive.hooks });
const old = await timed(async () => {
  let created = 0;
  for (const b of inBatches(comments('old-', N_OLD), 200)) created += (await serial.ingest(b, 'poll')).created;
  return created;
});

// The batch path with screening switched off: what the SQL and the archive cost.
const unscreened = createCommentsService({ db: ctx.db.db, dialect: ctx.db.dialect, clock: ctx.clock, pack: ctx.pack, audit: ctx.audit, notifications: ctx.notifications, platforms: ctx.platforms, vault: ctx.vault, connectors: ctx.connectors, screenComment: () => [], screenComments: async (xs) => xs.map(() => []), legislativeAccountsFor: async () => new Map(), activeBans: async () => new Map(), archive: ctx.archive.hooks });
const sqlOnly = await timed(async () => {
  for (const b of inBatches(comments('sql-', N), 500)) await unscreened.ingest(b, 'poll');
});

// The measurement: the real service (main.ts wiring), durable per transaction.
const run = (prefix: string, perCall: number) =>
  timed(async () => {
    let created = 0;
    for (const b of inBatches(comments(prefix, N), perCall)) created += (await ctx.comments.ingest(b, 'poll')).created;
    return created;
  });
const batch500 = await run('b500-', 500);
const batch5000 = await run('b5000-', 5000);

// Redelivery of 10,000 already stored (a poller's overlap): nothing new, how fast.
const again = await timed(async () => {
  let c = 0;
  for (const b of inBatches(comments('b500-', Math.min(N, 10_000)), 500)) c += (await ctx.comments.ingest(b, 'poll')).created;
  return c;
});

const verify = await timed(() => ctx.archive.verify());
const result = {
  machine: machine(),
  comments: N,
  screeningWorkers: { startMs: Math.round(workerStart.ms) },
  baselineScreeningOnlyOneThread: { ...rate(N, screenOnly), findings: screenOnly.value },
  baselineOldPath200: { comments: N_OLD, created: old.value, ...rate(N_OLD, old) },
  batchPathWithoutScreening500: rate(N, sqlOnly),
  batchPath500PerCall: { created: batch500.value, ...rate(N, batch500) },
  batchPath5000PerCall: { created: batch5000.value, ...rate(N, batch5000) },
  redelivery10k: { created: again.value, ...rate(Math.min(N, 10_000), again) },
  archive: { ok: verify.value.ok, items: verify.value.items, seconds: +(verify.ms / 1000).toFixed(1) },
};
console.log(JSON.stringify(result, null, 2));
const best = Math.max(result.batchPath500PerCall.perSecond, result.batchPath5000PerCall.perSecond);
const ok = result.batchPath500PerCall.perSecond >= 5000 && batch500.value === N && batch5000.value === N && again.value === 0 && verify.value.ok;
console.log(ok ? `PASS: ${result.batchPath500PerCall.perSecond} comments/s ingested with screening in batches of 500 (target ≥ 5,000)` : `MISS: ${result.batchPath500PerCall.perSecond}/s in batches of 500, ${best}/s best, against a target of 5,000`);
await ctx.screening.close();
await ctx.db.close();
rmSync(dir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
