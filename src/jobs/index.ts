import type { AppContext } from '../context.ts';
import type { PublisherOptions } from '../modules/posts/index.ts';
import { createJobRunner, type Job, type JobRunner } from './runner.ts';

export { createJobRunner, type Job, type JobRunner } from './runner.ts';

/** Crier's recurring work: publish what is due, poll comments, send owed mail, open due review tasks, close idle off-duty sessions. */
export function crierJobs(ctx: AppContext, options: { publisher?: PublisherOptions; log?: (line: string) => void } = {}): JobRunner {
  const publisher = ctx.posts.publisher(options.publisher);
  const jobs: Job[] = [
    { name: 'publish', everyMs: 5_000, run: () => publisher.runDue() },
    { name: 'mail', everyMs: 60_000, run: () => ctx.vault.deliverMail() },
    // Bans that ran out; reviewers reminded when a review is due (V).
    { name: 'bans', everyMs: 600_000, run: () => ctx.bans.tick(ctx.clock.now()) },
    // Reminders before each records-request due date, and when one is overdue (IV.A.11).
    { name: 'records-requests', everyMs: 3_600_000, run: () => ctx.recordsRequests.tick(ctx.clock.now()) },
    // Seal each finished City day of the records archive (IV.A.9: tamper-evident).
    { name: 'archive-seal', everyMs: 3_600_000, run: () => ctx.archive.tick(ctx.clock.now()) },
    // Productions queued from the UI (IV.A.12); one whose process stopped is marked failed; files past their expiry removed.
    { name: 'productions', everyMs: 60_000, run: () => ctx.productions.tick(ctx.clock.now()) },
    // Platform downloads uploaded for the archive (IV.A.9); one whose process stopped is marked failed.
    { name: 'archive-imports', everyMs: 60_000, run: () => ctx.archiveImports.tick(ctx.clock.now()) },
    // Comments from each platform whose comments the City Manager authorized (IV.A.6).
    { name: 'comments', everyMs: 60_000, run: () => ctx.comments.pollAll() },
    { name: 'reviews', everyMs: 3_600_000, run: () => ctx.reviews.tick(ctx.clock.now()) },
    // Closes off-duty sessions left open (idle, end of day) and flags them; never drops them.
    { name: 'offduty', everyMs: 300_000, run: () => ctx.offduty.tick(ctx.clock.now()) },
  ];
  return createJobRunner(jobs, options.log);
}
