import { describe, expect, it } from 'vitest';
import { carsonFiles, editYaml, springfieldDir } from './test-helpers.ts';
import { defaultPackDir, holidayOn, isBusinessTime, loadPackFromDir, localDate, nextBusinessTime, parsePack, zonedTimeToInstant } from './index.ts';

const carson = loadPackFromDir(defaultPackDir());
const at = (iso: string) => new Date(iso);

describe('[IV.C.15(e)] business hours in the City time zone (America/Los_Angeles)', () => {
  it('weekday hours: Mon–Thu 07:30–17:30, start inclusive, end exclusive', () => {
    // Monday 30 November 2026, PST (UTC−8).
    expect(isBusinessTime(carson, at('2026-11-30T15:29:59Z'))).toBe(false); // 07:29:59
    expect(isBusinessTime(carson, at('2026-11-30T15:30:00Z'))).toBe(true); // 07:30
    expect(isBusinessTime(carson, at('2026-11-30T20:00:00Z'))).toBe(true); // 12:00
    expect(isBusinessTime(carson, at('2026-12-01T01:29:00Z'))).toBe(true); // 17:29
    expect(isBusinessTime(carson, at('2026-12-01T01:30:00Z'))).toBe(false); // 17:30
  });

  it('Friday closes at 16:30', () => {
    expect(isBusinessTime(carson, at('2026-12-05T00:29:00Z'))).toBe(true); // Fri 4 Dec 16:29
    expect(isBusinessTime(carson, at('2026-12-05T00:45:00Z'))).toBe(false); // Fri 16:45
  });

  it('the weekend is not business time; the next one is Monday 07:30', () => {
    expect(isBusinessTime(carson, at('2026-11-28T20:00:00Z'))).toBe(false); // Sat noon
    expect(isBusinessTime(carson, at('2026-11-29T20:00:00Z'))).toBe(false); // Sun noon
    expect(nextBusinessTime(carson, at('2026-11-28T20:00:00Z')).toISOString()).toBe('2026-11-30T15:30:00.000Z');
  });

  it('holidays are not business time (Thanksgiving and the day after)', () => {
    expect(holidayOn(carson, '2026-11-26')?.name).toBe('Thanksgiving Day');
    expect(isBusinessTime(carson, at('2026-11-26T18:00:00Z'))).toBe(false); // Thu 10:00
    expect(isBusinessTime(carson, at('2026-11-27T18:00:00Z'))).toBe(false); // Fri 10:00
    // Wednesday evening → past Thanksgiving, the day after and the weekend → Monday 07:30.
    expect(nextBusinessTime(carson, at('2026-11-26T02:00:00Z')).toISOString()).toBe('2026-11-30T15:30:00.000Z');
  });

  it('the holiday is the City calendar date, not the UTC date', () => {
    // 2027-01-01T01:00Z is still 31 Dec 2026, 17:00 in Carson: a Thursday, not a holiday.
    expect(localDate(carson, at('2027-01-01T01:00:00Z'))).toBe('2026-12-31');
    expect(isBusinessTime(carson, at('2027-01-01T01:00:00Z'))).toBe(true);
    expect(nextBusinessTime(carson, at('2027-01-01T01:30:00Z')).toISOString()).toBe('2027-01-04T15:30:00.000Z');
  });

  it('an instant inside business hours is its own next business time', () => {
    const t = at('2026-11-30T20:00:00.123Z');
    expect(nextBusinessTime(carson, t).getTime()).toBe(t.getTime());
  });

  it('DST spring-forward (Sun 8 Mar 2026): Monday opens 07:30 PDT = 14:30Z', () => {
    expect(nextBusinessTime(carson, at('2026-03-07T20:00:00Z')).toISOString()).toBe('2026-03-09T14:30:00.000Z');
    expect(isBusinessTime(carson, at('2026-03-09T14:29:00Z'))).toBe(false);
    expect(isBusinessTime(carson, at('2026-03-09T14:30:00Z'))).toBe(true);
    // The Friday before is still PST: 07:30 = 15:30Z.
    expect(isBusinessTime(carson, at('2026-03-06T15:29:00Z'))).toBe(false);
    expect(isBusinessTime(carson, at('2026-03-06T15:30:00Z'))).toBe(true);
  });

  it('DST fall-back (Sun 1 Nov 2026): Friday closes 16:30 PDT, Monday opens 07:30 PST = 15:30Z', () => {
    expect(isBusinessTime(carson, at('2026-10-30T23:29:00Z'))).toBe(true);
    expect(isBusinessTime(carson, at('2026-10-30T23:30:00Z'))).toBe(false);
    expect(nextBusinessTime(carson, at('2026-10-30T23:30:00Z')).toISOString()).toBe('2026-11-02T15:30:00.000Z');
    expect(isBusinessTime(carson, at('2026-11-02T14:30:00Z'))).toBe(false); // 06:30 PST
  });

  it('wall-clock times in a DST gap or overlap resolve like Temporal "compatible"', () => {
    const tz = 'America/Los_Angeles';
    expect(zonedTimeToInstant(tz, 2026, 3, 8, 2, 30).toISOString()).toBe('2026-03-08T10:30:00.000Z'); // → 03:30 PDT
    expect(zonedTimeToInstant(tz, 2026, 11, 1, 1, 30).toISOString()).toBe('2026-11-01T08:30:00.000Z'); // first 01:30 (PDT)
    expect(zonedTimeToInstant(tz, 2026, 7, 1, 9, 0).toISOString()).toBe('2026-07-01T16:00:00.000Z');
  });

  it('an interval opening inside the spring-forward gap opens when the clock jumps', () => {
    const files = editYaml(carsonFiles(), 'pack.yaml', (doc) => {
      doc.businessHours.weekly.sunday = [{ start: '02:30', end: '04:00' }];
    });
    const pack = parsePack(files);
    expect(nextBusinessTime(pack, at('2026-03-08T09:00:00Z')).toISOString()).toBe('2026-03-08T10:30:00.000Z');
    expect(isBusinessTime(pack, at('2026-03-08T10:30:00Z'))).toBe(true); // 03:30 PDT
    expect(isBusinessTime(pack, at('2026-03-08T11:00:00Z'))).toBe(false); // 04:00 PDT
  });

  it('a schedule with no business time at all is an error, not a hang', () => {
    const files = editYaml(carsonFiles(), 'pack.yaml', (doc) => {
      for (const d of Object.keys(doc.businessHours.weekly)) doc.businessHours.weekly[d] = [];
    });
    expect(() => nextBusinessTime(parsePack(files), at('2026-11-30T20:00:00Z'))).toThrow(/no business time/);
  });
});

describe('another city: its own zone and split hours (America/Chicago)', () => {
  const spring = loadPackFromDir(springfieldDir);

  it('closes for lunch and opens on Saturday morning', () => {
    expect(isBusinessTime(spring, at('2026-11-30T17:30:00Z'))).toBe(true); // Mon 11:30 CST
    expect(isBusinessTime(spring, at('2026-11-30T18:30:00Z'))).toBe(false); // 12:30 lunch
    expect(nextBusinessTime(spring, at('2026-11-30T18:30:00Z')).toISOString()).toBe('2026-11-30T19:00:00.000Z');
    expect(isBusinessTime(spring, at('2026-11-28T16:00:00Z'))).toBe(true); // Sat 10:00 CST
    // The same instant is Saturday 08:00 in Carson: closed there.
    expect(isBusinessTime(carson, at('2026-11-28T16:00:00Z'))).toBe(false);
  });
});
