/**
 * Issue 5 target (c): kill -9 during ingest loses no acknowledged comment. A child process
 * (test/support/ingest-worker.ts) ingests batches of 200 into a SQLite file and prints each batch's
 * ids once ingest() has returned; the parent SIGKILLs it after a random number of acknowledgements
 * (so mostly inside the next batch's transaction), reopens the file and checks every acknowledged
 * comment is there and no batch is half there. ROUNDS kills on the same file. Run: npm run bench:comments
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { benchCity, machine } from './setup.ts';

const ROUNDS = Number(process.env.BENCH_KILL_ROUNDS ?? 8);
const BATCH = 200;
const WORKER = fileURLToPath(new URL('../../test/support/ingest-worker.ts', import.meta.url));

const setup = await benchCity('crier-bench-kill-');
const { dir, platformId } = setup;
await setup.ctx.db.close();
const file = join(dir, 'crier.db');

function round(prefix: string, killAfter: number): Promise<{ signal: string | null; acked: string[]; batches: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, file, dir, platformId, '100000', String(BATCH), prefix], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acked: string[] = [];
    let batches = 0;
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const m = /^ack \d+ (\S+) \S+$/.exec(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        if (!m) continue;
        acked.push(...m[1]!.split(','));
        if (++batches === killAfter) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (_c, signal) => resolve({ signal, acked, batches }));
  });
}

const rounds: { killAfter: number; acknowledged: number; stored: number; lost: number; halfBatch: boolean; signal: string | null }[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const killAfter = 1 + Math.floor(Math.random() * 8);
  const prefix = `k${r}`;
  const run = await round(prefix, killAfter);
  const db = new Database(file, { readonly: true });
  const stored = new Set((db.prepare(`select remote_id from comments where remote_id like ?`).all(`${prefix}-%`) as { remote_id: string }[]).map((x) => x.remote_id));
  const integrity = db.pragma('integrity_check', { simple: true });
  db.close();
  if (integrity !== 'ok') throw new Error(`integrity_check after round ${r}: ${String(integrity)}`);
  rounds.push({ killAfter, acknowledged: run.acked.length, stored: stored.size, lost: run.acked.filter((id) => !stored.has(id)).length, halfBatch: stored.size % BATCH !== 0, signal: run.signal });
}
const lost = rounds.reduce((n, r) => n + r.lost, 0);
const ok = lost === 0 && rounds.every((r) => !r.halfBatch && r.signal === 'SIGKILL');
console.log(JSON.stringify({ machine: machine(), batch: BATCH, rounds }, null, 2));
console.log(ok ? `PASS: ${ROUNDS} kill -9s, ${rounds.reduce((n, r) => n + r.acknowledged, 0)} acknowledged comments, none lost, no half batch` : `FAIL: ${lost} acknowledged comment(s) lost`);
rmSync(dir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
