/**
 * Issue 6 target: archive search p95 ≤ 50 ms over 1,000,000 archived items.
 * Loads archive-like items straight into archive_items in batched inserts on a database migrated
 * up to the one before archive search (not through capture: the chain hashes are placeholders,
 * which search never reads), then runs the remaining migrations, timed: migration 0013 indexes
 * every existing row, as it does on a populated archive. BENCH_SEARCH_VIA=trigger loads a fully
 * migrated database instead, each row indexed by the capture trigger. Then runs a mix of queries
 * through the real search (ranking, keyset page of 20, snippets, hit metadata): p50/p95/max.
 * Run: npm run bench:archive-search
 * Env: BENCH_SEARCH_ITEMS (default 1000000); BENCH_SEARCH_LOAD_SECONDS (default 1500: the load
 * stops there and the search is measured at the size reached, reported as such);
 * BENCH_SEARCH_PG=postgres://… to run on PostgreSQL (a scratch database, dropped after);
 * BENCH_SEARCH_RUNS (default 40 per query shape); BENCH_SEARCH_KEEP=1 keeps the SQLite file or the
 * PostgreSQL scratch database (its path or URL is printed; drop it yourself) to run old and new
 * code against the same database (compare.ts for SQLite).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Migrator, sql } from 'kysely';
import { migrateToLatest, openDatabase, type DbHandle } from '../../src/db/index.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import { systemActor } from '../../src/kernel/actor.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { createAuditService } from '../../src/modules/audit/index.ts';
import { createArchiveSearchService } from '../../src/modules/archive-search/index.ts';
import { defaultPackDir, loadPackFromDir } from '../../src/policy/index.ts';
import { makeItem, rng } from './corpus.ts';
import { queryShapes } from './shapes.ts';
import { scratchPostgres } from '../support/archive-fill.ts';

const N = Number(process.env.BENCH_SEARCH_ITEMS ?? 1_000_000);
const LOAD_SECONDS = Number(process.env.BENCH_SEARCH_LOAD_SECONDS ?? 1500);
const PG = process.env.BENCH_SEARCH_PG;
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 40);
const VIA_TRIGGER = process.env.BENCH_SEARCH_VIA === 'trigger';

/** Migrated up to the one before archive search (or fully, to load through the trigger). */
async function migrateForLoad(h: DbHandle): Promise<void> {
  if (VIA_TRIGGER) return void (await migrateToLatest(h.db));
  const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0013'));
  const { error } = await new Migrator({ db: h.db, provider: { getMigrations: async () => before } }).migrateToLatest();
  if (error) throw error;
}
const BATCH = 1000;
const start = Date.parse('2025-11-20T08:00:00Z');
const span = 365 * 86_400_000;
const COLUMNS = ['seq', 'id', 'kind', 'source_id', 'department_id', 'platform_id', 'native', 'rendered_text', 'metadata', 'content_sha256', 'captured_at', 'retention_category', 'retain_until', 'prev_hash', 'item_hash'];
const HASH = '0'.repeat(64);

function rowsFor(from: number, to: number): unknown[][] {
  const out: unknown[][] = [];
  for (let seq = from; seq < to; seq++) {
    const r = rng(seq);
    const at = new Date(start + Math.floor((span * seq) / N));
    const created = new Date(at.getTime() - Math.floor(r() * 3_600_000)).toISOString();
    const it = makeItem(r, seq, created);
    out.push([seq, `bench-${seq}`, it.kind, `src-${seq}`, it.departmentId, it.platformId, `{"n":${seq}}`, it.text, JSON.stringify(it.metadata), HASH, at.toISOString(), 'comments', '2029-01-01', HASH, HASH]);
  }
  return out;
}

