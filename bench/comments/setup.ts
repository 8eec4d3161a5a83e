/** Shared bench set-up: a fresh SQLite file with the demo city and a few published City posts to reply to. */
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config/index.ts';
import type { AppContext } from '../../src/context.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { newId } from '../../src/kernel/ids.ts';
import { createContext } from '../../src/main.ts';
import { seedDemoCity } from '../../src/seed/demo.ts';

export const NOW = '2026-11-19T18:00:00.000Z';
export const POSTS = 7;
export const postRemoteId = (k: number) => `at://did:plc:carsonpw/app.bsky.feed.post/bench${k % POSTS}`;

export function benchConfig(dir: string): Config {
  return { ...loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv), database: { kind: 'sqlite', file: join(dir, 'crier.db') }, dataDir: dir };
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`;
}

/** A demo city on a fresh file, with POSTS published posts on the Public Works Bluesky account (comments authorized). */
export async function benchCity(prefix: string): Promise<{ dir: string; ctx: AppContext; platformId: string; clock: ManualClock }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const clock = new ManualClock(NOW);
  const ctx = await createContext(benchConfig(dir), { clock });
  await seedDemoCity(ctx);
  const db = ctx.db.db;
  const platform = await db.selectFrom('platforms').select(['id', 'department_id']).where('name', '=', 'Carson Public Works on Bluesky').executeTakeFirstOrThrow();
  const author = await db.selectFrom('persons').select('id').where('email', '=', 'jpatel@carsonca.gov').executeTakeFirstOrThrow();
  await db.transaction().execute(async (tx) => {
    for (let k = 0; k < POSTS; k++) {
      const id = newId();
      await tx.insertInto('posts').values({ id, department_id: platform.department_id, author_id: author.id, status: 'published', version: 1, emergency: 0, emergency_system: null, emergency_release_url: null, emergency_released_at: null, directed_by: null, directed_reason: null, directed_at: null, override_by: null, override_reason: null, override_version: null, scheduled_for: NOW, correction_of: null, created_at: NOW, updated_at: NOW, submitted_at: NOW, published_at: NOW, removed_at: null, removed_by: null, removal_reason: null }).execute();
      await tx.insertInto('post_versions').values({ id: newId(), post_id: id, version: 1, title: `Service update ${k}`, body: `Street sweeping on Avalon Boulevard moves to Tuesday mornings in district ${k}. Repaving on Carson Street finishes Friday. Details: https://ci.carson.ca.us/streets`, link: null, targets: JSON.stringify([{ platformId: platform.id, text: null }]), attachment_ids: '[]', findings: '[]', edited_by: author.id, edited_at: NOW }).execute();
      await tx.insertInto('post_publications').values({ id: newId(), post_id: id, platform_id: platform.id, version: 1, idempotency_key: `${id}:${platform.id}:v1`, status: 'published', attempts: 1, due_at: NOW, next_attempt_at: NOW, first_attempt_at: NOW, locked_by: null, locked_until: null, last_error: null, remote_id: postRemoteId(k), remote_url: null, native: null, published_at: NOW, removed_at: null, created_at: NOW, updated_at: NOW }).execute();
    }
  });
  return { dir, ctx, platformId: platform.id, clock };
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
