import { localDate, type PolicyPack } from '../../policy/index.ts';
import type { HoldableItem, HoldScope } from './types.ts';

/**
 * Whether a hold's scope covers an archived record. Pure. Every axis the hold names must match;
 * an axis it leaves open (null) matches anything.
 */
export function covers(scope: HoldScope, item: HoldableItem): boolean {
  if (scope.platformIds && (item.platformId === null || !scope.platformIds.includes(item.platformId))) return false;
  if (scope.departmentIds && (item.departmentId === null || !scope.departmentIds.includes(item.departmentId))) return false;
  if (item.recordDate < scope.fromDate) return false;
  if (scope.toDate !== null && item.recordDate > scope.toDate) return false;
  if (scope.searchTerms && scope.searchTerms.length > 0) {
    const text = item.text.toLocaleLowerCase('en-US');
    if (!scope.searchTerms.some((t) => text.includes(t.toLocaleLowerCase('en-US')))) return false;
  }
  return true;
}

/**
 * The City date a record is from, for a hold's date range: when it was created on the platform
 * (metadata.createdOnPlatformAt) when the capture says, else when Crier captured it.
 */
export function recordDateOf(pack: PolicyPack, row: { captured_at: string; metadata: string }): string {
  let created: string | null = null;
  try {
    const m = row.metadata ? (JSON.parse(row.metadata) as { createdOnPlatformAt?: unknown }) : null;
    if (m && typeof m.createdOnPlatformAt === 'string' && !Number.isNaN(Date.parse(m.createdOnPlatformAt))) created = m.createdOnPlatformAt;
  } catch {
    // Metadata is canonical JSON written by capture; anything else falls back to the capture time.
  }
  return localDate(pack, new Date(created ?? row.captured_at));
}
