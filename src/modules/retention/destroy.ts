import { sql } from 'kysely';
import { authorize } from '../../authz/index.ts';
import type { Executor, Row } from '../../db/index.ts';
import { actorId, type Actor } from '../../kernel/actor.ts';
import { fromJson, toIso } from '../../kernel/codec.ts';
import { conflict, notFound, policyRefusal } from '../../kernel/errors.ts';
import { itemHash, recordDestruction, sha256, type CertificateBody } from '../archive/index.ts';
import { describe, ineligibility, type EligibilityFacts, type ItemRow } from './eligibility.ts';
import { retentionPolicy } from './policy.ts';
import { itemsById, namesOf } from './repo.ts';
import type { RetentionDeps, BatchView } from './service.ts';
import type { DispositionBatch, Ineligibility } from './types.ts';

interface Helpers {
  batchRow(ex: Executor, id: string): Promise<Row<'disposition_batches'>>;
  step(tx: Executor, b: Row<'disposition_batches'>, from: string, set: Partial<Row<'disposition_batches'>>): Promise<void>;
  facts(ex: Executor, rows: ItemRow[], exceptBatch?: string): Promise<EligibilityFacts>;
  load(ex: Executor, id: string): Promise<DispositionBatch>;
  view(actor: Actor, b: DispositionBatch): BatchView;
  cite(): string[];
  actorName(a: Actor): string;
}

export interface DestructionCertificate {
  batchId: string;
  certificateHash: string;
  prevHash: string;
  body: CertificateBody;
  /** The destroyed items: ids, seqs, kinds and the hashes they had. */
  items: { id: string; seq: number; kind: string; contentSha256: string; itemHash: string }[];
}

/**
 * The destruction itself (Gov. Code 34090): only a batch the City Attorney consented to in
 * writing, with its resolution and form numbers recorded; every item re-checked in the same
 * transaction — retention ended, untouched since it was proposed, and no legal hold in force
 * (a hold issued after the proposal still stops it). Then the archive marks the items, erases
 * their payload and issues the certificate.
 */
export function createDestruction(deps: RetentionDeps, h: Helpers) {
  const { db, dialect, clock, audit } = deps;

  async function destroy(actor: Actor, id: string): Promise<{ batch: BatchView; certificate: DestructionCertificate }> {
    authorize(retentionPolicy, actor, 'disposition.destroy', null);
    const batchId = await db.transaction().execute(async (tx) => {
      const b = await h.batchRow(tx, id);
      if (b.status === 'proposed') throw policyRefusal('Nothing is destroyed before the City Attorney consents in writing: this batch has no consent yet', h.cite());
      if (b.status === 'consented') throw policyRefusal('Nothing is destroyed before the council resolution number and the destruction authorization form number are recorded', h.cite());
      if (b.status === 'destroyed') throw conflict(`Disposition batch ${id} was already destroyed on ${b.destroyed_at}; nothing is destroyed twice`);
      if (b.status !== 'authorized') throw conflict(`Disposition batch ${id} is ${b.status}; it cannot be destroyed`);
      // A hold being issued waits for this transaction (and is then in force for what is left), or is seen here.
      if (dialect === 'postgres') await sql`LOCK TABLE legal_holds IN SHARE MODE`.execute(tx);
      const now = toIso(clock.now());
      await h.step(tx, b, 'authorized', { status: 'destroyed', destroyed_by: actorId(actor), destroyed_at: now });

      const proposed = await tx.selectFrom('disposition_batch_items').selectAll().where('batch_id', '=', id).orderBy('item_seq').execute();
      const rows = await itemsById(tx, proposed.map((p) => p.item_id));
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const p of proposed) {
        const r = byId.get(p.item_id);
        if (!r) throw conflict(`Archive item #${p.item_seq} (${p.item_id}) is missing from the archive; run \`crier archive verify\` before any destruction`);
        const intact = r.native === '' || (sha256(r.native) === r.content_sha256 && itemHash(r) === r.item_hash);
        if (r.content_sha256 !== p.content_sha256 || r.item_hash !== p.item_hash || !intact) {
          throw conflict(`Archive item #${p.item_seq} (${p.item_id}) no longer matches what was proposed: it was altered; run \`crier archive verify\``);
        }
      }
      const f = await h.facts(tx, rows, id);
      const problems = rows.map((r) => ineligibility(r, f)).filter((p): p is Ineligibility => p !== null);
      if (problems.length) {
        const seqs = new Map(rows.map((r) => [r.id, Number(r.seq)]));
        throw policyRefusal(`Destruction refused: ${problems.length} of ${rows.length} item(s) may not be destroyed now: ${describe(problems, (x) => seqs.get(x))}. Withdraw this batch and propose the rest again.`, h.cite());
      }

      const names = await namesOf(tx, [b.proposed_by, b.consented_by]);
      const who = (pid: string | null) => ({ id: pid, name: pid ? (names.get(pid) ?? pid) : 'Crier (system)' });
      const { body, certificateHash } = await recordDestruction(
        tx,
        dialect,
        {
          batchId: id,
          proposedBy: who(b.proposed_by),
          proposedAt: b.proposed_at,
          consentedBy: who(b.consented_by),
          consentedAt: b.consented_at!,
          consentText: b.consent_text!,
          resolutionNumber: b.resolution_number!,
          formNumber: b.form_number!,
          destroyedBy: { id: actorId(actor), name: h.actorName(actor) },
          destroyedAt: now,
          authority: deps.pack.retention.authority ?? null,
        },
        proposed.map((p) => ({ id: p.item_id, seq: Number(p.item_seq), contentSha256: p.content_sha256, itemHash: p.item_hash })),
      );
      await audit.record(tx, actor, {
        action: 'disposition.destroyed',
        targetType: 'disposition_batch',
        targetId: id,
        targetLabel: `Disposition batch of ${b.item_count} record(s)`,
        before: { status: b.status },
        after: { status: 'destroyed', itemCount: body.itemCount, certificateSeq: body.seq, certificateHash, itemsDigest: body.itemsDigest, resolutionNumber: b.resolution_number, formNumber: b.form_number },
        clauses: h.cite(),
      });
      return id;
    });
    return { batch: h.view(actor, await h.load(db, batchId)), certificate: await read(batchId) };
  }

  async function read(batchId: string): Promise<DestructionCertificate> {
    const c = await db.selectFrom('disposition_certificates').selectAll().where('batch_id', '=', batchId).executeTakeFirst();
    if (!c) throw notFound('Destruction certificate for batch', batchId);
    const items = await db
      .selectFrom('archive_dispositions as d')
      .innerJoin('disposition_batch_items as i', (j) => j.onRef('i.item_id', '=', 'd.item_id').onRef('i.batch_id', '=', 'd.batch_id'))
      .select(['d.item_id', 'd.item_seq', 'i.kind', 'd.content_sha256', 'd.item_hash'])
      .where('d.batch_id', '=', batchId)
      .orderBy('d.item_seq')
      .execute();
    return {
      batchId,
      certificateHash: c.certificate_hash,
      prevHash: c.prev_hash,
      body: fromJson<CertificateBody>(c.body),
      items: items.map((i) => ({ id: i.item_id, seq: Number(i.item_seq), kind: i.kind, contentSha256: i.content_sha256, itemHash: i.item_hash })),
    };
  }

  async function certificate(actor: Actor, batchId: string): Promise<DestructionCertificate> {
    authorize(retentionPolicy, actor, 'retention.read', null);
    return read(batchId);
  }

  return { destroy, certificate };
}
