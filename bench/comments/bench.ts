/**
 * Issue 5 benches, one process each (no shared heap or cache between them): ingest throughput
 * with screening and its baselines, the queue's first page over 1,000,000 comments, and kill -9
 * during ingest. Results: bench/comments/README.md. Run: npm run bench:comments
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

let failed = 0;
for (const name of ['ingest.ts', 'queue.ts', 'kill.ts']) {
  console.log(`\n== bench/comments/${name}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(name, import.meta.url))], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
