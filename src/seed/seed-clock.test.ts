import { describe, expect, it } from 'vitest';
import { defaultPackDir, isBusinessTime, loadPackFromDir } from '../policy/index.ts';
import { demoWorkStart } from './seed-clock.ts';

const pack = loadPackFromDir(defaultPackDir());
const MINUTE = 60_000;
const SPAN = 139 * MINUTE;

describe('demo seed clock', () => {
  it('[IV.C.15(e)] dates the demo workflow wholly inside business hours, before now, whatever the time the seed runs', () => {
    // Every 40 minutes across Thanksgiving week (a four-day closure), a daylight-saving change
    // (1 November 2026) and a Friday's shorter hours.
    const runs: Date[] = [];
    for (let t = Date.parse('2026-10-29T00:00:00Z'); t < Date.parse('2026-12-02T00:00:00Z'); t += 40 * MINUTE) runs.push(new Date(t));
    for (const now of runs) {
      const start = demoWorkStart(pack, now, SPAN);
      for (let t = start.getTime(); t <= start.getTime() + SPAN; t += 5 * MINUTE) {
        expect(isBusinessTime(pack, new Date(t)), `seeded at ${now.toISOString()}: ${new Date(t).toISOString()}`).toBe(true);
      }
      expect(start.getTime() + SPAN).toBeLessThanOrEqual(now.getTime());
      expect(now.getTime() - start.getTime()).toBeLessThan(15 * 24 * 60 * MINUTE);
    }
  });

  it('a late-afternoon run (Thanksgiving 2026, 15:25 in Carson) starts at the opening a week before', () => {
    // What CI hit: a week before was Thursday 19 November, 15:25; the old clock walked past 17:30.
    expect(demoWorkStart(pack, new Date('2026-11-26T23:25:00Z'), SPAN).toISOString()).toBe('2026-11-19T15:30:00.000Z');
  });

  it('names the problem when the pack leaves no interval long enough', () => {
    expect(() => demoWorkStart(pack, new Date('2026-11-26T23:25:00Z'), 11 * 60 * MINUTE)).toThrow(/no business interval of 660 minutes in the four weeks before 2026-11-26T23:25:00.000Z/);
  });
});
