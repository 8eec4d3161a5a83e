import type { Executor, Row } from '../../db/index.ts';
import type { BatchItem, BatchStatus, DispositionBatch, PersonRef } from './types.ts';

export async function namesOf(ex: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (list.length === 0) return new Map();
  const rows = await ex.selectFrom('persons').select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const ref = (names: Map<string, string>, id: string | null, at: string | null): PersonRef | null => (at === null ? null : { id, name: id ? (names.get(id) ?? id) : 'Crier (system)' });

export async function toBatches(ex: Executor, rows: Row<'disposition_batches'>[]): Promise<DispositionBatch[]> {
  const names = await namesOf(ex, rows.flatMap((r) => [r.proposed_by, r.consented_by, r.authorized_by, r.destroyed_by, r.withdrawn_by]));
  return rows.map((r) => ({
    id: r.id,
    status: r.status as BatchStatus,
    note: r.note,
    itemCount: Number(r.item_count),
    proposedBy: ref(names, r.proposed_by, r.proposed_at)!,
    proposedAt: r.proposed_at,
    consentedBy: ref(names, r.consented_by, r.consented_at),
    consentedAt: r.consented_at,
    consentText: r.consent_text,
    resolutionNumber: r.resolution_number,
    formNumber: r.form_number,
    authorizedBy: ref(names, r.authorized_by, r.authorized_at),
    authorizedAt: r.authorized_at,
    destroyedBy: ref(names, r.destroyed_by, r.destroyed_at),
    destroyedAt: r.destroyed_at,
    withdrawnBy: ref(names, r.withdrawn_by, r.withdrawn_at),
    withdrawnAt: r.withdrawn_at,
    withdrawReason: r.withdraw_reason,
  }));
}

export const toBatchItem = (r: Row<'disposition_batch_items'>): BatchItem => ({
  id: r.item_id,
  seq: Number(r.item_seq),
  kind: r.kind,
  retentionCategory: r.retention_category,
  retainUntil: r.retain_until,
  contentSha256: r.content_sha256,
  itemHash: r.item_hash,
});

/** Archive rows by id, in chunks (an IN list stays well under both databases' parameter limits). */
export async function itemsById(ex: Executor, ids: string[]): Promise<Row<'archive_items'>[]> {
  const out: Row<'archive_items'>[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await ex.selectFrom('archive_items').selectAll().where('id', 'in', ids.slice(i, i + 500)).execute()));
  return out;
}

/** Item id → the open batch (proposed, consented or authorized) that proposes it. */
export async function openProposals(ex: Executor, ids: string[], exceptBatch?: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    let q = ex
      .selectFrom('disposition_batch_items as i')
      .innerJoin('disposition_batches as b', 'b.id', 'i.batch_id')
      .select(['i.item_id', 'b.id'])
      .where('i.item_id', 'in', ids.slice(i, i + 500))
      .where('b.status', 'in', ['proposed', 'consented', 'authorized']);
    if (exceptBatch) q = q.where('b.id', '!=', exceptBatch);
    for (const r of await q.execute()) out.set(r.item_id, r.id);
  }
  return out;
}

/** Item id → the reference of a public records request not yet closed that collected it (IV.A.11). */
export async function pendingRequests(ex: Executor, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ex
      .selectFrom('records_request_items as i')
      .innerJoin('records_requests as r', 'r.id', 'i.request_id')
      .select(['i.archive_item_id', 'r.reference'])
      .where('i.archive_item_id', 'in', ids.slice(i, i + 500))
      .where('r.status', '!=', 'closed')
      .execute();
    for (const r of rows) out.set(r.archive_item_id, r.reference);
  }
  return out;
}
