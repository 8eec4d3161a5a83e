import { beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';
import type { Desk } from '../records-requests/support.ts';
import { archivedImage, archivedText, dataDir, desk, newRequest, refusal } from './support.ts';

const TEXT = 'Please call me at 310-555-0188 about the permit for 42 Oak Ave.';
const span = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

describeWithContext(
  'redactions in the determination',
  (get) => {
    let d: Desk;
    beforeAll(async () => {
      d = await desk(get());
    }, 60_000);

    it('[IV.A.11] the partial-disclosure letter lists each redacted part with its exemption; withdrawn redactions are left out', async () => {
      const ctx = get();
      const r = await newRequest(ctx);
      const itemId = await archivedText(ctx, TEXT);
      const img = await archivedImage(ctx, 20, 20);
      await ctx.redactions.mark(d.clerk, r.id, { itemId, span: span('310-555-0188'), exemption: 'personal_privacy' });
      const gone = await ctx.redactions.mark(d.clerk, r.id, { itemId, span: span('42 Oak Ave'), exemption: 'personal_privacy' });
      await ctx.redactions.withdraw(d.clerk, r.id, gone.id, { reason: 'The address is on the public permit.' });
      await ctx.redactions.mark(d.attorney, r.id, { itemId: img.itemId, region: { x: 2, y: 3, w: 4, h: 5 }, ground: 'Face of a minor at a City event (no parental consent on file)' });
      await ctx.recordsRequests.review(d.attorney, r.id, { outcome: 'concur', note: 'Concur with the redactions.' });
      // Redactions make it a disclosure in part: "in full" is refused.
      const full = await refusal(ctx.recordsRequests.determine(d.clerk, r.id, { outcome: 'disclose_full', reasons: 'All records are disclosable.', estimatedProductionOn: '2026-11-30' }), 'policy_refusal');
      expect(full.message).toMatch(/^2 redactions are marked on this request: records with redactions are disclosed in part/);
      expect(full.clauses).toEqual(['IV.A.11']);
      // No separate list of withheld records is needed: the redactions are the parts withheld.
      const det = await ctx.recordsRequests.determine(d.clerk, r.id, { outcome: 'disclose_part', reasons: 'The records are disclosed with personal details redacted.', estimatedProductionOn: '2026-11-30' });
      const letter = det.determination!.letterText;
      expect(letter).toContain('Parts redacted from the records produced, each with the exemption that applies:');
      expect(letter).toMatch(new RegExp(`- Redaction #1: comment ${itemId} \\(archived 2026-11-19\\), characters 18–30 — Gov\\. Code 7927\\.700 \\(Personnel, medical, or similar files`));
      expect(letter).toMatch(new RegExp(`- Redaction #3: attachment ${img.itemId} \\(archived 2026-11-19\\), image region 4×5 px at \\(2, 3\\) — Ground approved by the City Attorney \\(Face of a minor at a City event`));
      expect(letter).not.toContain('Redaction #2');
      // The letter never carries the redacted words.
      expect(letter).not.toContain('555-0188');
      expect(letter).toMatch(/Persons responsible for this determination:\n- Carla Nguyen, City Clerk\n- Adrian Brooks, City Attorney/);
    });

    it('[IV.A.11] a free-text ground not yet approved by the City Attorney blocks the determination', async () => {
      const ctx = get();
      const r = await newRequest(ctx);
      const itemId = await archivedText(ctx, TEXT);
      const x = await ctx.redactions.mark(d.clerk, r.id, { itemId, span: span('310-555-0188'), ground: 'Phone number of a\nprivate person' });
      await ctx.recordsRequests.review(d.attorney, r.id, { outcome: 'concur', note: 'Concur.' });
      const e = await refusal(ctx.recordsRequests.determine(d.clerk, r.id, { outcome: 'disclose_part', reasons: 'Disclosed in part.', estimatedProductionOn: '2026-11-30' }), 'policy_refusal');
      expect(e.message).toMatch(/needs the City Attorney's approval first: #1/);
      await ctx.redactions.approve(d.attorney, r.id, x.id);
      const det = await ctx.recordsRequests.determine(d.clerk, r.id, { outcome: 'disclose_part', reasons: 'Disclosed in part.', estimatedProductionOn: '2026-11-30' });
      expect(det.determination!.letterText).toContain('— Ground approved by the City Attorney (Phone number of a private person)');
    });
  },
  { config: { dataDir: dataDir() } },
);
