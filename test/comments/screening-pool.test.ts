import { afterAll, expect, it } from 'vitest';
import { commentTexts } from '../../bench/comments/texts.ts';
import { createScreeningService } from '../../src/modules/screening/index.ts';
import { defaultPackDir, loadPackFromDir } from '../../src/policy/index.ts';

const pack = loadPackFromDir(defaultPackDir());
const pooled = createScreeningService({ pack, workers: 2, poolMinBatch: 1 });
afterAll(() => pooled.close());
const context = 'Street sweeping on Avalon Boulevard moves to Tuesday mornings. Details: https://ci.carson.ca.us/streets';

it('[V.7] [V.11] screening in worker threads gives every comment the findings the main thread gives it, in the batch order', async () => {
  const text = commentTexts(9);
  const items = Array.from({ length: 301 }, (_, i) => ({ text: text(), ...(i % 3 ? { context } : {}) }));
  const inline = items.map((c) => pooled.screenComment(c.text, c.context));
  const fromWorkers = await pooled.screenComments(items);
  expect(fromWorkers).toEqual(inline);
  expect(fromWorkers.filter((f) => f.some((x) => x.severity === 'block')).length).toBeGreaterThan(5);
  // Two batches at once share the workers and each still comes back whole and in order.
  const [a, b] = await Promise.all([pooled.screenComments(items.slice(0, 150)), pooled.screenComments(items.slice(150))]);
  expect([...a, ...b]).toEqual(inline);
}, 60_000);

it('a closed pool still screens, on the calling thread (screening is pure)', async () => {
  const s = createScreeningService({ pack, workers: 1, poolMinBatch: 1 });
  await s.close();
  expect(await s.screenComments([{ text: 'I will burn down city hall', context }])).toEqual([s.screenComment('I will burn down city hall', context)]);
});
