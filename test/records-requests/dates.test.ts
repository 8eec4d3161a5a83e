import { describe, expect, it } from 'vitest';
import { defaultPackDir, loadPackFromDir } from '../../src/policy/index.ts';
import { addDays, determinationDue } from '../../src/modules/records-requests/index.ts';

const carson = loadPackFromDir(defaultPackDir());

describe('records request deadlines in City calendar days (America/Los_Angeles)', () => {
  it('[IV.A.11] the determination is due 10 calendar days after the City date of receipt', () => {
    // Thursday 19 November 2026, 10:00 in Carson.
    expect(determinationDue(carson, new Date('2026-11-19T18:00:00Z'))).toEqual({ receivedOn: '2026-11-19', dueOn: '2026-11-29' });
  });

  it('[IV.A.11] a request at 23:30 City time counts from that City date, not the UTC date', () => {
    // 23:30 PST on 7 March 2026 is already 8 March in UTC.
    expect(determinationDue(carson, new Date('2026-03-08T07:30:00Z'))).toEqual({ receivedOn: '2026-03-07', dueOn: '2026-03-17' });
  });

  it('[IV.A.11] across the spring-forward and fall-back nights the count stays in whole City days', () => {
    // Received 01:30 PST on 8 March 2026, the night clocks go forward.
    expect(determinationDue(carson, new Date('2026-03-08T09:30:00Z')).dueOn).toBe('2026-03-18');
    // Received 23:30 PDT on 31 October 2026 (UTC 1 November); clocks go back on 1 November.
    expect(determinationDue(carson, new Date('2026-11-01T06:30:00Z'))).toEqual({ receivedOn: '2026-10-31', dueOn: '2026-11-10' });
    // Received during the repeated hour, 01:30 PST on 1 November.
    expect(determinationDue(carson, new Date('2026-11-01T09:30:00Z'))).toEqual({ receivedOn: '2026-11-01', dueOn: '2026-11-11' });
  });

  it('[IV.A.11] month and year ends, and 29 February', () => {
    expect(determinationDue(carson, new Date('2026-01-25T20:00:00Z')).dueOn).toBe('2026-02-04');
    expect(determinationDue(carson, new Date('2026-12-27T20:00:00Z')).dueOn).toBe('2027-01-06');
    expect(determinationDue(carson, new Date('2028-02-20T20:00:00Z')).dueOn).toBe('2028-03-01');
    expect(determinationDue(carson, new Date('2027-02-20T20:00:00Z')).dueOn).toBe('2027-03-02');
    // The 14-day extension is counted the same way.
    expect(addDays('2026-02-25', 14)).toBe('2026-03-11');
    expect(addDays('2026-10-28', 14)).toBe('2026-11-11');
  });
});
