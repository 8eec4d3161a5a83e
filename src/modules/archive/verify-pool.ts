/**
 * Ranges of the chain walked across worker threads (verify-worker.ts), each worker on its own
 * read-only connection. Workers take the next range as they finish one, so a worker the machine
 * gives less CPU simply walks fewer; each range's result is a promise the caller takes in order.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DatabaseTarget } from '../../db/index.ts';
import type { RangeJob, RangeResult } from './verify-range.ts';
import type { VerifyReply, VerifyWorkerData } from './verify-worker.ts';

/** One worker per core, at most four. */
export const defaultVerifyWorkers = (): number => Math.max(1, Math.min(4, availableParallelism()));

interface Deferred {
  promise: Promise<RangeResult>;
  resolve(r: RangeResult): void;
  reject(e: Error): void;
  settled: boolean;
}

function deferred(): Deferred {
  const d = { settled: false } as Deferred;
  d.promise = new Promise<RangeResult>((resolve, reject) => {
    d.resolve = (r) => ((d.settled = true), resolve(r));
    d.reject = (e) => ((d.settled = true), reject(e));
  });
  d.promise.catch(() => undefined); // ranges after a break are never awaited
  return d;
}

export function walkRangesInWorkers(target: DatabaseTarget, jobs: RangeJob[], size: number): { results: Promise<RangeResult>[]; close(): Promise<void> } {
  const pending = jobs.map(deferred);
  const workers: Worker[] = [];
  let next = 0;
  let closed = false;
  // A worker that fails fails every range not yet walked: the caller walks them itself instead.
  const failAll = (e: Error) => {
    for (const d of pending) if (!d.settled) d.reject(e);
  };

  function start(): void {
    const worker = new Worker(new URL('./verify-worker.mjs', import.meta.url), { workerData: { target } satisfies VerifyWorkerData });
    workers.push(worker);
    let current: number | null = null;
    const give = () => {
      current = null;
      if (closed || next >= jobs.length) return void worker.terminate();
      current = next++;
      worker.postMessage({ id: current, job: jobs[current] });
    };
    worker.on('message', (m: VerifyReply) => {
      if ('error' in m) return failAll(new Error(`verify worker: ${m.error}`));
      pending[m.id]!.resolve(m.result);
      give();
    });
    worker.on('error', (e) => failAll(e instanceof Error ? e : new Error(String(e))));
    worker.on('exit', (code) => {
      if (!closed && (current !== null || next < jobs.length)) failAll(new Error(`verify worker stopped (exit code ${code})`));
    });
    give();
  }

  for (let i = 0; i < Math.min(size, jobs.length); i++) start();
  return {
    results: pending.map((d) => d.promise),
    async close() {
      closed = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
