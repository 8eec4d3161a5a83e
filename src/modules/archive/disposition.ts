import { createHash, hash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import { conflict } from '../../kernel/errors.ts';
import type { Db, Executor, Row } from '../../db/index.ts';
import { GENESIS_HASH } from './chain.ts';

/**
 * The archive's side of disposition (records destroyed under an approved schedule, Gov. Code
 * 34090): one marker per destroyed item in `archive_dispositions`, one chained destruction
 * certificate per batch in `disposition_certificates`, and the erasure of the item's payload.
 * The workflow (who proposes, consents, authorizes) is the retention module's.
 *
 * An archive row is never deleted, and its chain fields (id, seq, kind, source, dates, hashes)
 * never change. Destruction blanks the three payload columns — native, rendered_text, metadata —
 * in the same transaction that writes the marker and the certificate (see the README: verify
 * then holds the row to its marker, the marker to its certificate, the certificate to the chain
 * of certificates, and the row to the next row's prev_hash).
 */

/**
 * What an erased payload looks like: a JSON null, no text, empty metadata — still valid JSON, so
 * every reader that parses the columns reads an empty record instead of failing.
 */
export const ERASED = { native: 'null', rendered_text: '', metadata: '{}' } as const;
export const isErased = (r: Pick<Row<'archive_items'>, 'native' | 'rendered_text' | 'metadata'>): boolean => r.native === ERASED.native && r.rendered_text === ERASED.rendered_text && r.metadata === ERASED.metadata;

/** One line of a certificate's item digest; the digest runs over its items in seq order. */
export const digestLine = (m: { item_seq: number; item_id: string; content_sha256: string; item_hash: string }): string => `${Number(m.item_seq)} ${m.item_id} ${m.content_sha256} ${m.item_hash}\n`;

export function itemsDigest(items: { item_seq: number; item_id: string; content_sha256: string; item_hash: string }[]): string {
  const h = createHash('sha256');
  for (const m of [...items].sort((a, b) => Number(a.item_seq) - Number(b.item_seq))) h.update(digestLine(m));
  return h.digest('hex');
}

export const certificateHash = (prevHash: string, body: string): string => hash('sha256', `${prevHash}\n${body}`, 'hex');

/** Who and what a destruction certificate records (besides its items). */
export interface CertificateFacts {
  batchId: string;
  proposedBy: { id: string | null; name: string };
  proposedAt: string;
  consentedBy: { id: string | null; name: string };
  consentedAt: string;
  consentText: string;
  resolutionNumber: string;
  formNumber: string;
  destroyedBy: { id: string | null; name: string };
  destroyedAt: string;
  authority: string | null;
}

export interface CertificateBody extends CertificateFacts {
  seq: number;
  itemCount: number;
  itemsDigest: string;
}

export interface DisposedItem {
  id: string;
  seq: number;
  contentSha256: string;
  itemHash: string;
}

/**
 * Marks the items destroyed, erases their payload and issues the batch's certificate, all in the
 * caller's transaction. A second destruction of any item fails on the marker's unique key; it is
 * refused here first, by name.
 */
export async function recordDestruction(tx: Executor, dialect: 'sqlite' | 'postgres', facts: CertificateFacts, items: DisposedItem[]): Promise<{ body: CertificateBody; certificateHash: string }> {
  if (items.length === 0) throw conflict('A destruction names at least one archive item');
  // One certificate at a time: the chain of certificates needs consecutive seqs.
  if (dialect === 'postgres') await sql`LOCK TABLE disposition_certificates IN EXCLUSIVE MODE`.execute(tx);
  const ids = items.map((i) => i.id);
  for (let i = 0; i < ids.length; i += 500) {
    const again = await tx.selectFrom('archive_dispositions').select(['item_id', 'batch_id']).where('item_id', 'in', ids.slice(i, i + 500)).executeTakeFirst();
    if (again) throw conflict(`Archive item ${again.item_id} was already destroyed (batch ${again.batch_id}); nothing is destroyed twice`);
  }
  const last = await tx.selectFrom('disposition_certificates').select(['seq', 'certificate_hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const markers = items.map((i) => ({ item_id: i.id, item_seq: i.seq, batch_id: facts.batchId, content_sha256: i.contentSha256, item_hash: i.itemHash, disposed_at: facts.destroyedAt }));
  const body: CertificateBody = { ...facts, seq: last ? Number(last.seq) + 1 : 1, itemCount: items.length, itemsDigest: itemsDigest(markers) };
  const text = canonicalJson(body);
  const prevHash = last?.certificate_hash ?? GENESIS_HASH;
  const certHash = certificateHash(prevHash, text);
  await tx.insertInto('disposition_certificates').values({ batch_id: facts.batchId, seq: body.seq, body: text, issued_at: facts.destroyedAt, prev_hash: prevHash, certificate_hash: certHash }).execute();
  for (let i = 0; i < markers.length; i += 200) await tx.insertInto('archive_dispositions').values(markers.slice(i, i + 200)).execute();
  const seqs = items.map((i) => i.seq);
  for (let i = 0; i < seqs.length; i += 500) {
    const chunk = sql.join(seqs.slice(i, i + 500));
    await purgeSearchIndex(tx, dialect, chunk);
    // The one UPDATE Crier ever makes on archive_items: the payload of destroyed records is erased.
    // Frozen columns do not compile in an update, so it is written out here, on purpose.
    await sql`UPDATE archive_items SET native = ${ERASED.native}, rendered_text = ${ERASED.rendered_text}, metadata = ${ERASED.metadata} WHERE seq IN (${chunk})`.execute(tx);
  }
  return { body, certificateHash: certHash };
}

/**
 * The search index (migration 0013) holds copies derived from the payload: the full-text tokens,
 * the author and metadata text, the clause ids. They go with the payload, before it is erased
 * (SQLite's external-content FTS5 deletes an entry given the values it indexed, read here from
 * its content view). Skipped when the search tables are not there.
 */
async function purgeSearchIndex(tx: Executor, dialect: 'sqlite' | 'postgres', seqs: RawBuilder<unknown>): Promise<void> {
  if (dialect === 'sqlite') {
    const fts = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name IN ('archive_search_fts', 'archive_search_content', 'archive_search_entries', 'archive_search_clauses')`.execute(tx);
    if (Number(fts.rows[0]?.n) < 4) return;
    await sql`INSERT INTO archive_search_fts (archive_search_fts, rowid, body, meta) SELECT 'delete', seq, body, meta FROM archive_search_content WHERE seq IN (${seqs})`.execute(tx);
  } else {
    const t = await sql<{ ok: boolean }>`SELECT to_regclass('archive_search_entries') IS NOT NULL AND to_regclass('archive_search_clauses') IS NOT NULL AS ok`.execute(tx);
    if (!t.rows[0]?.ok) return;
  }
  await sql`DELETE FROM archive_search_clauses WHERE seq IN (${seqs})`.execute(tx);
  await sql`DELETE FROM archive_search_entries WHERE seq IN (${seqs})`.execute(tx);
}

/** Markers for the given item ids (readers use this to show an item as destroyed). */
export async function dispositionsFor(db: Db | Executor, ids: string[]): Promise<Map<string, { batchId: string; disposedAt: string }>> {
  const out = new Map<string, { batchId: string; disposedAt: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('archive_dispositions').select(['item_id', 'batch_id', 'disposed_at']).where('item_id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.item_id, { batchId: r.batch_id, disposedAt: r.disposed_at });
  }
  return out;
}

/**
 * For queries over archive_items (search, exports, productions): keeps destroyed items out.
 * `.where(notDisposed())`, or `.where(notDisposed('a.id'))` when the table is aliased `a`.
 */
export const notDisposed = (idRef = 'archive_items.id') => sql<boolean>`not exists (select 1 from archive_dispositions d where d.item_id = ${sql.ref(idRef)})`;
