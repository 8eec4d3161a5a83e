import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/index.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { createContext } from '../../src/main.ts';
import { seedDemoCity } from '../../src/seed/demo.ts';

const WORKER = fileURLToPath(new URL('../support/ingest-worker.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'crier-kill-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BATCH = 200;

function config(): Config {
  return { ...loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv), database: { kind: 'sqlite', file: join(dir, 'crier.db') }, dataDir: dir };
}

/** Runs the worker and SIGKILLs it once it has acknowledged `killAfter` batches; returns every acknowledgement it printed. */
function ingestUntilKilled(platformId: string, killAfter: number): Promise<{ signal: NodeJS.Signals | null; acked: { remoteIds: string[]; ids: string[] }[]; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, join(dir, 'crier.db'), dir, platformId, '100000', String(BATCH), 'kill'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: { remoteIds: string[]; ids: string[] }[] = [];
    let buf = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const m = /^ack \d+ (\S+) (\S+)$/.exec(line);
        if (!m) continue;
        acked.push({ remoteIds: m[1]!.split(','), ids: m[2]!.split(',') });
        if (acked.length === killAfter) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    // Only whole lines count: a line cut by the kill was never an acknowledgement.
    child.on('exit', (_code, signal) => resolve({ signal, acked, err }));
  });
}

it('kill -9 in the middle of ingesting loses no acknowledged comment and leaves no half batch', async () => {
  const clock = new ManualClock('2026-11-19T18:00:00.000Z');
  let ctx = await createContext(config(), { clock });
  await seedDemoCity(ctx);
  const platformId = (await ctx.db.db.selectFrom('platforms').select('id').where('name', '=', 'Carson Public Works on Bluesky').executeTakeFirstOrThrow()).id;
  await ctx.db.close();

  const run = await ingestUntilKilled(platformId, 4);
  expect(run.signal, run.err).toBe('SIGKILL');
  expect(run.acked.length).toBeGreaterThanOrEqual(4);

  ctx = await createContext(config(), { clock });
  const db = ctx.db.db;
  expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows[0]?.integrity_check).toBe('ok');
  const remoteIds = run.acked.flatMap((a) => a.remoteIds);
  const ids = run.acked.flatMap((a) => a.ids);
  const found = new Set<string>();
  for (let i = 0; i < remoteIds.length; i += 500) {
    for (const r of await db.selectFrom('comments').select('remote_id').where('platform_id', '=', platformId).where('remote_id', 'in', remoteIds.slice(i, i + 500)).execute()) found.add(r.remote_id);
  }
  expect(remoteIds.filter((r) => !found.has(r))).toEqual([]);
  const versions = await db.selectFrom('comment_versions').select(({ fn }) => fn.count<number>('comment_id').distinct().as('n')).where('comment_id', 'in', ids.slice(0, 500)).executeTakeFirstOrThrow();
  expect(Number(versions.n)).toBe(Math.min(ids.length, 500));
  // One transaction per batch: whatever was in flight at the kill is wholly there or wholly absent.
  const stored = Number((await db.selectFrom('comments').select(({ fn }) => fn.countAll<number>().as('n')).where('remote_id', 'like', 'kill-%').executeTakeFirstOrThrow()).n);
  expect(stored % BATCH).toBe(0);
  expect(stored).toBeGreaterThanOrEqual(remoteIds.length);
  await ctx.db.close();
}, 180_000);
