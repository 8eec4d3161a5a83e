import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/index.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { createContext } from '../../src/main.ts';
import { postsWorld } from './support.ts';

const WORKER = fileURLToPath(new URL('../support/publish-worker.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'crier-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function config(): Config {
  return { ...loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv), database: { kind: 'sqlite', file: join(dir, 'crier.db') }, dataDir: dir };
}

function runDoomedWorker(now: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, join(dir, 'crier.db'), dir, now], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

it('a worker killed between sending and recording never makes the post appear twice', async () => {
  const start = '2026-11-19T18:00:00.000Z';
  const clock = new ManualClock(start);
  let ctx = await createContext(config(), { clock });
  const w = await postsWorld(ctx);
  const id = await w.schedule();
  await ctx.db.close();

  // The worker publishes to the City feed, then dies before recording it.
  const killed = await runDoomedWorker(start);
  expect(killed.signal, killed.out).toBe('SIGKILL');

  ctx = await createContext(config(), { clock });
  const key = `${id}:${w.pwNews}:v1`;
  const stuck = await ctx.db.db.selectFrom('post_publications').selectAll().where('idempotency_key', '=', key).executeTakeFirstOrThrow();
  expect(stuck.status).toBe('sending');
  expect(await ctx.db.db.selectFrom('feed_entries').select('id').where('idempotency_key', '=', key).execute()).toHaveLength(1);

  // While the dead worker's lease holds, nobody touches the row.
  expect((await ctx.posts.publisher({ workerId: 'second' }).runDue()).published).toBe(0);
  // After it lapses, the next worker asks the platform first and records what is already there.
  clock.advance(3 * 60_000);
  expect(await ctx.posts.publisher({ workerId: 'second' }).runDue()).toMatchObject({ published: 1, failed: 0 });
  const row = await ctx.db.db.selectFrom('post_publications').selectAll().where('idempotency_key', '=', key).executeTakeFirstOrThrow();
  expect(row).toMatchObject({ status: 'published', attempts: 2 });
  expect(await ctx.db.db.selectFrom('feed_entries').select('id').where('idempotency_key', '=', key).execute()).toHaveLength(1);
  expect((await ctx.posts.get(w.poster, id)).status).toBe('published');
  await ctx.db.close();
}, 120_000);
