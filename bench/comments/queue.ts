/**
 * Issue 5 target (b): the moderation queue's first page (ctx.comments.queue, 25 items) p95 ≤ 100 ms
 * with 1,000,000 comments stored. The table is filled straight through better-sqlite3 in one
 * transaction (what is measured is the read, not the write); realistic texts and findings, 5,000
 * commenters, most comments decided and OPEN_SHARE of them open. Then the same with every comment
 * open (the worst case for the open count). The query plans are printed. Run: npm run bench:comments
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ManualClock } from '../../src/kernel/clock.ts';
import { newId } from '../../src/kernel/ids.ts';
import { createContext } from '../../src/main.ts';
import { benchCity, benchConfig, machine, NOW, percentile, postRemoteId } from './setup.ts';
import { commentTexts } from './texts.ts';

const N = Number(process.env.BENCH_QUEUE_COMMENTS ?? 1_000_000);
const OPEN_SHARE = Number(process.env.BENCH_OPEN_SHARE ?? 0.05);
const RUNS = Number(process.env.BENCH_QUEUE_RUNS ?? 200);

const setup = await benchCity('crier-bench-queue-');
const { dir, platformId } = setup;
await setup.ctx.db.close();

// Fill: one transaction, one prepared statement.
const fillStart = performance.now();
const sqlite = new Database(join(dir, 'crier.db'));
const insert = sqlite.prepare(
  `insert into comments (id, platform_id, remote_id, post_id, post_remote_id, parent_remote_id, author_handle, author_name, url, text, version, source, created_on_platform_at, captured_at, updated_at, deleted_on_platform_at, visibility, review_state, severity, findings, legislative_person_id, retain_until)
   values (?, ?, ?, null, ?, null, ?, ?, null, ?, 1, 'poll', ?, ?, ?, null, ?, ?, ?, ?, null, '2029-12-31')`,
);
const text = commentTexts(3);
const findingsFor = (sev: number) => (sev === 0 ? '[]' : JSON.stringify([{ clause: sev === 3 ? 'V.11' : sev === 2 ? 'V.7' : 'V.1', severity: sev >= 2 ? 'block' : 'advice', rule: 'bench', message: 'bench finding', spans: [] }]));
const t0 = Date.parse('2025-01-01T00:00:00Z');
sqlite.transaction(() => {
  for (let k = 0; k < N; k++) {
    const r = (k * 2654435761) % 1000; // spread deterministically
    const sev = r < 5 ? 3 : r < 60 ? 2 : r < 200 ? 1 : 0;
    const at = new Date(t0 + k * 30_000).toISOString();
    const open = r % 100 < OPEN_SHARE * 100;
    insert.run(newId(), platformId, `bench-${k}`, postRemoteId(k), `resident${k % 5000}.bsky.social`, `Resident ${k % 5000}`, text(), at, at, at, r % 50 === 0 ? 'hidden' : 'visible', open ? 'open' : 'decided', sev, findingsFor(sev));
  }
})();
sqlite.pragma('wal_checkpoint(TRUNCATE)');
sqlite.exec('analyze');
const fillSeconds = (performance.now() - fillStart) / 1000;

const plan = (q: string) =>
  (sqlite.prepare(`explain query plan ${q}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
const plans = {
  page: plan(`select id, severity, captured_at from comments where review_state = 'open' order by severity desc, captured_at asc, id asc limit 26`),
  openCount: plan(`select count(*) from comments where review_state = 'open'`),
  authorHistory: plan(`select count(*), sum(case when visibility <> 'visible' then 1 else 0 end) from comments where platform_id = 'x' and author_handle = 'y'`),
};
sqlite.close();

const ctx = await createContext(benchConfig(dir), { clock: new ManualClock(NOW), migrate: false });
const moderatorId = (await ctx.db.db.selectFrom('persons').select('id').where('email', '=', 'moderator@carsonca.gov').executeTakeFirstOrThrow()).id;
const moderator = (await ctx.people.actorFor(moderatorId))!;

async function measure(): Promise<{ p50: number; p95: number; max: number; countP95: number; open: number; secondPageP95: number }> {
  for (let i = 0; i < 5; i++) await ctx.comments.queue(moderator, { limit: 25 });
  const first: number[] = [];
  const second: number[] = [];
  const counts: number[] = [];
  let open = 0;
  for (let i = 0; i < RUNS; i++) {
    const a = performance.now();
    const page = await ctx.comments.queue(moderator, { limit: 25 });
    first.push(performance.now() - a);
    open = page.open;
    const b = performance.now();
    await ctx.comments.queue(moderator, { limit: 25, after: page.next ?? undefined });
    second.push(performance.now() - b);
    const c = performance.now();
    await ctx.db.db.selectFrom('comments').select(({ fn }) => fn.countAll<number>().as('n')).where('review_state', '=', 'open').executeTakeFirstOrThrow();
    counts.push(performance.now() - c);
  }
  const r = (x: number) => +x.toFixed(1);
  return { p50: r(percentile(first, 50)), p95: r(percentile(first, 95)), max: r(Math.max(...first)), secondPageP95: r(percentile(second, 95)), countP95: r(percentile(counts, 95)), open };
}

const realistic = await measure();
await ctx.db.db.updateTable('comments').set({ review_state: 'open' }).execute();
const allOpen = await measure();

const result = { machine: machine(), comments: N, fillSeconds: +fillSeconds.toFixed(1), runs: RUNS, plans, [`open ${Math.round(OPEN_SHARE * 100)}%`]: realistic, 'all open': allOpen };
console.log(JSON.stringify(result, null, 2));
const ok = realistic.p95 <= 100 && plans.page.includes('comments_queue');
console.log(ok ? `PASS: first page p95 ${realistic.p95} ms with ${N} comments (${realistic.open} open; target ≤ 100 ms); all open: p95 ${allOpen.p95} ms` : `MISS: first page p95 ${realistic.p95} ms (${realistic.open} open), all open ${allOpen.p95} ms; target ≤ 100 ms`);
await ctx.db.close();
rmSync(dir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
