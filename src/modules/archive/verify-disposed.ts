import { createHash, type Hash } from 'node:crypto';
import type { Db } from '../../db/index.ts';
import { GENESIS_HASH } from './chain.ts';
import { certificateHash, digestLine, type CertificateBody } from './disposition.ts';
import type { ArchiveBreak } from './types.ts';

const TALLY_PAGE = 5000;

/**
 * Verify's view of the certificates: they must chain and hash true (checked before the items),
 * and once every item has been walked, each certificate's item count and digest must equal
 * those of the markers that name it.
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

  /**
   * After a walk that found every item #1–#count true: digests the markers of those items in seq
   * order (each matched its item and a certificate during the walk), then compares each
   * certificate with what named it. Pages of markers, as the items were read.
   */
  async function leftover(count: number): Promise<ArchiveBreak | null> {
    for (let after = 0; anyMarker && after < count; ) {
      const page = await db.selectFrom('archive_dispositions').selectAll().where('item_seq', '>', after).where('item_seq', '<=', count).orderBy('item_seq').limit(TALLY_PAGE).execute();
      for (const m of page) {
        const cert = byBatch.get(m.batch_id);
        if (!cert) continue; // unreachable after a clean walk: its item would have been named
        cert.digest.update(digestLine(m));
        cert.count += 1;
      }
      after = page.length < TALLY_PAGE ? count : Number(page[page.length - 1]!.item_seq);
    }
    for (const [batchId, c] of byBatch) {
      const digest = c.digest.digest('hex');
      if (c.count !== Number(c.body.itemCount) || digest !== c.body.itemsDigest) {
        return certBreak(batchId, `it lists ${c.body.itemCount} destroyed items, but the markers naming it do not match them (${c.count} found): a marker was added, removed or altered`);
      }
    }
    return null;
  }

  /** Destroyed items counted by leftover() (every one matched its certificate). */
  const destroyed = () => [...byBatch.values()].reduce((n, c) => n + c.count, 0);

  return { checkCertificates, leftover, anyMarker, certified: () => [...byBatch.keys()], count: () => certs.length, destroyed };
}
