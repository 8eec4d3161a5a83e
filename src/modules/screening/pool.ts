/**
 * Comment screening across worker threads: screening is pure CPU work (about 5,000 comments per
 * CPU-second), so a batch is cut into one contiguous slice per worker and the findings come back
 * in the batch's order. The workers start on the first batch, are sized to the cores, and hold
 * the process open only while they have work.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PolicyPack } from '../../policy/index.ts';
import type { Finding } from '../../screening/types.ts';
import type { CommentToScreen } from './comments.ts';
import type { ScreenJob } from './comment-worker.ts';

type Reply = { id: number; findings: Finding[][] } | { id: number; error: string };

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (f: Finding[][]) => void; reject: (e: Error) => void }>;
  /** Comments sent and not yet answered: the next slice goes to the least loaded worker. */
  load: number;
}

/** One worker per core, at most four: the main thread writes while they screen. */
export const defaultPoolSize = (): number => Math.max(1, Math.min(4, availableParallelism()));

export class ScreeningPool {
  private slots: Slot[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly pack: PolicyPack,
    readonly size: number = defaultPoolSize(),
  ) {}

  /** Findings for each comment, in the order given. Rejects if a worker fails (the caller may screen inline instead). */
  async screen(items: readonly CommentToScreen[]): Promise<Finding[][]> {
    if (this.closed) throw new Error('the screening pool is closed');
    if (!items.length) return [];
    while (this.slots.length < this.size) this.slots.push(this.start());
    const per = Math.ceil(items.length / this.size);
    const slices: Promise<Finding[][]>[] = [];
    for (let i = 0; i < items.length; i += per) slices.push(this.send(items.slice(i, i + per)));
    return (await Promise.all(slices)).flat();
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private send(items: CommentToScreen[]): Promise<Finding[][]> {
    const slot = this.slots.reduce((a, b) => (b.load < a.load ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (slot.pending.size === 0) slot.worker.ref();
      slot.load += items.length;
      slot.pending.set(id, {
        resolve: (f) => {
          slot.load -= items.length;
          resolve(f);
        },
        reject,
      });
      slot.worker.postMessage({ id, items } satisfies ScreenJob);
    });
  }

  private start(): Slot {
    const worker = new Worker(new URL('./comment-worker.mjs', import.meta.url), { workerData: { pack: this.pack } });
    const slot: Slot = { worker, pending: new Map(), load: 0 };
    worker.unref();
    worker.on('message', (m: Reply) => {
      const p = slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id);
      if (slot.pending.size === 0) worker.unref();
      if ('error' in m) p.reject(new Error(`screening worker: ${m.error}`));
      else p.resolve(m.findings);
    });
    // A worker that dies takes its jobs with it: they fail, and the next batch starts a new one.
    const fail = (e: Error) => {
      this.slots = this.slots.filter((s) => s !== slot);
      for (const p of slot.pending.values()) p.reject(e);
      slot.pending.clear();
    };
    worker.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
    worker.on('exit', (code) => fail(new Error(`screening worker stopped (exit code ${code})`)));
    return slot;
  }
}
