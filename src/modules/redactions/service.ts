import { authorize } from '../../authz/index.ts';
import type { Executor, Row } from '../../db/index.ts';
import { actorId, hasRole, type Actor } from '../../kernel/actor.ts';
import { toIso, toJson } from '../../kernel/codec.ts';
import { conflict, invalidInput, notFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { hasClause } from '../../policy/index.ts';
import { createAttachmentStore } from '../attachments/index.ts';
import { EXEMPTIONS, type Exemption } from '../records-requests/index.ts';
import { logCsv } from './csv.ts';
import type { RedactionsDeps } from './deps.ts';
import { paintRegions, readVerified, validateRegion } from './image.ts';
import { redactionAbilities, redactionsPolicy } from './policy.ts';
import { itemForRedaction, loadLog, sha256, type ItemForRedaction } from './repo.ts';
import { overlaps, redactedHtml, redactText, validateSpan, type AppliedSpan } from './spans.ts';
import type { MarkInput, RedactionItemView, RedactionView } from './types.ts';
import { boundedText as text } from '../../kernel/text.ts';
import { markerFor } from './plan.ts';

export const GROUND_MAX = 1_000;
export const REASON_MAX = 2_000;



/**
 * Redaction of archive items for a records request (IV.A.11): text spans and image regions, each
 * with its exemption, who and when. Archive items are never changed: the redacted copy is derived
 * from the original on demand, and each copy handed out is recorded with the original's hash and
 * its own. Marking and withdrawing stop once the determination is made (the log is then frozen).
 */
export function createRedactionsService(deps: RedactionsDeps) {
  const { db, clock, pack, audit } = deps;
  const IV_A_11 = ['IV.A.11'].filter((id) => hasClause(pack, id));
  const store = createAttachmentStore(deps.dataDir);
  const loadItem = async (actor: Actor, itemId: string) => itemForRedaction(await deps.readArchiveItem(actor, itemId));

  async function request(ex: Executor, id: string): Promise<Row<'records_requests'>> {
    const r = await ex.selectFrom('records_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('Records request', id);
    return r;
  }
  const label = (r: Row<'records_requests'>) => `Records request ${r.reference}`;
  const frozen = (r: Row<'records_requests'>) => conflict(`${label(r)} is already ${r.status}: its redactions are frozen (they are part of the determination sent to the requester)`, IV_A_11);

  /** Locks the request row (PostgreSQL) so concurrent marks take turns over log numbers and overlaps. */
  async function lockOpen(tx: Executor, id: string): Promise<Row<'records_requests'>> {
    await tx.updateTable('records_requests').set((eb) => ({ status: eb.ref('status') })).where('id', '=', id).execute();
    const r = await request(tx, id);
    if (r.status !== 'open') throw frozen(r);
    return r;
  }

  async function mark(actor: Actor, requestId: string, input: MarkInput): Promise<RedactionView> {
    authorize(redactionsPolicy, actor, 'redaction.mark', null);
    const itemId = text('itemId', input.itemId, 100);
    if (input.span && input.region) throw invalidInput('region', 'give a text span or an image region, not both: one redaction is one part');
    if (!input.span && !input.region) throw invalidInput('span', 'required: the text span (start, end) or the image region (x, y, w, h) to redact');
    const exemption = input.exemption ?? null;
    const groundGiven = input.ground != null && input.ground.trim() !== '';
    if (!exemption && !groundGiven) throw invalidInput('exemption', `required: every redaction names the exemption that applies (one of ${Object.keys(EXEMPTIONS).join(', ')}), or a ground for the City Attorney to approve`);
    if (exemption && groundGiven) throw invalidInput('ground', 'give a statute from the list or a free-text ground, not both');
    if (exemption && !Object.hasOwn(EXEMPTIONS, exemption)) throw invalidInput('exemption', `one of ${Object.keys(EXEMPTIONS).join(', ')}`);
    const ground = groundGiven ? text('ground', input.ground, GROUND_MAX, 10) : null;
    const citation = exemption ? EXEMPTIONS[exemption as Exemption].citation : 'Other ground (City Attorney approval required)';
    const me = actorId(actor) ?? 'system';
    // The City Attorney's own free-text ground is approved as it is marked.
    const approved = ground && hasRole(actor, 'city_attorney');

    // Read before the transaction opens (the archive reader uses its own connection; items never change).
    const item = await loadItem(actor, itemId);
    return db.transaction().execute(async (tx) => {
      const r = await lockOpen(tx, requestId);
      const live = (await loadLog(tx, requestId, item.id)).filter((x) => x.status !== 'withdrawn');
      let part: { span_start: number | null; span_end: number | null; region_x: number | null; region_y: number | null; region_w: number | null; region_h: number | null };
      let original: string;
      let attachmentId: string | null = null;
      if (input.span) {
        const s = validateSpan(item.text, input.span);
        // Overlapping spans are refused, not merged: each redacted part keeps exactly one exemption in the log.
        const clash = live.find((x) => x.span && overlaps(x.span, s));
        if (clash) throw conflict(`span: characters ${s.start}–${s.end} overlap redaction #${clash.position} (characters ${clash.span!.start}–${clash.span!.end}, ${clash.citation}): withdraw it first, or mark only the part not yet redacted`, IV_A_11);
        part = { span_start: s.start, span_end: s.end, region_x: null, region_y: null, region_w: null, region_h: null };
        original = item.textSha256;
      } else {
        if (!item.image) throw invalidInput('region', `archive item ${item.id} is ${item.kind === 'attachment' ? 'an attachment that is not an image' : `a ${item.kind}`}: image regions are marked on an archived image attachment`);
        const g = validateRegion(input.region!, item.image.width, item.image.height);
        part = { span_start: null, span_end: null, region_x: g.x, region_y: g.y, region_w: g.w, region_h: g.h };
        original = item.image.storedSha256;
        attachmentId = item.image.attachmentId;
      }
      const last = await tx.selectFrom('redactions').select((eb) => eb.fn.max('position').as('n')).where('request_id', '=', requestId).executeTakeFirst();
      const position = Number(last?.n ?? 0) + 1;
      const now = toIso(clock.now());
      const id = newId();
      await tx
        .insertInto('redactions')
        .values({ id, request_id: requestId, position, archive_item_id: item.id, kind: input.span ? 'text_span' : 'image_region', attachment_id: attachmentId, ...part, exemption, citation, ground_text: ground, approved_by: approved ? me : null, approved_at: approved ? now : null, original_sha256: original, redacted_by: me, redacted_at: now, withdrawn_by: null, withdrawn_at: null, withdrawal_reason: null })
        .execute();
      // The trail names the part and the exemption, never the redacted content itself.
      await audit.record(tx, actor, { action: 'redaction.marked', targetType: 'records_request', targetId: requestId, targetLabel: label(r), after: { redactionId: id, position, itemId: item.id, ...(input.span ? { span: [part.span_start, part.span_end] } : { region: [part.region_x, part.region_y, part.region_w, part.region_h], attachmentId }), citation, exemption, ground, originalSha256: original }, clauses: IV_A_11 });
      return (await loadLog(tx, requestId, item.id)).find((x) => x.id === id)!;
    });
  }

  async function redactionRow(tx: Executor, requestId: string, redactionId: string): Promise<Row<'redactions'>> {
    const x = await tx.selectFrom('redactions').selectAll().where('id', '=', redactionId).where('request_id', '=', requestId).executeTakeFirst();
    if (!x) throw notFound('Redaction', redactionId);
    return x;
  }

  /** Withdrawn, not deleted: the entry stays in the log with who withdrew it, when and why. */
  async function withdraw(actor: Actor, requestId: string, redactionId: string, input: { reason: string }): Promise<RedactionView> {
    authorize(redactionsPolicy, actor, 'redaction.withdraw', null);
    const reason = text('reason', input.reason, REASON_MAX, 5);
    return db.transaction().execute(async (tx) => {
      const r = await lockOpen(tx, requestId);
      const x = await redactionRow(tx, requestId, redactionId);
      if (x.withdrawn_at) throw conflict(`Redaction #${x.position} was already withdrawn on ${x.withdrawn_at}`);
      await tx.updateTable('redactions').set({ withdrawn_by: actorId(actor) ?? 'system', withdrawn_at: toIso(clock.now()), withdrawal_reason: reason }).where('id', '=', x.id).where('withdrawn_at', 'is', null).execute();
      await audit.record(tx, actor, { action: 'redaction.withdrawn', targetType: 'records_request', targetId: requestId, targetLabel: label(r), before: { redactionId: x.id, position: x.position, status: 'active' }, after: { status: 'withdrawn' }, reason, clauses: IV_A_11 });
      return (await loadLog(tx, requestId, x.archive_item_id)).find((v) => v.id === x.id)!;
    });
  }

  /** The City Attorney approves a free-text ground (statutes from the list need no approval). */
  async function approve(actor: Actor, requestId: string, redactionId: string, input: { note?: string | null } = {}): Promise<RedactionView> {
    authorize(redactionsPolicy, actor, 'redaction.approve', null);
    const note = input.note ? text('note', input.note, REASON_MAX) : null;
    return db.transaction().execute(async (tx) => {
      const r = await lockOpen(tx, requestId);
      const x = await redactionRow(tx, requestId, redactionId);
      if (x.withdrawn_at) throw conflict(`Redaction #${x.position} was withdrawn: there is nothing to approve`);
      if (x.exemption) throw conflict(`Redaction #${x.position} cites ${x.citation}: a statute from the list needs no approval`);
      if (x.approved_at) throw conflict(`Redaction #${x.position} was already approved on ${x.approved_at}`);
      await tx.updateTable('redactions').set({ approved_by: actorId(actor) ?? 'system', approved_at: toIso(clock.now()) }).where('id', '=', x.id).where('approved_at', 'is', null).execute();
      await audit.record(tx, actor, { action: 'redaction.approved', targetType: 'records_request', targetId: requestId, targetLabel: label(r), after: { redactionId: x.id, position: x.position, ground: x.ground_text }, reason: note, clauses: IV_A_11 });
      return (await loadLog(tx, requestId, x.archive_item_id)).find((v) => v.id === x.id)!;
    });
  }

  async function log(actor: Actor, requestId: string) {
    authorize(redactionsPolicy, actor, 'redaction.read', null);
    const r = await request(db, requestId);
    return { reference: r.reference, editable: r.status === 'open', redactions: await loadLog(db, requestId), abilities: redactionAbilities(actor) };
  }

  async function exportCsv(actor: Actor, requestId: string): Promise<{ filename: string; csv: string }> {
    const l = await log(actor, requestId);
    return { filename: `${l.reference}-redaction-log.csv`, csv: logCsv(l.reference, l.redactions) };
  }

  const applied = (log: RedactionView[]): AppliedSpan[] => log.filter((x) => x.status !== 'withdrawn' && x.span).map((x) => ({ ...x.span!, marker: markerFor(x) }));

  async function itemView(actor: Actor, requestId: string, itemId: string): Promise<RedactionItemView> {
    authorize(redactionsPolicy, actor, 'redaction.read', null);
    const r = await request(db, requestId);
    const item = await loadItem(actor, itemId);
    const redactions = await loadLog(db, requestId, item.id);
    const redactedText = redactText(item.text, applied(redactions));
    const image = item.image ? { attachmentId: item.image.attachmentId, width: item.image.width, height: item.image.height, storedSha256: item.image.storedSha256 } : null;
    return { item: { id: item.id, kind: item.kind, capturedAt: item.capturedAt, renderedText: item.text, textSha256: item.textSha256, image }, redactions, redactedText, redactedTextSha256: sha256(redactedText), editable: r.status === 'open', abilities: redactionAbilities(actor) };
  }

  /** Records a rendition handed out (once per distinct copy): the original's hash and its own. */
  async function recordRendition(actor: Actor, r: Row<'records_requests'>, item: ItemForRedaction, kind: 'html' | 'image', originalSha256: string, redactedSha256: string, ids: string[]) {
    await db.transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('redaction_renditions')
        .values({ id: newId(), request_id: r.id, archive_item_id: item.id, kind, original_sha256: originalSha256, redacted_sha256: redactedSha256, redaction_ids: toJson(ids), rendered_by: actorId(actor), rendered_at: toIso(clock.now()) })
        .onConflict((oc) => oc.columns(['request_id', 'archive_item_id', 'redacted_sha256']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) await audit.record(tx, actor, { action: 'redaction.rendered', targetType: 'records_request', targetId: r.id, targetLabel: label(r), after: { itemId: item.id, kind, originalSha256, redactedSha256, redactionIds: ids }, clauses: IV_A_11 });
    });
  }

  /** The redacted text of an item as a standalone HTML page (escaped; nothing of a redacted span in any tag or attribute). */
  async function renderHtml(actor: Actor, requestId: string, itemId: string): Promise<{ html: string; sha256: string }> {
    authorize(redactionsPolicy, actor, 'redaction.read', null);
    const r = await request(db, requestId);
    const item = await loadItem(actor, itemId);
    const redactions = (await loadLog(db, requestId, item.id)).filter((x) => x.status !== 'withdrawn' && x.span);
    const html = redactedHtml(`${label(r)}: archive item ${item.id} (${item.kind}), redacted`, item.text, applied(redactions));
    const hash = sha256(html);
    await recordRendition(actor, r, item, 'html', item.textSha256, hash, redactions.map((x) => x.id));
    return { html, sha256: hash };
  }

  /** The redacted copy of an archived image: a new PNG with each region painted black, metadata gone. */
  async function renderImage(actor: Actor, requestId: string, itemId: string): Promise<{ png: Buffer; sha256: string; filename: string }> {
    authorize(redactionsPolicy, actor, 'redaction.read', null);
    const r = await request(db, requestId);
    const item = await loadItem(actor, itemId);
    if (!item.image) throw invalidInput('itemId', `archive item ${item.id} is not an archived image`);
    const img = item.image;
    const regions = (await loadLog(db, requestId, item.id)).filter((x) => x.status !== 'withdrawn' && x.region);
    const ext = img.filename.includes('.') ? img.filename.split('.').pop()! : 'bin';
    const bytes = await readVerified(store.cleanPath(img.storedSha256, ext), img.storedSha256, `attachment ${img.attachmentId}`);
    const png = await paintRegions(bytes, regions.map((x) => x.region!));
    const hash = sha256(png);
    await recordRendition(actor, r, item, 'image', img.storedSha256, hash, regions.map((x) => x.id));
    return { png, sha256: hash, filename: `${r.reference}-${item.id}-redacted.png` };
  }

  return { mark, withdraw, approve, log, exportCsv, itemView, renderHtml, renderImage };
}

export type RedactionsService = ReturnType<typeof createRedactionsService>;
