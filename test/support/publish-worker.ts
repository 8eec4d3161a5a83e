/**
 * A publish worker that dies the hard way: it runs the real publisher on the given SQLite file
 * and SIGKILLs itself right after the platform accepted a post, before Crier records it — the
 * crash window the outbox must survive without posting twice. Used by test/posts/worker-kill.test.ts.
 * Usage: node --import tsx test/support/publish-worker.ts <db-file> <data-dir> <now-iso>
 */
import { loadConfig } from '../../src/config/index.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { createContext } from '../../src/main.ts';

const [file, dataDir, now] = process.argv.slice(2) as [string, string, string];
const base = loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
const ctx = await createContext({ ...base, database: { kind: 'sqlite', file }, dataDir }, { clock: new ManualClock(now) });
const publisher = ctx.posts.publisher({
  workerId: 'doomed-worker',
  afterSend: () => {
    process.kill(process.pid, 'SIGKILL');
    // SIGKILL is not delivered synchronously everywhere: never get past this point.
    return new Promise<never>(() => {});
  },
});
await publisher.runDue();
console.log('the worker was meant to die before this line');
