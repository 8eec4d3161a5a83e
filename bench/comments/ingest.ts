/**
 * Issue 5 target (a): durable ingest WITH screening ≥ 5,000 comments/s into SQLite (a file, WAL,
 * synchronous=FULL as Crier opens it), in batches of 200 as a poller delivers them. In the same
 * run, as baselines: screening alone over the same texts, and the same ingest with screening
 * switched off (the SQL share). Run: npm run bench:comments (or tsx bench/comments/ingest.ts).
 */
import { rmSync } from 'node:fs';
import { createCommentsService, type IncomingComment } from '../../src/modules/comments/index.ts';
import { benchCity, machine, postRemoteId } from './setup.ts';
import { commentTexts } from './texts.ts';

const N = Number(process.env.BENCH_COMMENTS ?? 50_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 200);

const { dir, ctx, platformId } = await benchCity('crier-bench-ingest-');
const text = commentTexts(7);
const texts = Array.from({ length: N }, () => text());
const batches = (prefix: string): IncomingComment[][] => {
  const out: IncomingComment[][] = [];
  for (let b = 0; b < N / BATCH; b++) {
    out.push(
      Array.from({ length: BATCH }, (_, i) => {
        const k = b * BATCH + i;
        return { platformId, remoteId: `${prefix}${k}`, postRemoteId: postRemoteId(k), authorHandle: `resident${k % 5000}.bsky.social`, authorName: `Resident ${k % 5000}`, text: texts[k]!, createdAt: new Date(Date.parse('2026-11-19T12:00:00Z') + k * 50).toISOString(), url: null, native: { id: `${prefix}${k}`, text: texts[k] } };
      }),
    );
  }
  return out;
};
const postText = 'Street sweeping on Avalon Boulevard moves to Tuesday mornings in district 1. Repaving on Carson Street finishes Friday. Details: https://ci.carson.ca.us/streets';

async function timed<T>(f: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await f();
  const cpu = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, value };
}

// Warm-up (JIT, the screening engine's lazy tables), not counted.
for (let i = 0; i < 500; i++) ctx.screening.screenComment(texts[i]!, postText);

// Baseline 1: screening alone.
const screenOnly = await timed(() => {
  let findings = 0;
  for (const t of texts) findings += ctx.screening.screenComment(t, postText).length;
  return findings;
});

// Baseline 2: the same ingest with screening switched off: what the SQL costs.
const unscreened = createCommentsService({ db: ctx.db.db, dialect: ctx.db.dialect, clock: ctx.clock, pack: ctx.pack, audit: ctx.audit, notifications: ctx.notifications, platforms: ctx.platforms, vault: ctx.vault, connectors: ctx.connectors, screenComment: () => [] });
const sqlOnly = await timed(async () => {
  for (const b of batches('sql-')) await unscreened.ingest(b, 'poll');
});

// The measurement: the real ingest (screening on arrival, automatic hides, audit), durable per batch.
let created = 0;
const real = await timed(async () => {
  for (const b of batches('real-')) created += (await ctx.comments.ingest(b, 'poll')).created;
});

// Redelivery of the same batches (a poller's overlap): nothing new, how fast.
const again = await timed(async () => {
  let c = 0;
  for (const b of batches('real-').slice(0, Math.ceil(10_000 / BATCH))) c += (await ctx.comments.ingest(b, 'poll')).created;
  return c;
});

const per = (n: number, ms: number) => Math.round((n / ms) * 1000);
const result = {
  machine: machine(),
  comments: N,
  batch: BATCH,
  ingestWithScreening: { seconds: +(real.ms / 1000).toFixed(2), perSecond: per(N, real.ms), perCpuSecond: per(N, real.cpuMs), created },
  baselineScreeningOnly: { perSecond: per(N, screenOnly.ms), perCpuSecond: per(N, screenOnly.cpuMs), findings: screenOnly.value },
  baselineIngestWithoutScreening: { perSecond: per(N, sqlOnly.ms), perCpuSecond: per(N, sqlOnly.cpuMs) },
  shareOfCpu: { screening: +(screenOnly.cpuMs / real.cpuMs).toFixed(2), sqlAndRest: +(sqlOnly.cpuMs / real.cpuMs).toFixed(2) },
  redelivery10k: { perSecond: per(10_000, again.ms), created: again.value },
};
console.log(JSON.stringify(result, null, 2));
const ok = result.ingestWithScreening.perSecond >= 5000 && created === N && again.value === 0;
console.log(ok ? `PASS: ${result.ingestWithScreening.perSecond} comments/s ingested with screening (target ≥ 5,000)` : `MISS: ${result.ingestWithScreening.perSecond} comments/s wall (${result.ingestWithScreening.perCpuSecond} per CPU-second) against a target of 5,000`);
await ctx.db.close();
rmSync(dir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
