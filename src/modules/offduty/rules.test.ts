import { describe, expect, it } from 'vitest';
import { defaultPackDir, loadPackFromDir } from '../../policy/index.ts';
import { endOfCityDay, isStale, minutesBetween, overDeMinimis, staleAt } from './rules.ts';

const pack = loadPackFromDir(defaultPackDir());

describe('offduty: session rules', () => {
  it('[IV.C.15(e)(i)] more than five minutes is over the de minimis threshold; exactly five is not', () => {
    expect(overDeMinimis(pack, '2026-11-20T05:00:00Z', '2026-11-20T05:05:00Z')).toBe(false);
    expect(overDeMinimis(pack, '2026-11-20T05:00:00Z', '2026-11-20T05:05:01Z')).toBe(true);
    expect(minutesBetween('2026-11-20T05:00:00Z', '2026-11-20T05:05:01Z')).toBe(6);
    expect(minutesBetween('2026-11-20T05:00:00Z', '2026-11-20T05:00:00Z')).toBe(1);
  });

  it("[IV.C.15(e)(i)(C)] the City's day ends at local midnight, also on the 25-hour day when clocks fall back", () => {
    expect(endOfCityDay(pack, new Date('2026-11-01T08:30:00Z')).toISOString()).toBe('2026-11-02T08:00:00.000Z');
    expect(endOfCityDay(pack, new Date('2027-03-14T09:30:00Z')).toISOString()).toBe('2027-03-15T07:00:00.000Z');
  });

  it('[IV.C.15(e)(i)(C)] a session the employee started ends at midnight or when business hours begin; one opened by activity after 30 idle minutes', () => {
    // Friday 18:00 PST: midnight comes first.
    expect(staleAt(pack, { startedAt: '2026-11-21T02:00:00.000Z', lastActivityAt: '2026-11-21T02:00:00.000Z', openedBy: 'manual' }).toISOString()).toBe('2026-11-21T08:00:00.000Z');
    // Monday 06:00 PST: on duty at 07:30 first.
    expect(staleAt(pack, { startedAt: '2026-11-23T14:00:00.000Z', lastActivityAt: '2026-11-23T14:00:00.000Z', openedBy: 'manual' }).toISOString()).toBe('2026-11-23T15:30:00.000Z');
    const auto = { startedAt: '2026-11-21T02:00:00.000Z', lastActivityAt: '2026-11-21T02:10:00.000Z', openedBy: 'activity' as const };
    expect(isStale(pack, auto, new Date('2026-11-21T02:39:59Z'))).toBe(false);
    expect(isStale(pack, auto, new Date('2026-11-21T02:40:00Z'))).toBe(true);
  });
});
