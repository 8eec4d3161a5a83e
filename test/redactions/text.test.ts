import { beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';
import type { Desk } from '../records-requests/support.ts';
import { archivedText, dataDir, desk, newRequest, refusal, sha256 } from './support.ts';

const SECRET = 'Jane Roe, 555-0142';
const TEXT = `Thanks for the cleanup! Call ${SECRET} about the <b>"drain"</b> 🌊 near Elm.`;
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

describeWithContext(
  'redactions: text spans',
  (get) => {
    let d: Desk;
    beforeAll(async () => {
      d = await desk(get());
    }, 60_000);

    it('[IV.A.11] a span is redacted with its exemption; the copy keeps no trace of it, in text or HTML, and the original is untouched', async () => {
      const ctx = get();
      const r = await newRequest(ctx);
      const itemId = await archivedText(ctx, TEXT);
      const before = await ctx.db.db.selectFrom('archive_items').selectAll().where('id', '=', itemId).executeTakeFirstOrThrow();
      const x = await ctx.redactions.mark(d.clerk, r.id, { itemId, span: at(SECRET), exemption: 'personal_privacy' });
      expect(x).toMatchObject({ position: 1, kind: 'text_span', span: at(SECRET), exemption: 'personal_privacy', citation: 'Gov. Code 7927.700', status: 'active', redactedBy: { name: 'Carla Nguyen' }, redactedAt: '2026-11-19T18:00:00.000Z', originalSha256: sha256(TEXT) });

      const v = await ctx.redactions.itemView(d.attorney, r.id, itemId);
      expect(v.item.renderedText).toBe(TEXT);
      expect(v.redactedText).toBe(`Thanks for the cleanup! Call [Redacted #1: Gov. Code 7927.700] about the <b>"drain"</b> 🌊 near Elm.`);
      expect(v.redactedTextSha256).toBe(sha256(v.redactedText));
      const { html, sha256: htmlHash } = await ctx.redactions.renderHtml(d.clerk, r.id, itemId);
      // The page's title carries the item's random id and the request's reference, which may
      // themselves contain digits such as 555; the traces are looked for in everything else.
      const page = html.replaceAll(itemId, '').replaceAll(r.reference, '');
      expect(html).toContain(itemId);
      for (const trace of ['Jane', 'Roe', '555', '0142']) {
        expect(v.redactedText).not.toContain(trace);
        expect(page).not.toContain(trace);
      }
      // The kept text is escaped, not interpreted.
      expect(html).toContain('&lt;b&gt;&quot;drain&quot;&lt;/b&gt;');
      expect(html).toContain('<span class="redaction">[Redacted #1: Gov. Code 7927.700]</span>');
      // The rendition handed out is recorded with the original's hash and its own.
      const rend = await ctx.db.db.selectFrom('redaction_renditions').selectAll().where('request_id', '=', r.id).execute();
      expect(rend).toEqual([expect.objectContaining({ archive_item_id: itemId, kind: 'html', original_sha256: sha256(TEXT), redacted_sha256: htmlHash })]);
      // Originals are never touched: the archive row is byte for byte what it was, and the chain verifies.
      const after = await ctx.db.db.selectFrom('archive_items').selectAll().where('id', '=', itemId).executeTakeFirstOrThrow();
      expect(after).toEqual(before);
      expect(sha256(after.rendered_text)).toBe(sha256(TEXT));
      expect((await ctx.archive.verify()).ok).toBe(true);
      // The trail names the part and the exemption, never the redacted words.
      const trail = await ctx.db.db.selectFrom('audit_events').select(['action', 'after_json']).where('target_id', '=', r.id).where('action', 'like', 'redaction.%').execute();
      expect(trail.map((e) => e.action).sort()).toEqual(['redaction.marked', 'redaction.rendered']);
      expect(JSON.stringify(trail)).not.toContain('Jane');
    });

    it('[IV.A.11] spans out of range, empty, reversed or splitting a character are refused, naming the field and the text length', async () => {
      const ctx = get();
      const r = await newRequest(ctx);
      const itemId = await archivedText(ctx, TEXT);
      const mark = (span: { start: number; end: number }) => ctx.redactions.mark(d.clerk, r.id, { itemId, span, exemption: 'personal_privacy' });
      expect((await refusal(mark({ start: 0, end: TEXT.length + 1 }), 'invalid_input')).message).toBe(`span.end: is past the end of the item's text (${TEXT.length} characters)`);
      expect((await refusal(mark({ start: TEXT.length, end: TEXT.length + 2 }), 'invalid_input')).message).toMatch(/^span\.start: is past the end/);
      expect((await refusal(mark({ start: -1, end: 3 }), 'invalid_input')).message).toMatch(/^span\.start:/);
      expect((await refusal(mark({ start: 5, end: 5 }), 'invalid_input')).message).toMatch(/^span\.end: must be after span\.start \(5\)/);
      expect((await refusal(mark({ start: 6, end: 2 }), 'invalid_input')).message).toMatch(/^span\.end:/);
      expect((await refusal(mark({ start: 1.5, end: 3 }), 'invalid_input')).message).toMatch(/^span\.start:/);
      // 🌊 is two UTF-16 code units: an offset between them is refused, the whole character is accepted.
      const wave = TEXT.indexOf('🌊');
      expect((await refusal(mark({ start: wave + 1, end: wave + 3 }), 'invalid_input')).message).toMatch(/^span\.start: falls inside a character/);
      expect((await refusal(mark({ start: wave - 2, end: wave + 1 }), 'invalid_input')).message).toMatch(/^span\.end: falls inside a character/);
      const ok = await mark({ start: wave, end: wave + 2 });
      expect((await ctx.redactions.itemView(d.clerk, r.id, itemId)).redactedText).not.toContain('🌊');
      expect(ok.span).toEqual({ start: wave, end: wave + 2 });
      // Unknown item, unknown request.
      await refusal(ctx.redactions.mark(d.clerk, r.id, { itemId: 'no-such-item', span: { start: 0, end: 1 }, exemption: 'personal_privacy' }), 'not_found');
      await refusal(ctx.redactions.mark(d.clerk, 'no-such-request', { itemId, span: { start: 0, end: 1 }, exemption: 'personal_privacy' }), 'not_found');
      // Nothing half-written: only the one accepted redaction exists.
      expect((await ctx.redactions.log(d.clerk, r.id)).redactions).toHaveLength(1);
    });

    it('[IV.A.11] overlapping spans are refused (not merged), naming the redaction they overlap; touching spans are fine', async () => {
      const ctx = get();
      const r = await newRequest(ctx);
      const itemId = await archivedText(ctx, TEXT);
      const name = at('Jane Roe');
      await ctx.redactions.mark(d.clerk, r.id, { itemId, span: name, exemption: 'personal_privacy' });
      const clash = await refusal(ctx.redactions.mark(d.attorney, r.id, { itemId, span: { start: name.start + 2, end: name.end + 4 }, exemption: 'other_law_privilege' }), 'conflict');
      expect(clash.message).toMatch(/overlap redaction #1 \(characters \d+–\d+, Gov\. Code 7927\.700\)/);
      expect(clash.clauses).toEqual(['IV.A.11']);
      // Adjacent (end == start) is not an overlap; each part keeps its own exemption.
      const phone = at(', 555-0142');
      expect(phone.start).toBe(name.end);
      await ctx.redactions.mark(d.attorney, r.id, { itemId, span: phone, exemption: 'public_interest' });
      expect((await ctx.redactions.itemView(d.clerk, r.id, itemId)).redactedText).toBe(`Thanks for the cleanup! Call [Redacted #1: Gov. Code 7927.700][Redacted #2: Gov. Code 7922.000] about the <b>"drain"</b> 🌊 near Elm.`);
      // The same span on another request is that request's own business.
      const other = await newRequest(ctx);
      await ctx.redactions.mark(d.clerk, other.id, { itemId, span: name, exemption: 'pending_litigation' });
    });

    it('[IV.A.11] every redaction names its exemption: a statute from the list, or a free-text ground the City Attorney approves', async () => {
      const ctx = get();
      const r = await newRequest(ctx);
      const itemId = await archivedText(ctx, TEXT);
      const span = at('Elm');
      const none = await refusal(ctx.redactions.mark(d.clerk, r.id, { itemId, span }), 'invalid_input');
      expect(none.message).toMatch(/^exemption: required: every redaction names the exemption that applies \(one of preliminary_drafts, pending_litigation, personal_privacy/);
      await refusal(ctx.redactions.mark(d.clerk, r.id, { itemId, span, ground: '   ' }), 'invalid_input');
      expect((await refusal(ctx.redactions.mark(d.clerk, r.id, { itemId, span, exemption: 'made_up' as never }), 'invalid_input')).message).toMatch(/^exemption: one of/);
      expect((await refusal(ctx.redactions.mark(d.clerk, r.id, { itemId, span, exemption: 'personal_privacy', ground: 'Also this' }), 'invalid_input')).message).toMatch(/^ground:/);
      expect((await refusal(ctx.redactions.mark(d.clerk, r.id, { itemId }), 'invalid_input')).message).toMatch(/^span: required/);
      const ground = 'Critical infrastructure location (Gov. Code 7929.205) pending review';
      const x = await ctx.redactions.mark(d.clerk, r.id, { itemId, span, ground });
      expect(x).toMatchObject({ exemption: null, ground, status: 'awaiting_approval', approvedBy: null });
      // The ground stays out of the copy (a marker points to the log).
      expect((await ctx.redactions.itemView(d.clerk, r.id, itemId)).redactedText).toMatch(/\[Redacted #1: see the redaction log\]\.$/);
      // Only the City Attorney approves.
      expect((await refusal(ctx.redactions.approve(d.clerk, r.id, x.id), 'forbidden')).clauses).toEqual(['IV.A.11']);
      const ok = await ctx.redactions.approve(d.attorney, r.id, x.id, { note: 'Approved.' });
      expect(ok).toMatchObject({ status: 'active', approvedBy: { name: 'Adrian Brooks' } });
      await refusal(ctx.redactions.approve(d.attorney, r.id, x.id), 'conflict');
      // The City Attorney's own free-text ground is approved as marked.
      const own = await ctx.redactions.mark(d.attorney, r.id, { itemId, span: at('Thanks'), ground: 'Attorney work product in a draft reply' });
      expect(own.status).toBe('active');
    });

    it('[IV.A.11] withdrawn before the determination (audited, kept in the log); frozen after it', async () => {
      const ctx = get();
      const r = await newRequest(ctx);
      const itemId = await archivedText(ctx, TEXT);
      const x = await ctx.redactions.mark(d.clerk, r.id, { itemId, span: at(SECRET), exemption: 'personal_privacy' });
      await refusal(ctx.redactions.withdraw(d.clerk, r.id, x.id, { reason: '' }), 'invalid_input');
      const w = await ctx.redactions.withdraw(d.attorney, r.id, x.id, { reason: 'The caller consented to disclosure.' });
      expect(w).toMatchObject({ status: 'withdrawn', withdrawnBy: { name: 'Adrian Brooks' }, withdrawalReason: 'The caller consented to disclosure.' });
      await refusal(ctx.redactions.withdraw(d.clerk, r.id, x.id, { reason: 'Again, please.' }), 'conflict');
      // Kept in the log; no longer applied; the span may be marked again.
      const log = await ctx.redactions.log(d.clerk, r.id);
      expect(log.redactions.map((e) => [e.position, e.status])).toEqual([[1, 'withdrawn']]);
      expect((await ctx.redactions.itemView(d.clerk, r.id, itemId)).redactedText).toBe(TEXT);
      const again = await ctx.redactions.mark(d.clerk, r.id, { itemId, span: at('Jane Roe'), exemption: 'personal_privacy' });
      expect(again.position).toBe(2);
      const audit = await ctx.db.db.selectFrom('audit_events').select(['action', 'reason']).where('target_id', '=', r.id).where('action', '=', 'redaction.withdrawn').execute();
      expect(audit).toEqual([{ action: 'redaction.withdrawn', reason: 'The caller consented to disclosure.' }]);

      await ctx.recordsRequests.review(d.attorney, r.id, { outcome: 'concur', note: 'Concur: redact the caller name.' });
      await ctx.recordsRequests.determine(d.clerk, r.id, { outcome: 'disclose_part', reasons: 'Disclosed with one redaction.', estimatedProductionOn: '2026-11-25' });
      const frozen = await refusal(ctx.redactions.withdraw(d.clerk, r.id, again.id, { reason: 'Too late now.' }), 'conflict');
      expect(frozen.message).toMatch(/is already determined: its redactions are frozen/);
      await refusal(ctx.redactions.mark(d.clerk, r.id, { itemId, span: at('Elm'), exemption: 'personal_privacy' }), 'conflict');
      expect((await ctx.redactions.log(d.clerk, r.id)).editable).toBe(false);
    });
  },
  { config: { dataDir: dataDir() } },
);
