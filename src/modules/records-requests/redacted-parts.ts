import type { Executor } from '../../db/index.ts';
import { EXEMPTIONS, type Exemption } from './statutes.ts';

/** A part redacted from a record produced (the redactions module marks them; table `redactions`, 0014). */
export interface RedactedPart {
  position: number;
  /** Which record and which part of it, in words the requester can follow. */
  part: string;
  citation: string;
  label: string;
  /** A free-text ground not yet approved by the City Attorney. */
  awaitingApproval: boolean;
}

/** The redactions in force for a request (withdrawn ones left out), in log order. */
export async function redactedParts(ex: Executor, requestId: string): Promise<RedactedPart[]> {
  const rows = await ex
    .selectFrom('redactions as r')
    .innerJoin('archive_items as a', 'a.id', 'r.archive_item_id')
    .select(['r.position', 'r.kind', 'r.archive_item_id', 'r.span_start', 'r.span_end', 'r.region_x', 'r.region_y', 'r.region_w', 'r.region_h', 'r.exemption', 'r.citation', 'r.ground_text', 'r.approved_at', 'a.kind as item_kind', 'a.captured_at'])
    .where('r.request_id', '=', requestId)
    .where('r.withdrawn_at', 'is', null)
    .orderBy('r.position')
    .execute();
  return rows.map((r) => {
    const where = r.kind === 'image_region' ? `image region ${r.region_w}×${r.region_h} px at (${r.region_x}, ${r.region_y})` : `characters ${r.span_start}–${r.span_end}`;
    const exemption = r.exemption as Exemption | null;
    return {
      position: Number(r.position),
      part: `Redaction #${r.position}: ${r.item_kind.replace(/_/g, ' ')} ${r.archive_item_id} (archived ${r.captured_at.slice(0, 10)}), ${where}`,
      citation: exemption ? EXEMPTIONS[exemption].citation : 'Ground approved by the City Attorney',
      // One line in the letter, whatever line breaks the ground was typed with.
      label: exemption ? EXEMPTIONS[exemption].label : (r.ground_text ?? '').replace(/\s+/g, ' '),
      awaitingApproval: !exemption && !r.approved_at,
    };
  });
}
