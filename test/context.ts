import { afterAll, beforeAll, describe } from 'vitest';
import type { Config } from '../src/config/index.ts';
import { loadConfig } from '../src/config/index.ts';
import type { AppContext } from '../src/context.ts';
import type { DialectName } from '../src/db/index.ts';
import { ManualClock } from '../src/kernel/clock.ts';
import { createContext, type ContextOptions } from '../src/main.ts';
import { createScratchPostgres, dialects } from './dialects.ts';

export interface TestContext extends AppContext {
  clock: ManualClock;
  close(): Promise<void>;
}

/** A full application context (every module) on a fresh database of the given dialect. */
export async function createTestContext(dialect: DialectName, options: Omit<ContextOptions, 'clock'> & { now?: string; config?: Partial<Config> } = {}): Promise<TestContext> {
  // Thursday 10:00 in Carson: inside business hours.
  const clock = new ManualClock(options.now ?? '2026-11-19T18:00:00Z');
  const base = loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
  let drop: (() => Promise<void>) | undefined;
  let database: Config['database'] = { kind: 'sqlite', file: ':memory:' };
  if (dialect === 'postgres') {
    const scratch = await createScratchPostgres();
    database = { kind: 'postgres', url: scratch.url };
    drop = scratch.drop;
  }
  const config: Config = { ...base, database, ...options.config };
  const ctx = await createContext(config, { ...options, clock });
  return {
    ...ctx,
    clock,
    async close() {
      await ctx.db.close();
      await drop?.();
    },
  };
}

/** describe() once per dialect with a full context; `get()` returns it. */
export function describeWithContext(name: string, body: (get: () => TestContext, dialect: DialectName) => void, options: Parameters<typeof createTestContext>[1] = {}): void {
  for (const dialect of dialects) {
    describe(`${name} [${dialect}]`, () => {
      let ctx: TestContext | undefined;
      beforeAll(async () => {
        ctx = await createTestContext(dialect, options);
      }, 60_000);
      afterAll(async () => {
        await ctx?.close();
      });
      body(() => {
        if (!ctx) throw new Error('context not ready');
        return ctx;
      }, dialect);
    });
  }
}
