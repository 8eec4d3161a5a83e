/**
 * Issue 6 target: a 100,000-item BagIt export in ≤ 60 s with bounded memory (streamed, never
 * the whole set in memory). Fills a fresh database with batched direct inserts that compute the
 * archive's hash chain (as bench/archive does), then times the real `exportBagit()` and samples
 * peak RSS during it. Run: npm run bench:exports (BENCH_EXPORT_ITEMS, default 100000; run it at
 * 10000 too and compare the peaks). BENCH_EXPORT_PG=postgres://… runs on PostgreSQL (a scratch
 * database is created and dropped). BENCH_EXPORT_FORMAT=warc times the WARC export instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase, type DbHandle } from '../../src/db/index.ts';
import { canonicalJson } from '../../src/kernel/canonical-json.ts';
import { systemActor } from '../../src/kernel/actor.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { newId } from '../../src/kernel/ids.ts';
import { createAuditService } from '../../src/modules/audit/index.ts';
import { itemHash, sha256 } from '../../src/modules/archive/index.ts';
import { createProductions } from '../../src/modules/productions/index.ts';
import { defaultPackDir, loadPackFromDir, retentionEligibleFrom } from '../../src/policy/index.ts';
import { fillChainedArchive, scratchPostgres } from '../support/archive-fill.ts';

const N = Number(process.env.BENCH_EXPORT_ITEMS ?? 100_000);
const PG = process.env.BENCH_EXPORT_PG;
const FORMAT = process.env.BENCH_EXPORT_FORMAT === 'warc' ? 'warc' : 'bagit';
const BATCH = 1000;
const start = Date.parse('2026-01-05T08:00:00Z');
const span = 300 * 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'crier-bench-exports-'));

async function open(): Promise<{ h: DbHandle; cleanup: () => Promise<void>; where: string }> {
  if (!PG) return { h: openDatabase({ kind: 'sqlite', file: join(dir, 'crier.db') }), where: 'SQLite file (WAL)', cleanup: async () => {} };
  const scratch = await scratchPostgres(PG);
  return { h: openDatabase({ kind: 'postgres', url: scratch.url }), where: 'PostgreSQL 15 (local)', cleanup: scratch.drop };
}

const { h, cleanup, where } = await open();
try {
  await migrateToLatest(h.db);
  const pack = loadPackFromDir(defaultPackDir());
  const now = new Date(start + span).toISOString();
  await h.db.insertInto('departments').values({ id: 'dept-pw', name: 'Public Works', code: 'PW', kind: 'department', created_at: now, archived_at: null }).execute();
  const kinds = ['comment', 'comment_version', 'post_version', 'publication', 'moderation_decision'] as const;
  const retentionOf = { comment: 'comments', comment_version: 'comments', post_version: 'posts', publication: 'posts', moderation_decision: 'moderationDecisions' } as const;
  const retainCache = new Map<string, string>();
  const retainUntil = (category: string, at: Date) => {
    const key = `${category}:${at.toISOString().slice(0, 10)}`;
    let v = retainCache.get(key);
    if (!v) retainCache.set(key, (v = retentionEligibleFrom(pack, category, at)));
    return v;
  };

  /** A record shaped like a Bluesky reply: ~0.6 KB of native payload, text and metadata. */
  function fields(i: number, prev: string) {
    const at = new Date(start + Math.floor((i * span) / N));
    const kind = kinds[i % kinds.length]!;
    const text = `Resident comment number ${i}: when does street sweeping on Avalon Boulevard move to Tuesday mornings? <asks> & "quotes"`;
    const native = canonicalJson({ $type: 'app.bsky.feed.post', text, createdAt: at.toISOString(), langs: ['en'], uri: `at://did:plc:resident${i % 997}/app.bsky.feed.post/${i}`, cid: `bafyrei${i.toString(36).padStart(12, '0')}`, reply: { root: { uri: 'at://did:plc:city/app.bsky.feed.post/root' }, parent: { uri: 'at://did:plc:city/app.bsky.feed.post/root' } } });
    const f = {
      id: newId(),
      kind,
      source_id: newId(),
      department_id: i % 3 ? 'dept-pw' : null,
      platform_id: null,
      native,
      rendered_text: text,
      metadata: canonicalJson({ author: { handle: `resident${i % 997}.bsky.social`, name: `Resident ${i % 997}` }, createdOnPlatformAt: at.toISOString(), platformIds: { remoteId: `at://did:plc:resident${i % 997}/app.bsky.feed.post/${i}` }, version: 1 }),
      content_sha256: sha256(native),
      captured_at: at.toISOString(),
      retention_category: retentionOf[kind],
      retain_until: retainUntil(retentionOf[kind], at),
      prev_hash: prev,
    };
    return { ...f, item_hash: itemHash(f) };
  }

  const fillSeconds = await fillChainedArchive(h.db, N, fields, BATCH);

  const clock = new ManualClock(new Date(start + span + 86_400_000));
  const audit = createAuditService({ db: h.db, dialect: h.dialect, clock });
  const productions = createProductions({ db: h.db, clock, pack, audit, dataDir: dir, publicUrl: 'https://crier.example.gov' });
  global.gc?.();
  const load = loadavg()[0]!.toFixed(1);
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const rss0 = peakRss;
  const heap0 = peakHeap;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  // BENCH_EXPORT_PROFILE=file.cpuprofile: a CPU profile of the export alone (open it in Chrome DevTools).
  const profiler = process.env.BENCH_EXPORT_PROFILE ? new (await import('node:inspector/promises')).Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const out = join(dir, FORMAT === 'bagit' ? 'bag' : 'production.warc.gz');
  const input = { out, operator: 'bench' };
  const r = FORMAT === 'bagit' ? await productions.exportBagit(systemActor('bench'), input) : await productions.exportWarc(systemActor('bench'), input);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    (await import('node:fs')).writeFileSync(process.env.BENCH_EXPORT_PROFILE!, JSON.stringify(profile));
    profiler.disconnect();
  }
  const report = {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    database: where,
    format: FORMAT,
    items: N,
    fillSeconds: Number(fillSeconds.toFixed(1)),
    loadAverageAtExport: Number(load),
    exportSeconds: Number(seconds.toFixed(1)),
    itemsPerSecond: Math.round(N / seconds),
    // This process's CPU time (SQLite runs in-process; PostgreSQL's own work is not counted).
    exportCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
    loadAverageAfterExport: Number(loadavg()[0]!.toFixed(1)),
    rssBeforeExportMb: Math.round(rss0 / 1e6),
    peakRssDuringExportMb: Math.round(peakRss / 1e6),
    heapUsedBeforeExportMb: Math.round(heap0 / 1e6),
    peakHeapUsedDuringExportMb: Math.round(peakHeap / 1e6),
    exported: { items: r.items, firstBates: r.firstBates, lastBates: r.lastBates, bytes: r.bytes },
  };
  console.log(JSON.stringify(report, null, 2));
  const ok = r.items === N && (N < 100_000 || seconds <= 60);
  console.log(ok ? `PASS: ${FORMAT} export of ${N} items in ${report.exportSeconds} s (target for 100,000: ≤ 60 s), peak RSS ${report.peakRssDuringExportMb} MB` : `FAIL: ${report.exportSeconds} s`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await h.db.destroy();
  await cleanup();
  rmSync(dir, { recursive: true, force: true });
}
