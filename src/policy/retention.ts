// Default retention per record type, computed on the City's calendar. Pure.
import { localDate } from './time.ts';
import type { PolicyPack, RetentionDefault } from './types.ts';

export function retentionDefault(pack: PolicyPack, recordType: string): RetentionDefault {
  const r = pack.retention.defaults[recordType];
  if (!r) throw new Error(`policy pack "${pack.id}" has no retention default for "${recordType}"`);
  return r;
}

/**
 * The first City calendar date ('YYYY-MM-DD') on which a record created at `createdAt` may be
 * disposed of under the default schedule (disposition still needs approval and no legal hold).
 * 'current-year-plus' n: kept through 31 December of the creation year + n. Never earlier than
 * minimumYears after creation.
 */
export function retentionEligibleFrom(pack: PolicyPack, recordType: string, createdAt: Date): string {
  const r = retentionDefault(pack, recordType);
  const created = localDate(pack, createdAt);
  const year = Number(created.slice(0, 4));
  const byRule = r.rule === 'current-year-plus' ? `${String(year + r.years + 1).padStart(4, '0')}-01-01` : addYears(created, r.years);
  const floor = addYears(created, Math.max(r.minimumYears, pack.retention.statutoryMinimumYears));
  return byRule > floor ? byRule : floor;
}

/** 'YYYY-MM-DD' + n years; 29 February becomes 1 March in a common year. */
function addYears(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + n, m - 1, d));
  return t.toISOString().slice(0, 10);
}

const QUARTER_HOUR = 15 * 60_000;

/**
 * retentionEligibleFrom remembered per record type and quarter hour, for writers of many records
 * at once: the date depends only on the City-local day of creation, and every time zone's offset
 * is a whole number of quarter hours, so no quarter hour straddles two local days.
 */
export function retentionMemo(pack: PolicyPack): (recordType: string, createdAt: Date) => string {
  const memo = new Map<string, string>();
  return (recordType, createdAt) => {
    const key = `${recordType}\n${Math.floor(createdAt.getTime() / QUARTER_HOUR)}`;
    let v = memo.get(key);
    if (v === undefined) {
      if (memo.size >= 50_000) memo.clear();
      v = retentionEligibleFrom(pack, recordType, createdAt);
      memo.set(key, v);
    }
    return v;
  };
}
