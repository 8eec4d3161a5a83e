/**
 * A screening worker thread (started by pool.ts through comment-worker.mjs): builds the pack's
 * configuration once, then screens each slice of comments it is sent and answers in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PolicyPack } from '../../policy/index.ts';
import { commentScreener, type CommentToScreen } from './comments.ts';
import { screeningConfigFromPack } from './config.ts';

export interface ScreenJob {
  id: number;
  items: CommentToScreen[];
}

const pack = (workerData as { pack: PolicyPack }).pack;
const screen = commentScreener(pack, screeningConfigFromPack(pack));

parentPort!.on('message', (job: ScreenJob) => {
  try {
    parentPort!.postMessage({ id: job.id, findings: job.items.map((c) => screen(c.text, c.context)) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
});
