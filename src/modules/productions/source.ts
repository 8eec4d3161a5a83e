import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { conflict } from '../../kernel/errors.ts';
import type { Database, Db, Row } from '../../db/index.ts';
import { EXCLUDED_FIELDS, isArchiveKind, isErased, itemHash, notDisposed, sha256 } from '../archive/index.ts';
import type { ArchiveState, ResolvedFilter } from './types.ts';

export const PAGE_SIZE = 1_000;

type ItemsQuery<O> = SelectQueryBuilder<Database, 'archive_items', O>;

function filtered<O>(q: ItemsQuery<O>, f: ResolvedFilter): ItemsQuery<O> {
  // Items destroyed under an approved disposition (a marker in archive_dispositions) are never produced.
  q = q.where(notDisposed());
  if (f.fromIso) q = q.where('captured_at', '>=', f.fromIso);
  if (f.toIso) q = q.where('captured_at', '<', f.toIso);
  if (f.kinds.length) q = q.where('kind', 'in', f.kinds);
  if (f.platformIds.length) q = q.where('platform_id', 'in', f.platformIds);
  if (f.itemIds.length) q = q.where('id', 'in', f.itemIds);
  if (f.request) {
    const requestId = f.request.id;
    q = q.where((eb: ExpressionBuilder<Database, 'archive_items'>) => eb('id', 'in', eb.selectFrom('records_request_items').select('archive_item_id').where('request_id', '=', requestId)));
  }
  if (f.departmentIds.length) {
    const named = f.departmentIds.filter((d): d is string => d !== null);
    const city = f.departmentIds.includes(null);
    q = q.where((eb: ExpressionBuilder<Database, 'archive_items'>) => {
      const ors = [];
      if (city) ors.push(eb('department_id', 'is', null));
      if (named.length) ors.push(eb('department_id', 'in', named));
      return eb.or(ors);
    });
  }
  return q;
}

/** How many items the filter selects (destroyed ones left out): the progress bar's total. */
export async function countItems(db: Db, f: ResolvedFilter): Promise<number> {
  const r = await filtered(db.selectFrom('archive_items').select(sql<number>`count(*)`.as('n')), f).executeTakeFirst();
  return Number(r?.n ?? 0);
}

const EXCLUDED_KEY = new RegExp(`"(?:${EXCLUDED_FIELDS.join('|')})":`);

/**
 * An item whose stored fields no longer match the hashes the chain recorded is not a true copy:
 * the production is refused, naming it, rather than certifying an altered record.
 */
export function checkAgainstArchive(r: Row<'archive_items'>): void {
  // Capture already refuses these; checked again so no production can ever carry them.
  if (!isArchiveKind(r.kind) || EXCLUDED_KEY.test(r.native)) {
    throw conflict(`Archive item #${r.seq} (${r.kind} ${r.id}) is not a kind of record that may be produced (credential custody and mail are never exported). Nothing was exported.`, ['IV.A.12']);
  }
  if (sha256(r.native) !== r.content_sha256) {
    throw conflict(`Archive item #${r.seq} (${r.kind} ${r.id}) does not match its SHA-256: its native payload was altered after capture. Nothing was exported; run \`crier archive verify\`.`, ['IV.A.12']);
  }
  if (itemHash(r) !== r.item_hash) {
    throw conflict(`Archive item #${r.seq} (${r.kind} ${r.id}) does not match its hash in the archive chain: it was altered after capture. Nothing was exported; run \`crier archive verify\`.`, ['IV.A.12']);
  }
}

/**
 * Items in seq order, one keyset page at a time (memory holds a page, never the set), each
 * checked against its hashes; destroyed items are left out.
 */
export async function* exportableItems(db: Db, f: ResolvedFilter, options: { pageSize?: number } = {}): AsyncGenerator<Row<'archive_items'>> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  let after = 0;
  let next = filtered(db.selectFrom('archive_items').selectAll(), f).where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
  for (;;) {
    const rows = await next;
    if (!rows.length) return;
    after = Number(rows[rows.length - 1]!.seq);
    // Ask for the next page before working through this one.
    next = rows.length === pageSize ? filtered(db.selectFrom('archive_items').selectAll(), f).where('seq', '>', after).orderBy('seq').limit(pageSize).execute() : Promise.resolve([]);
    for (const r of rows) {
      // An erased payload without its marker cannot be produced either (verify reports it).
      if (isErased(r)) continue;
      checkAgainstArchive(r);
      yield r;
    }
  }
}

/** The archive's head and last daily seal at the moment of export. */
export async function archiveState(db: Db): Promise<ArchiveState> {
  const head = await db.selectFrom('archive_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const seal = await db.selectFrom('archive_seals').select(['date', 'last_seq', 'seal_hash', 'sealed_at']).orderBy('date', 'desc').limit(1).executeTakeFirst();
  return {
    headSeq: Number(head?.seq ?? 0),
    headHash: head?.hash ?? '0'.repeat(64),
    lastSeal: seal ? { date: seal.date, lastSeq: Number(seal.last_seq), sealHash: seal.seal_hash, sealedAt: seal.sealed_at } : null,
  };
}
