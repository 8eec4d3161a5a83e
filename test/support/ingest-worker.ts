/**
 * A comment ingester that is meant to be killed: it ingests batches of generated comments (like
 * a poller's) into the given SQLite file and, after each ingest() returns, prints the ids of that
 * batch — the acknowledgement. The parent SIGKILLs it at some point and checks that every
 * acknowledged comment survived. Used by test/comments/kill-ingest.test.ts and bench/comments/kill.ts.
 * Usage: node --import tsx test/support/ingest-worker.ts <db-file> <data-dir> <platform-id> <batches> <batch-size> <prefix>
 * Prints `ack <batch> <remote-id>,<remote-id>,… <comment-id>,<comment-id>,…` per committed batch.
 */
import { commentTexts } from '../../bench/comments/texts.ts';
import { loadConfig } from '../../src/config/index.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { createContext } from '../../src/main.ts';

const [file, dataDir, platformId, batches, batchSize, prefix] = process.argv.slice(2) as [string, string, string, string, string, string];
const base = loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
const ctx = await createContext({ ...base, database: { kind: 'sqlite', file }, dataDir }, { clock: new ManualClock('2026-11-19T18:00:00Z'), migrate: false });
const text = commentTexts(Number(process.pid));
process.stdout.write('ready\n');
for (let b = 0; b < Number(batches); b++) {
  const items = Array.from({ length: Number(batchSize) }, (_, i) => ({
    platformId,
    remoteId: `${prefix}-${b}-${i}`,
    postRemoteId: `${prefix}-post-${b % 7}`,
    authorHandle: `resident${(b * 31 + i) % 500}.bsky.social`,
    authorName: null,
    text: text(),
    createdAt: new Date(Date.parse('2026-11-19T17:00:00Z') + b * 1000 + i).toISOString(),
    native: { b, i },
  }));
  const r = await ctx.comments.ingest(items, 'poll');
  // Written synchronously (stdout is a pipe): once the parent reads this line, the batch is acknowledged.
  process.stdout.write(`ack ${b} ${items.map((x) => x.remoteId).join(',')} ${r.ids.join(',')}\n`);
}
await ctx.db.close();
process.stdout.write('done\n');
