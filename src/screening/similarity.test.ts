import { describe, expect, it } from 'vitest';
import { findConflicts, similarity } from './similarity.ts';

describe('[IV.C.15(h)] duplicative or conflicting information', () => {
  const ref = '2026-03-01T17:00:00Z';
  it('[IV.C.15(h)] similarity is 1 for the same text, low for unrelated text, symmetric', () => {
    const a = 'Street sweeping on Carson Street moves to Tuesdays starting March 3.';
    expect(similarity(a, a)).toBeCloseTo(1, 2);
    expect(similarity(a, 'The library book sale raised money for children\'s programs.')).toBeLessThan(0.3);
    const b = 'Street sweeping on Carson St. moves to Tuesdays, starting March 3!';
    expect(similarity(a, b)).toBe(similarity(b, a));
    expect(similarity('', a)).toBe(0);
  });
  it('[IV.C.15(h)] flags a near-duplicate of a recent post on another platform', () => {
    const f = findConflicts(
      { text: 'Street sweeping on Carson Street moves to Tuesdays starting March 3. Details: ci.carson.ca.us', date: ref },
      [{ id: 'p1', platform: 'facebook', text: 'Street sweeping on Carson Street moves to Tuesdays starting March 3. Details at ci.carson.ca.us', date: ref }],
    );
    expect(f.map((x) => [x.kind, x.otherId, x.clause, x.severity])).toEqual([['duplicate', 'p1', 'IV.C.15(h)', 'advice']]);
  });
  it('[IV.C.15(h)] flags the same event with a different date', () => {
    const f = findConflicts(
      { text: 'Join us for the Spring Egg Hunt on Saturday, March 14 at 10 a.m. at Carson Park!', date: ref },
      [{ id: 'p2', text: 'Join us for the Spring Egg Hunt on Saturday, March 21 at 10 a.m. at Carson Park!', date: ref }],
    );
    expect(f).toHaveLength(1);
    expect(f[0]!.kind).toBe('conflict');
    expect(f[0]!.message).toMatch(/date/);
    expect(f[0]!.span?.text).toMatch(/March 14/);
  });
  it('[IV.C.15(h)] flags the same event at a different time or place', () => {
    const time = findConflicts(
      { text: 'Spring Egg Hunt on March 14 starts at 11 a.m. at Carson Park. Bring a basket!', date: ref },
      [{ id: 'p3', text: 'Spring Egg Hunt on March 14 starts at 10 a.m. at Carson Park. Bring a basket!', date: ref }],
    );
    expect(time.map((x) => x.message).join()).toMatch(/time/);
    const place = findConflicts(
      { text: 'Spring Egg Hunt on March 14 at 10 a.m. at Veterans Park. Bring a basket!', date: ref },
      [{ id: 'p4', text: 'Spring Egg Hunt on March 14 at 10 a.m. at Carson Park. Bring a basket!', date: ref }],
    );
    expect(place.map((x) => x.message).join()).toMatch(/place/);
  });
  it('[IV.C.15(h)] unrelated posts and consistent posts raise nothing', () => {
    expect(findConflicts(
      { text: 'Spring Egg Hunt on March 14 at 10 a.m. at Carson Park.', date: ref },
      [
        { id: 'a', text: 'City Hall is closed on Monday for Cesar Chavez Day.', date: ref },
        { id: 'b', text: 'Reminder: the Spring Egg Hunt is this Saturday, March 14, 10 a.m., Carson Park. Free for kids!', date: ref },
      ],
    )).toEqual([]);
  });
});
