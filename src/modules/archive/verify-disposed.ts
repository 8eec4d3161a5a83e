import { createHash, type Hash } from 'node:crypto';
import type { Db, Row } from '../../db/index.ts';
import { checkItem, GENESIS_HASH } from './chain.ts';
import { certificateHash, digestLine, isErased, type CertificateBody } from './disposition.ts';
import type { ArchiveBreak } from './types.ts';

type Marker = Row<'archive_dispositions'>;

/**
 * Verify's view of destroyed items. A destroyed item's payload is erased, so its own hash cannot
 * be recomputed; instead it must match its marker (id, content hash, item hash), the marker
 * must belong to a destruction certificate, the certificates must chain, and each certificate's
 * item digest must equal the digest of the markers that name it. The item's place in the chain
 * is still held by the next item's prev_hash.
 */
export async function dispositionChecker(db: Db) {
  const certs = await db.selectFrom('disposition_certificates').selectAll().orderBy('seq').execute();
  // Markers are looked up page by page only once anything was ever destroyed (a stray marker with no certificate counts).
  const anyMarker = certs.length > 0 || !!(await db.selectFrom('archive_dispositions').select('item_id').limit(1).executeTakeFirst());
  const byBatch = new Map<string, { body: CertificateBody; digest: Hash; count: number }>();
  const certBreak = (batchId: string, problem: string): ArchiveBreak => ({ seq: 0, id: batchId, kind: 'certificate', problem: `destruction certificate of batch ${batchId}: ${problem}` });

  /** The chain of certificates, checked once before the items. */
  function checkCertificates(): ArchiveBreak | null {
    let prev = GENESIS_HASH;
    for (const [i, c] of certs.entries()) {
      if (Number(c.seq) !== i + 1) return certBreak(c.batch_id, `it is number ${c.seq}, but ${i + 1} was expected (a certificate was deleted)`);
      if (c.prev_hash !== prev) return certBreak(c.batch_id, 'it does not follow the certificate before it (replaced or reordered)');
      if (certificateHash(c.prev_hash, c.body) !== c.certificate_hash) return certBreak(c.batch_id, 'it was altered: its text no longer matches its hash');
      let body: CertificateBody;
      try {
        body = JSON.parse(c.body) as CertificateBody;
      } catch {
        return certBreak(c.batch_id, 'its text is not JSON');
      }
      if (body.batchId !== c.batch_id || Number(body.seq) !== Number(c.seq)) return certBreak(c.batch_id, 'its text names another batch or number');
      byBatch.set(c.batch_id, { body, digest: createHash('sha256'), count: 0 });
      prev = c.certificate_hash;
    }
    return null;
  }

  /** Markers for one page of items (no query while nothing was ever destroyed). */
  async function markersFor(firstSeq: number, lastSeq: number): Promise<Map<number, Marker>> {
    if (!anyMarker) return new Map();
    const rows = await db.selectFrom('archive_dispositions').selectAll().where('item_seq', '>=', firstSeq).where('item_seq', '<=', lastSeq).execute();
    return new Map(rows.map((m) => [Number(m.item_seq), m]));
  }

  /** One item that carries a destruction marker. */
  function checkDisposed(r: Row<'archive_items'>, m: Marker, expectedSeq: number, expectedPrev: string): ArchiveBreak | null {
    const seq = Number(r.seq);
    if (seq !== expectedSeq) return checkItem(r, expectedSeq, expectedPrev);
    const where = { seq, id: r.id, kind: r.kind };
    const cert = byBatch.get(m.batch_id);
    if (!cert) return { ...where, problem: `item #${seq} is marked destroyed by batch ${m.batch_id}, which has no destruction certificate` };
    if (m.item_id !== r.id || m.content_sha256 !== r.content_sha256 || m.item_hash !== r.item_hash) {
      return { ...where, problem: `item #${seq} does not match its destruction marker (batch ${m.batch_id}): its id or hashes were altered` };
    }
    if (isErased(r)) {
      if (r.prev_hash !== expectedPrev) return { ...where, problem: `item #${seq} is out of order: it was chained after a different item than #${seq - 1} (reordered, or #${seq - 1} was replaced)` };
    } else {
      // Marked but not erased: the payload must still be the one captured.
      const broken = checkItem(r, expectedSeq, expectedPrev);
      if (broken) return broken;
    }
    cert.digest.update(digestLine(m));
    cert.count += 1;
    return null;
  }

  /** After the walk: every certificate's items were found, and no more. */
  function leftover(): ArchiveBreak | null {
    for (const [batchId, c] of byBatch) {
      const digest = c.digest.digest('hex');
      if (c.count !== Number(c.body.itemCount) || digest !== c.body.itemsDigest) {
        return certBreak(batchId, `it lists ${c.body.itemCount} destroyed items, but the markers naming it do not match them (${c.count} found): a marker was added, removed or altered`);
      }
    }
    return null;
  }

  /** Destroyed items walked so far (every one matched its certificate). */
  const destroyed = () => [...byBatch.values()].reduce((n, c) => n + c.count, 0);

  return { checkCertificates, markersFor, checkDisposed, leftover, count: () => certs.length, destroyed };
}
