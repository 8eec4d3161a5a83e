/**
 * Old code against new on one kept SQLite database (bench.ts with BENCH_SEARCH_KEEP=1 builds it),
 * back to back: the bench's query shapes through the search service of the code tree at
 * COMPARE_CODE (default: this checkout; point it at a worktree of the old commit), wall and CPU
 * time per search, and a checksum of every page (hits with their scores and snippets,
 * rankedWithin, the next cursor, and the second page), so old and new can be shown to answer alike.
 * Run: COMPARE_DB=/path/crier.db [COMPARE_CODE=/tmp/old-tree] npx tsx bench/archive-search/compare.ts
 * Env: BENCH_SEARCH_RUNS (default 20 per shape); COMPARE_SHAPES (comma-separated names, default all).
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { rng } from './corpus.ts';
import { queryShapes } from './shapes.ts';

const file = process.env.COMPARE_DB;
if (!file) throw new Error('COMPARE_DB: the SQLite file to search');
const root = resolve(process.env.COMPARE_CODE ?? new URL('../..', import.meta.url).pathname);
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 20);
const only = process.env.COMPARE_SHAPES?.split(',');

const { openDatabase } = await import(`${root}/src/db/index.ts`);
const { systemActor } = await import(`${root}/src/kernel/actor.ts`);
const { ManualClock } = await import(`${root}/src/kernel/clock.ts`);
const { createAuditService } = await import(`${root}/src/modules/audit/index.ts`);
const { createArchiveSearchService } = await import(`${root}/src/modules/archive-search/index.ts`);
const { defaultPackDir, loadPackFromDir } = await import(`${root}/src/policy/index.ts`);

const h = openDatabase({ kind: 'sqlite', file });
const clock = new ManualClock('2026-11-19T18:00:00Z');
const search = createArchiveSearchService({ db: h.db, dialect: h.dialect, clock, pack: loadPackFromDir(defaultPackDir()), audit: createAuditService({ db: h.db, dialect: h.dialect, clock }) });
const actor = systemActor('bench');
const shapes = queryShapes(rng(42));

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
for (const make of Object.values(shapes)) await search.search(actor, make());
console.log(`code ${root}; db ${file}; ${RUNS} runs per shape; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log('| query shape | p50 ms | p95 ms | CPU p50 ms | CPU p95 ms | checksum |\n|---|---|---|---|---|---|');
const whole = createHash('sha256');
const all: number[] = [];
for (const [name, make] of Object.entries(shapes)) {
  const wall: number[] = [];
  const cpu: number[] = [];
  const sum = createHash('sha256');
  for (let i = 0; i < RUNS; i++) {
    const input = make();
    if (only && !only.includes(name)) continue;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const page = await search.search(actor, { ...input, limit: 20 });
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    // The second page (not timed): the cursor must lead to the same place.
    const next = page.next ? await search.search(actor, { ...input, limit: 20, cursor: page.next }) : null;
    sum.update(JSON.stringify([input, page, next]));
  }
  if (!wall.length) continue;
  all.push(...wall);
  const digest = sum.digest('hex').slice(0, 12);
  whole.update(digest);
  console.log(`| ${name} | ${pct(wall, 50).toFixed(1)} | ${pct(wall, 95).toFixed(1)} | ${pct(cpu, 50).toFixed(1)} | ${pct(cpu, 95).toFixed(1)} | ${digest} |`);
}
console.log(`| **all** | ${pct(all, 50).toFixed(1)} | **${pct(all, 95).toFixed(1)}** | | | ${whole.digest('hex').slice(0, 12)} |`);
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
await h.close();
