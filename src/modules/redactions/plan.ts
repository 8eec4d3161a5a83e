import type { Executor } from '../../db/index.ts';
import { loadLog } from './repo.ts';
import type { AppliedSpan } from './spans.ts';
import type { Region } from './image.ts';
import type { RedactionView } from './types.ts';

/** The marker that replaces a span: fixed text, never the length or any part of what it hides. */
export const markerFor = (r: RedactionView): string => `[Redacted #${r.position}: ${r.exemption ? r.citation : 'see the redaction log'}]`;

/** What a production must apply to one archive item for a request. */
export interface ItemRedactions {
  spans: AppliedSpan[];
  regions: Region[];
  /** The redactions' log numbers and citations, for the production's records. */
  entries: { position: number; citation: string }[];
}

/**
 * Every redaction in force for a request (marked and not withdrawn, approved or still awaiting the
 * City Attorney: a part someone marked is never produced unredacted), by archive item id.
 */
export async function redactionsInForce(ex: Executor, requestId: string): Promise<Map<string, ItemRedactions>> {
  const out = new Map<string, ItemRedactions>();
  for (const r of await loadLog(ex, requestId)) {
    if (r.status === 'withdrawn') continue;
    let item = out.get(r.itemId);
    if (!item) out.set(r.itemId, (item = { spans: [], regions: [], entries: [] }));
    if (r.span) item.spans.push({ ...r.span, marker: markerFor(r) });
    if (r.region) item.regions.push(r.region);
    item.entries.push({ position: r.position, citation: r.citation });
  }
  return out;
}
