import type { Row } from '../../db/index.ts';
import { retentionEligibleFrom, type PolicyPack } from '../../policy/index.ts';
import { recordDateOf, type HoldableItem, type LegalHold } from '../legal-holds/index.ts';
import type { EligibleItem, Ineligibility } from './types.ts';

export type ItemRow = Row<'archive_items'>;

/** What a legal hold looks at in an archived record. */
export const holdable = (pack: PolicyPack, r: ItemRow): HoldableItem => ({ id: r.id, platformId: r.platform_id, departmentId: r.department_id, recordDate: recordDateOf(pack, r), text: r.rendered_text });

export const toEligibleItem = (r: ItemRow): EligibleItem => ({
  id: r.id,
  seq: Number(r.seq),
  kind: r.kind,
  retentionCategory: r.retention_category,
  retainUntil: r.retain_until,
  capturedAt: r.captured_at,
  departmentId: r.department_id,
  platformId: r.platform_id,
});

/**
 * The date the loaded pack's schedule lets this record go, from its creation (on the platform,
 * else its capture). The stored retain_until was computed at capture; a schedule lengthened
 * since then must win, so both have to have passed. Null when the pack has no such category.
 */
function scheduleNow(pack: PolicyPack, r: ItemRow): string | null {
  if (!pack.retention.defaults[r.retention_category]) return null;
  let created = r.captured_at;
  try {
    const m = r.metadata ? (JSON.parse(r.metadata) as { createdOnPlatformAt?: unknown }) : null;
    if (m && typeof m.createdOnPlatformAt === 'string' && !Number.isNaN(Date.parse(m.createdOnPlatformAt))) created = m.createdOnPlatformAt;
  } catch {
    // Not JSON: the capture time stands.
  }
  return retentionEligibleFrom(pack, r.retention_category, new Date(created));
}

export interface EligibilityFacts {
  pack: PolicyPack;
  /** The City date today. */
  today: string;
  /** Item id → the holds in force covering it. */
  holds: Map<string, LegalHold[]>;
  /** Item id → the batch that destroyed it. */
  destroyed: Map<string, { batchId: string }>;
  /** Item id → another open batch that already proposes it (left out when destroying that batch). */
  proposedIn?: Map<string, string>;
  /** Item id → the reference of a public records request not yet closed that collected it. */
  requestedIn?: Map<string, string>;
}

/**
 * Why a record may not be destroyed today, or null when it may: its retention has not ended
 * (the stored date or the pack's schedule now, never under the statutory minimum, Gov. Code
 * 34090), a legal hold in force covers it, a pending public records request collected it, or it
 * is already destroyed or proposed.
 */
export function ineligibility(r: ItemRow, f: EligibilityFacts): Ineligibility | null {
  const reasons: string[] = [];
  const done = f.destroyed.get(r.id);
  if (done) reasons.push(`already destroyed (batch ${done.batchId})`);
  if (r.retain_until > f.today) reasons.push(`its retention has not ended: kept until ${r.retain_until} (${r.retention_category})`);
  const schedule = scheduleNow(f.pack, r);
  if (schedule === null) reasons.push(`the policy pack has no retention schedule for "${r.retention_category}"`);
  else if (schedule > f.today && schedule > r.retain_until) reasons.push(`the current schedule for ${r.retention_category} keeps it until ${schedule}`);
  const holds = f.holds.get(r.id) ?? [];
  for (const h of holds) reasons.push(`under legal hold "${h.matter}" (${h.status})`);
  const other = f.proposedIn?.get(r.id);
  if (other) reasons.push(`already proposed in disposition batch ${other}`);
  // A record responsive to a pending public records request is kept until the request is closed (IV.A.11).
  const request = f.requestedIn?.get(r.id);
  if (request) reasons.push(`collected for public records request ${request}, which is not closed`);
  return reasons.length ? { itemId: r.id, reasons, holds: holds.map((h) => ({ id: h.id, matter: h.matter })) } : null;
}

/** A refusal message naming the first few items and why. */
export function describe(problems: Ineligibility[], seqOf: (id: string) => number | undefined): string {
  const shown = problems.slice(0, 5).map((p) => `item #${seqOf(p.itemId) ?? '?'} (${p.itemId}): ${p.reasons.join('; ')}`);
  const more = problems.length > 5 ? `; and ${problems.length - 5} more` : '';
  return `${shown.join('. ')}${more}`;
}
