/**
 * A queue worker that runs at most once at a time in this process: `kick()` starts it when idle
 * and resolves when it has run dry; a claim that another process won (false) is skipped. `claimNext` takes the next job (a guarded update, so another
 * process on the same database skips it) and returns its id, or null when none is waiting; a
 * database error ends this drain quietly and the scheduler's next tick starts another.
 */
export function serialDrain(claimNext: () => Promise<string | null | false>, run: (id: string) => Promise<void>): { kick(): Promise<void>; busy(): boolean } {
  let running: Promise<void> | null = null;
  async function drain(): Promise<void> {
    for (;;) {
      const id = await claimNext();
      if (id === null) return;
      if (id !== false) await run(id);
    }
  }
  return {
    kick: () =>
      (running ??= drain()
        .catch(() => undefined)
        .finally(() => {
          running = null;
        })),
    /** Whether this process is working on a job now. */
    busy: () => running !== null,
  };
}
