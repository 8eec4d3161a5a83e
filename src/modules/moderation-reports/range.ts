import { isCalendarDate, toIso } from '../../kernel/codec.ts';
import { invalidInput } from '../../kernel/errors.ts';
import { localDate, zonedTimeToInstant, type PolicyPack } from '../../policy/index.ts';

/** A report period in City calendar days (inclusive); either end may be open. */
export interface Period {
  from?: string | null;
  to?: string | null;
}

const DAY = 86_400_000;

/** The period as ISO instants [from, to) for queries on decided_at. */
export function instants(pack: PolicyPack, p: Period): { from: string | null; to: string | null } {
  const start = (date: string, path: string) => {
    if (!isCalendarDate(date)) throw invalidInput(path, 'expected a date as YYYY-MM-DD');
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return zonedTimeToInstant(pack.jurisdiction.timeZone, y, m, d, 0, 0);
  };
  if (p.from && p.to && p.from > p.to) throw invalidInput('from', 'must not be after "to"');
  const from = p.from ? toIso(start(p.from, 'from')) : null;
  let to: string | null = null;
  if (p.to) {
    const next = new Date(Date.parse(`${p.to}T12:00:00Z`) + DAY).toISOString().slice(0, 10);
    start(p.to, 'to');
    to = toIso(start(next, 'to'));
  }
  return { from, to };
}

/** The City month (YYYY-MM) an instant falls in. */
export const monthOf = (pack: PolicyPack, iso: string): string => localDate(pack, new Date(iso)).slice(0, 7);
