/**
 * Issue 4 target: 1,000 posts due at the same minute are all published within 60 s through the
 * City feed connector, none twice. Setup writes the scheduled posts straight into a fresh SQLite
 * file (the workflow is not what is measured); then two publishers race for the same outbox, as
 * `crier serve` and a `crier worker` would. Run: npm run bench:posts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/index.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { newId } from '../../src/kernel/ids.ts';
import { createContext } from '../../src/main.ts';
import { seedDemoCity } from '../../src/seed/demo.ts';

const N = Number(process.env.BENCH_POSTS ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'crier-bench-posts-'));
const due = '2026-11-19T18:00:00.000Z';
const clock = new ManualClock(due);
const config = { ...loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv), database: { kind: 'sqlite' as const, file: join(dir, 'crier.db') }, dataDir: dir };
const ctx = await createContext(config, { clock });
await seedDemoCity(ctx);
const db = ctx.db.db;
const platform = await db.selectFrom('platforms').select(['id', 'department_id']).where('name', '=', 'Carson Public Works News').executeTakeFirstOrThrow();
const author = await db.selectFrom('persons').select('id').where('email', '=', 'jpatel@carsonca.gov').executeTakeFirstOrThrow();

await db.transaction().execute(async (tx) => {
  for (let i = 0; i < N; i++) {
    const id = newId();
    await tx.insertInto('posts').values({ id, department_id: platform.department_id, author_id: author.id, status: 'scheduled', version: 1, emergency: 0, emergency_system: null, emergency_release_url: null, emergency_released_at: null, directed_by: null, directed_reason: null, directed_at: null, override_by: null, override_reason: null, override_version: null, scheduled_for: due, correction_of: null, created_at: due, updated_at: due, submitted_at: due, published_at: null, removed_at: null, removed_by: null, removal_reason: null }).execute();
    await tx.insertInto('post_versions').values({ id: newId(), post_id: id, version: 1, title: `Notice ${i}`, body: `Notice number ${i} for the bench. https://ci.carson.ca.us/`, link: null, targets: JSON.stringify([{ platformId: platform.id, text: null }]), attachment_ids: '[]', findings: '[]', edited_by: author.id, edited_at: due }).execute();
    await tx.insertInto('post_publications').values({ id: newId(), post_id: id, platform_id: platform.id, version: 1, idempotency_key: `${id}:${platform.id}:v1`, status: 'pending', attempts: 0, due_at: due, next_attempt_at: due, first_attempt_at: null, locked_by: null, locked_until: null, last_error: null, remote_id: null, remote_url: null, native: null, published_at: null, removed_at: null, created_at: due, updated_at: due }).execute();
  }
});

const rss0 = process.memoryUsage().rss;
const started = performance.now();
const [a, b] = await Promise.all([ctx.posts.publisher({ workerId: 'a' }).runDue(), ctx.posts.publisher({ workerId: 'b' }).runDue()]);
const seconds = (performance.now() - started) / 1000;

const entries = await db.selectFrom('feed_entries').select(({ fn }) => [fn.countAll<number>().as('n'), fn.count<number>('idempotency_key').distinct().as('keys')]).executeTakeFirstOrThrow();
const published = await db.selectFrom('post_publications').select(({ fn }) => fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow();
const result = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`,
  posts: N,
  seconds: Number(seconds.toFixed(2)),
  perSecond: Math.round(N / seconds),
  workerA: a.published,
  workerB: b.published,
  feedEntries: Number(entries.n),
  distinctKeys: Number(entries.keys),
  publishedRows: Number(published.n),
  rssDeltaMb: Math.round((process.memoryUsage().rss - rss0) / 1e6),
};
console.log(JSON.stringify(result, null, 2));
const ok = Number(entries.n) === N && Number(entries.keys) === N && Number(published.n) === N && seconds <= 60;
console.log(ok ? `PASS: ${N} posts published once each in ${result.seconds} s (target ≤ 60 s)` : 'FAIL');
await ctx.db.close();
rmSync(dir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
