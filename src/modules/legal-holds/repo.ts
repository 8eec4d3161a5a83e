import { fromJson } from '../../kernel/codec.ts';
import type { Executor, Row } from '../../db/index.ts';
import type { HoldStatus, LegalHold } from './types.ts';

const list = (s: string | null): string[] | null => (s == null ? null : fromJson<string[]>(s));

export function toLegalHold(r: Row<'legal_holds'>, custodianName: string | null): LegalHold {
  return {
    id: r.id,
    matter: r.matter,
    custodian: { id: r.custodian_id, name: custodianName },
    platformIds: list(r.platform_ids),
    departmentIds: list(r.department_ids),
    searchTerms: list(r.search_terms),
    fromDate: r.from_date,
    toDate: r.to_date,
    notes: r.notes,
    status: r.status as HoldStatus,
    issuedBy: r.issued_by,
    issuedAt: r.issued_at,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedAt: r.acknowledged_at,
    releasedBy: r.released_by,
    releasedAt: r.released_at,
    releaseReason: r.release_reason,
  };
}

/** Holds with their custodians' names. */
export async function withCustodians(ex: Executor, rows: Row<'legal_holds'>[]): Promise<LegalHold[]> {
  const ids = [...new Set(rows.map((r) => r.custodian_id))];
  const people = ids.length ? await ex.selectFrom('persons').select(['id', 'name']).where('id', 'in', ids).execute() : [];
  const names = new Map(people.map((p) => [p.id, p.name]));
  return rows.map((r) => toLegalHold(r, names.get(r.custodian_id) ?? null));
}

/** Every hold in force (issued or acknowledged: not yet released). */
export async function holdsInForce(ex: Executor): Promise<LegalHold[]> {
  const rows = await ex.selectFrom('legal_holds').selectAll().where('status', '!=', 'released').orderBy('issued_at').execute();
  return rows.map((r) => toLegalHold(r, null));
}