async function openTarget(): Promise<{ h: DbHandle; where: string; load: (from: number, to: number) => Promise<void>; done: () => Promise<void>; cleanup: () => Promise<void> }> {
  if (!PG) {
    const dir = mkdtempSync(join(tmpdir(), 'crier-bench-search-'));
    const file = join(dir, 'crier.db');
    const h = openDatabase({ kind: 'sqlite', file });
    await migrateForLoad(h);
    const raw = new SQLite(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    const insert = raw.prepare(`INSERT INTO archive_items (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
    const many = raw.transaction((rows: unknown[][]) => {
      for (const row of rows) insert.run(...row);
    });
    return {
      h,
      where: 'SQLite file (WAL), FTS5',
      load: async (from, to) => many(rowsFor(from, to)),
      done: async () => {
        raw.close();
      },
      cleanup: async () => {
        await h.close();
        if (process.env.BENCH_SEARCH_KEEP === '1') console.log(`kept ${file}`);
        else rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const scratch = await scratchPostgres(PG, 'crier_bench_search');
  const url = scratch.url;
  const h = openDatabase({ kind: 'postgres', url });
  await migrateForLoad(h);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    h,
    where: 'PostgreSQL (local), tsvector + GIN',
    load: async (from, to) => {
      const rows = rowsFor(from, to);
      const values = rows.map((_, i) => `(${COLUMNS.map((__, j) => `$${i * COLUMNS.length + j + 1}`).join(', ')})`).join(', ');
      await client.query(`INSERT INTO archive_items (${COLUMNS.join(', ')}) VALUES ${values}`, rows.flat());
    },
    done: async () => {
      await client.end();
    },
    cleanup: async () => {
      await h.close();
      if (process.env.BENCH_SEARCH_KEEP === '1') console.log(`kept ${url}`);
      else await scratch.drop();
    },
  };
}

const t = await openTarget();
const load0 = loadavg()[0]!;
const loadStart = performance.now();
let loaded = 0;
for (let from = 1; from <= N; from += BATCH) {
  const to = Math.min(from + BATCH, N + 1);
  await t.load(from, to);
  loaded = to - 1;
  if (loaded % 100_000 < BATCH) console.log(`loaded ${loaded.toLocaleString('en-US')} in ${((performance.now() - loadStart) / 1000).toFixed(0)} s (load ${loadavg()[0]!.toFixed(1)})`);
  if ((performance.now() - loadStart) / 1000 > LOAD_SECONDS) {
    console.log(`load time-box of ${LOAD_SECONDS} s reached at ${loaded.toLocaleString('en-US')} items: measuring at that size`);
    break;
  }
}
await t.done();
const loadSeconds = (performance.now() - loadStart) / 1000;
const migrateStart = performance.now();
if (!VIA_TRIGGER) await migrateToLatest(t.h.db);
const migrateSeconds = (performance.now() - migrateStart) / 1000;
if (t.h.dialect === 'sqlite') await sql`INSERT INTO archive_search_fts (archive_search_fts) VALUES ('optimize')`.execute(t.h.db);
else for (const table of ['archive_items', 'archive_search_entries', 'archive_search_clauses']) await sql.raw(`VACUUM ANALYZE ${table}`).execute(t.h.db);

const pack = loadPackFromDir(defaultPackDir());
const clock = new ManualClock('2026-11-19T18:00:00Z');
const search = createArchiveSearchService({ db: t.h.db, dialect: t.h.dialect, clock, pack, audit: createAuditService({ db: t.h.db, dialect: t.h.dialect, clock }) });
const actor = systemActor('bench');
const r = rng(42);
const shapes = queryShapes(r);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
// Warm up: one of each.
for (const make of Object.values(shapes)) await search.search(actor, make());
const all: number[] = [];
const lines: string[] = [];
for (const [name, make] of Object.entries(shapes)) {
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < RUNS; i++) {
    const input = make();
    const t0 = performance.now();
    const page = await search.search(actor, { ...input, limit: 20 });
    times.push(performance.now() - t0);
    hits += page.hits.length;
  }
  all.push(...times);
  lines.push(`| ${name} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | ${Math.max(...times).toFixed(1)} | ${(hits / RUNS).toFixed(1)} |`);
}
console.log(`\n${t.where}: ${loaded.toLocaleString('en-US')} items ${VIA_TRIGGER ? 'loaded and indexed by the capture trigger' : 'loaded'} in ${loadSeconds.toFixed(0)} s (${Math.round(loaded / loadSeconds).toLocaleString('en-US')}/s)${VIA_TRIGGER ? '' : `; migration 0013 (and later) indexed them in ${migrateSeconds.toFixed(0)} s`}; load average ${load0.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} now; ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
console.log(`${RUNS} runs per shape, page of 20 with snippets\n`);
console.log('| query shape | p50 ms | p95 ms | max ms | hits/page |\n|---|---|---|---|---|');
for (const l of lines) console.log(l);
console.log(`| **all** | ${pct(all, 50).toFixed(1)} | **${pct(all, 95).toFixed(1)}** | ${Math.max(...all).toFixed(1)} | |`);
await t.cleanup();
