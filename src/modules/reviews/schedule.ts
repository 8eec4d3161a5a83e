import { addDays } from '../../kernel/time.ts';
import { holidayOn, WEEKDAYS, type PolicyPack } from '../../policy/index.ts';
import { C } from './clauses.ts';

/**
 * How often each review recurs. The pack schema has no setting for review intervals (it is
 * strict, and the policy gives none: "regularly", "must still be monitored"), so these are module
 * constants: content currency quarterly, advertisements and links the City does not control
 * monthly, since ads change far more often than the City's own content.
 */
export const REVIEW_KINDS = {
  currency: { months: 3, label: 'Content currency review', clause: C.currency },
  ads_links: { months: 1, label: 'Advertisements and outside links review', clause: C.adsLinks },
} as const;
export type ReviewKind = keyof typeof REVIEW_KINDS;
export const REVIEW_KIND_IDS = Object.keys(REVIEW_KINDS) as ReviewKind[];

export interface Period {
  /** '2026-Q4' for quarterly, '2026-11' for monthly. */
  key: string;
  firstDay: string;
  lastDay: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period of a City calendar date ('YYYY-MM-DD') for a kind of review. */
export function periodOf(kind: ReviewKind, date: string): Period {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const months = REVIEW_KINDS[kind].months;
  const startMonth = Math.floor((m - 1) / months) * months + 1;
  const endMonth = startMonth + months - 1;
  const lastDay = new Date(Date.UTC(y, endMonth, 0)).toISOString().slice(0, 10);
  const key = months === 3 ? `${y}-Q${(startMonth - 1) / 3 + 1}` : months === 1 ? `${y}-${pad(m)}` : `${y}-${pad(startMonth)}+${months}`;
  return { key, firstDay: `${y}-${pad(startMonth)}-01`, lastDay };
}

/** A City business day: open by the weekly hours and not a holiday. */
export function isBusinessDay(pack: PolicyPack, date: string): boolean {
  if (holidayOn(pack, date)) return false;
  const weekday = WEEKDAYS[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7]!;
  return pack.businessHours.weekly[weekday].length > 0;
}

/** Due on the period's last business day (so it never falls on a weekend or a holiday); never before the period starts. */
export function dueOn(pack: PolicyPack, period: Period): string {
  let d = period.lastDay;
  while (d > period.firstDay && !isBusinessDay(pack, d)) d = addDays(d, -1);
  return d;
}
