import { describe, expect, it } from 'vitest';
import { springfieldDir } from './test-helpers.ts';
import { defaultPackDir, loadPackFromDir, retentionDefault, retentionEligibleFrom } from './index.ts';

const carson = loadPackFromDir(defaultPackDir());

describe('[IV.A.13] [IV.C.11] default retention on the City calendar', () => {
  it('current year + 2: a post from March 2026 may go from 1 January 2029', () => {
    expect(retentionEligibleFrom(carson, 'posts', new Date('2026-03-15T18:00:00Z'))).toBe('2029-01-01');
  });

  it('the creation year is the City year, not the UTC year', () => {
    // 2027-01-01T05:00Z is 31 Dec 2026, 21:00 in Carson.
    expect(retentionEligibleFrom(carson, 'removedComments', new Date('2027-01-01T05:00:00Z'))).toBe('2029-01-01');
  });

  it('nothing goes before the minimum years (Gov. Code 34090: 2 years)', () => {
    const spring = loadPackFromDir(springfieldDir);
    expect(retentionEligibleFrom(spring, 'posts', new Date('2026-02-28T18:00:00Z'))).toBe('2031-02-28');
    // current-year-plus 3 from 31 Dec 2026 would be 2030-01-01, which is already ≥ 3 years.
    expect(retentionEligibleFrom(spring, 'comments', new Date('2026-12-31T18:00:00Z'))).toBe('2030-01-01');
  });

  it('an unknown record type is an error', () => {
    expect(() => retentionDefault(carson, 'tweets')).toThrow(/no retention default for "tweets"/);
  });
});
