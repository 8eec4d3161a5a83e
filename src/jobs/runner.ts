/**
 * A small in-process job runner: named tasks, each run every N ms, never two runs of one task at
 * once, errors logged and the task tried again on its next turn. The work itself is made safe
 * to run from several processes by the tasks (the publisher claims rows with leases), so
 * `crier serve` and any number of `crier worker` processes may run side by side.
 */
export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface JobRunner {
  /** Run every job once now, in order (for `crier worker --once` and tests). */
  runOnce(): Promise<Record<string, unknown>>;
  start(): void;
  stop(): Promise<void>;
}

export function createJobRunner(jobs: Job[], log: (line: string) => void = () => {}): JobRunner {
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<unknown>>();
  let stopped = true;

  async function runJob(job: Job): Promise<unknown> {
    const current = running.get(job.name);
    if (current) return current;
    const p = job
      .run()
      .catch((e: unknown) => {
        log(`job ${job.name} failed: ${e instanceof Error ? e.message : String(e)}`);
        return { error: e instanceof Error ? e.message : String(e) };
      })
      .finally(() => running.delete(job.name));
    running.set(job.name, p);
    return p;
  }

  function schedule(job: Job): void {
    if (stopped) return;
    const t = setTimeout(() => {
      void runJob(job).finally(() => schedule(job));
    }, job.everyMs);
    t.unref();
    timers.set(job.name, t);
  }

  return {
    async runOnce() {
      const out: Record<string, unknown> = {};
      for (const j of jobs) out[j.name] = await runJob(j);
      return out;
    },
    start() {
      if (!stopped) return;
      stopped = false;
      for (const j of jobs) schedule(j);
    },
    async stop() {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...running.values()]);
    },
  };
}
