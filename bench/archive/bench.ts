/**
 * Issue 6 target: `verify()` over 1,000,000 archived items in ≤ 30 s, memory flat.
 * Fills a fresh database with batched direct inserts that compute the same hash chain capture()
 * does (capture's per-item transaction is not what is measured), seals every City day through
 * the real tick(), then times the real verify(). Run: npm run bench:archive
 * Env: BENCH_ARCHIVE_ITEMS (default 1000000); BENCH_ARCHIVE_PG=postgres://… to run on PostgreSQL
 * (a scratch database is created on that server and dropped after); BENCH_ARCHIVE_WORKERS, a
 * comma-separated list of worker counts to time one after the other on the same archive
 * (default "1,auto": the one-thread walk, then verify's own choice; "auto" is one per core, at most 4).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase, type DatabaseTarget, type DbHandle } from '../../src/db/index.ts';
import { canonicalJson } from '../../src/kernel/canonical-json.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { newId } from '../../src/kernel/ids.ts';
import { createAuditService } from '../../src/modules/audit/index.ts';
import { createArchiveService, itemHash, sha256 } from '../../src/modules/archive/index.ts';
import { defaultPackDir, loadPackFromDir, retentionEligibleFrom } from '../../src/policy/index.ts';
import { fillChainedArchive, scratchPostgres } from '../support/archive-fill.ts';

const N = Number(process.env.BENCH_ARCHIVE_ITEMS ?? 1_000_000);
const PG = process.env.BENCH_ARCHIVE_PG;
const BATCH = 1000;
const DAYS = 365;
const start = Date.parse('2025-11-20T08:00:00Z');
const span = DAYS * 86_400_000;

const WORKERS = (process.env.BENCH_ARCHIVE_WORKERS ?? '1,auto').split(',').map((w) => (w.trim() === 'auto' ? undefined : Number(w)));

async function open(): Promise<{ h: DbHandle; target: DatabaseTarget; cleanup: () => Promise<void>; where: string }> {
  if (!PG) {
    const dir = mkdtempSync(join(tmpdir(), 'crier-bench-archive-'));
    const target: DatabaseTarget = { kind: 'sqlite', file: join(dir, 'crier.db') };
    const h = openDatabase(target);
    return { h, target, where: `SQLite file (WAL)${process.env.BENCH_ARCHIVE_KEEP ? ` ${dir}` : ''}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const scratch = await scratchPostgres(PG);
  const target: DatabaseTarget = { kind: 'postgres', url: scratch.url };
  const h = openDatabase(target);
  return { h, target, where: 'PostgreSQL 15 (local)', cleanup: scratch.drop };
}

const { h, target, cleanup, where } = await open();
await migrateToLatest(h.db);
const pack = loadPackFromDir(defaultPackDir());
const kinds = ['comment', 'comment_version', 'post_version', 'publication', 'moderation_decision'] as const;
const retentionOf = { comment: 'comments', comment_version: 'comments', post_version: 'posts', publication: 'posts', moderation_decision: 'moderationDecisions' } as const;

/** Retention per schedule and day, worked out once a day (the City-time conversion is the slow part). */
const retainCache = new Map<string, string>();
function retainUntil(category: string, at: Date): string {
  const key = `${category}:${Math.floor(at.getTime() / 3_600_000)}`;
  let v = retainCache.get(key);
  if (!v) retainCache.set(key, (v = retentionEligibleFrom(pack, category, at)));
  return v;
}

/** A record shaped like a Bluesky reply: ~0.6 KB of native payload, text and metadata. */
function fields(i: number, prev: string) {
  const at = new Date(start + Math.floor((i * span) / N));
  const kind = kinds[i % kinds.length]!;
  const text = `Resident comment number ${i}: when does street sweeping on Avalon Boulevard move to Tuesday mornings?`;
  const native = canonicalJson({ $type: 'app.bsky.feed.post', text, createdAt: at.toISOString(), langs: ['en'], uri: `at://did:plc:resident${i % 997}/app.bsky.feed.post/${i}`, cid: `bafyrei${i.toString(36).padStart(12, '0')}`, reply: { root: { uri: 'at://did:plc:city/app.bsky.feed.post/root' }, parent: { uri: 'at://did:plc:city/app.bsky.feed.post/root' } } });
  const f = {
    id: newId(),
    kind,
    source_id: newId(),
    department_id: i % 3 ? 'dept-pw' : null,
    platform_id: 'platform-bluesky',
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
const archive = createArchiveService({ db: h.db, dialect: h.dialect, clock, pack, audit });
const sealStarted = performance.now();
const sealed = await archive.tick(clock.now());
const sealSeconds = (performance.now() - sealStarted) / 1000;

/** One timed verify() with the given worker count (undefined: verify's own choice). */
async function timeVerify(workers: number | undefined) {
  const load = loadavg()[0]!.toFixed(1);
  let peakRss = process.memoryUsage().rss;
  const rss0 = peakRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  // process.cpuUsage() counts every thread of the process: the workers' CPU is in it.
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const result = await archive.verify({ database: target, ...(workers === undefined ? {} : { workers }) });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  return {
    workers: workers ?? 'auto',
    loadAverageAtVerify: Number(load),
    verifySeconds: Number(seconds.toFixed(1)),
    verifiedPerSecond: Math.round(N / seconds),
    // This process's CPU time, all threads (SQLite runs in-process; PostgreSQL's own work is not counted).
    verifyCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
    loadAverageAfterVerify: Number(loadavg()[0]!.toFixed(1)),
    rssBeforeVerifyMb: Math.round(rss0 / 1e6),
    peakRssDuringVerifyMb: Math.round(peakRss / 1e6),
    verify: result.ok ? { ok: true, items: result.items, seals: result.seals } : result,
    passed: result.ok && result.items === N && seconds <= 30,
  };
}

const runs = [];
for (const w of WORKERS) runs.push(await timeVerify(w));

const report = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  database: where,
  items: N,
  fillSeconds: Number(fillSeconds.toFixed(1)),
  seals: sealed.length,
  sealSeconds: Number(sealSeconds.toFixed(1)),
  runs,
};
console.log(JSON.stringify(report, null, 2));
const final = runs[runs.length - 1]!;
const ok = runs.every((r) => r.verify.ok && 'items' in r.verify && r.verify.items === N) && final.passed;
console.log(ok ? `PASS: verify() with ${final.workers} worker(s) checked ${N} items and ${sealed.length} seals in ${final.verifySeconds} s (target ≤ 30 s)` : 'FAIL');
await h.close();
if (!process.env.BENCH_ARCHIVE_KEEP) await cleanup();
else console.log(`kept: ${where}`);
process.exit(ok ? 0 : 1);
