/**
 * Old code against new on one kept SQLite database (bench.ts with BENCH_SEARCH_KEEP=1 builds it):
 * the bench's query shapes through the search service of each code tree in COMPARE_CODE (comma-
 * separated roots; default this checkout; point one at a worktree of the old commit), taking turns
 * query by query (the order swapped each time) so both see the same machine load. Per tree: wall
 * and CPU time per search, and a checksum of every page (hits with their scores and snippets,
 * rankedWithin, the next cursor, and the second page), so old and new can be shown to answer alike.
 * Run: COMPARE_DB=/path/crier.db COMPARE_CODE=/tmp/old-tree,. npx tsx bench/archive-search/compare.ts
 * Env: BENCH_SEARCH_RUNS (default 20 per shape); COMPARE_SHAPES (comma-separated names, default all);
 * COMPARE_DB_2 (optional: the database the second tree searches, e.g. a copy with a new migration).
 */
import { createHash, type Hash } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { rng } from './corpus.ts';
import { queryShapes } from './shapes.ts';

const file = process.env.COMPARE_DB;
if (!file) throw new Error('COMPARE_DB: the SQLite file to search');
const roots = (process.env.COMPARE_CODE ?? new URL('../..', import.meta.url).pathname).split(',').map((r) => resolve(r));
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 20);
const only = process.env.COMPARE_SHAPES?.split(',');

interface Tree {
  root: string;
  db: string;
  search: (input: object) => Promise<{ next: string | null }>;
  close: () => Promise<void>;
  wall: number[];
  cpu: number[];
  all: number[];
  allCpu: number[];
  sum: Hash;
  whole: Hash;
}

async function load(root: string, db: string): Promise<Tree> {
  const { openDatabase } = await import(`${root}/src/db/index.ts`);
  const { systemActor } = await import(`${root}/src/kernel/actor.ts`);
  const { ManualClock } = await import(`${root}/src/kernel/clock.ts`);
  const { createAuditService } = await import(`${root}/src/modules/audit/index.ts`);
  const { createArchiveSearchService } = await import(`${root}/src/modules/archive-search/index.ts`);
  const { defaultPackDir, loadPackFromDir } = await import(`${root}/src/policy/index.ts`);
  const h = openDatabase({ kind: 'sqlite', file: db });
  const clock = new ManualClock('2026-11-19T18:00:00Z');
  const service = createArchiveSearchService({ db: h.db, dialect: h.dialect, clock, pack: loadPackFromDir(defaultPackDir()), audit: createAuditService({ db: h.db, dialect: h.dialect, clock }) });
  const actor = systemActor('bench');
  return { root, db, search: (input) => service.search(actor, input), close: () => h.close(), wall: [], cpu: [], all: [], allCpu: [], sum: createHash('sha256'), whole: createHash('sha256') };
}

const trees: Tree[] = [];
for (const [i, root] of roots.entries()) trees.push(await load(root, (i === 1 && process.env.COMPARE_DB_2) || file));
const shapes = queryShapes(rng(42));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
for (const t of trees) for (const make of Object.values(queryShapes(rng(7)))) await t.search(make());
const load0 = loadavg();
const rows = new Map<Tree, string[]>(trees.map((t) => [t, []]));
let turn = 0;
for (const [name, make] of Object.entries(shapes)) {
  for (const t of trees) {
    t.wall = [];
    t.cpu = [];
    t.sum = createHash('sha256');
  }
  for (let i = 0; i < RUNS; i++) {
    const input = make();
    if (only && !only.includes(name)) continue;
    const order = turn++ % 2 ? [...trees].reverse() : trees;
    for (const t of order) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const page = await t.search({ ...input, limit: 20 });
      t.wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      t.cpu.push((c.user + c.system) / 1000);
      // The second page (not timed): the cursor must lead to the same place.
      const next = page.next ? await t.search({ ...input, limit: 20, cursor: page.next }) : null;
      t.sum.update(JSON.stringify([input, page, next]));
    }
  }
  for (const t of trees) {
    if (!t.wall.length) continue;
    t.all.push(...t.wall);
    t.allCpu.push(...t.cpu);
    const digest = t.sum.digest('hex').slice(0, 12);
    t.whole.update(digest);
    rows.get(t)!.push(`| ${name} | ${pct(t.wall, 50).toFixed(1)} | ${pct(t.wall, 95).toFixed(1)} | ${pct(t.cpu, 50).toFixed(1)} | ${pct(t.cpu, 95).toFixed(1)} | ${digest} |`);
  }
}
const load1 = loadavg();
for (const t of trees) {
  console.log(`\ncode ${t.root}; db ${t.db}; ${RUNS} runs per shape, taking turns with ${trees.length - 1} other tree(s); load average ${load0.map((x) => x.toFixed(2)).join(' ')} before, ${load1.map((x) => x.toFixed(2)).join(' ')} after`);
  console.log('| query shape | p50 ms | p95 ms | CPU p50 ms | CPU p95 ms | checksum |\n|---|---|---|---|---|---|');
  for (const l of rows.get(t)!) console.log(l);
  console.log(`| **all** | ${pct(t.all, 50).toFixed(1)} | **${pct(t.all, 95).toFixed(1)}** | ${pct(t.allCpu, 50).toFixed(1)} | **${pct(t.allCpu, 95).toFixed(1)}** | ${t.whole.digest('hex').slice(0, 12)} |`);
  await t.close();
}
