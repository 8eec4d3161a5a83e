import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PersonActor } from '../../src/kernel/actor.ts';
import { appWithPersonas, as } from '../api/personas.ts';
import { describeWithContext } from '../context.ts';
import type { Desk } from '../records-requests/support.ts';
import { archivedImage, archivedText, dataDir, desk, newRequest } from './support.ts';

const TEXT = 'Resident Maria Ochoa (maria@example.org) says the drain on 223rd St is blocked again.';
const span = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

describeWithContext(
  'redactions over HTTP',
  (get) => {
    let app: FastifyInstance;
    let d: Desk;
    beforeAll(async () => {
      d = await desk(get());
      app = await appWithPersonas(get(), new Map<string, PersonActor>([['clerk', d.clerk], ['attorney', d.attorney], ['manager', d.manager], ['auditor', d.auditor], ['moderator', d.moderator], ['council', d.council]]));
    }, 120_000);
    afterAll(async () => app?.close());

    it('[IV.A.11] only the City Clerk and the City Attorney read, mark and withdraw redactions; only the City Attorney approves a free-text ground', async () => {
      const ctx = get();
      const r = await newRequest(ctx);
      const itemId = await archivedText(ctx, TEXT);
      const base = `/api/records-requests/${r.id}/redactions`;
      const mark = (who: string, payload: unknown) => app.inject({ method: 'POST', url: base, headers: as(who), payload: payload as object });
      for (const who of ['manager', 'auditor', 'moderator', 'council']) {
        expect((await mark(who, { itemId, span: span('Maria Ochoa'), exemption: 'personal_privacy' })).statusCode).toBe(403);
        for (const url of [base, `${base}/log.csv`, `${base}/items/${itemId}`, `${base}/items/${itemId}/redacted.html`]) expect((await app.inject({ method: 'GET', url, headers: as(who) })).statusCode).toBe(403);
      }
      expect((await app.inject({ method: 'GET', url: base })).statusCode).toBe(401);
      const byClerk = await mark('clerk', { itemId, span: span('Maria Ochoa'), exemption: 'personal_privacy' });
      expect(byClerk.statusCode).toBe(201);
      const byAttorney = await mark('attorney', { itemId, span: span('maria@example.org'), ground: 'Private contact details of a resident, not a public official' });
      expect(byAttorney.statusCode).toBe(201);
      const pending = await mark('clerk', { itemId, span: span('223rd St'), ground: 'Location of a critical drain (pending review)' });
      expect(pending.json().redaction.status).toBe('awaiting_approval');
      const pid = pending.json().redaction.id as string;
      expect((await app.inject({ method: 'POST', url: `${base}/${pid}/approve`, headers: as('clerk'), payload: {} })).statusCode).toBe(403);
      expect((await app.inject({ method: 'POST', url: `${base}/${pid}/approve`, headers: as('attorney'), payload: { note: 'Approved.' } })).statusCode).toBe(200);
      expect((await app.inject({ method: 'POST', url: `${base}/${pid}/withdraw`, headers: as('council'), payload: { reason: 'I want to see it.' } })).statusCode).toBe(403);
      expect((await app.inject({ method: 'POST', url: `${base}/${pid}/withdraw`, headers: as('clerk'), payload: { reason: 'Public location after all.' } })).statusCode).toBe(200);
      // Bad input is a 400 naming the field.
      const noExemption = await mark('clerk', { itemId, span: span('drain') });
      expect(noExemption.statusCode).toBe(400);
      expect(noExemption.json().error.fields).toEqual([expect.objectContaining({ path: 'exemption' })]);
      const outOfRange = await mark('clerk', { itemId, span: { start: 0, end: 10_000 }, exemption: 'personal_privacy' });
      expect(outOfRange.statusCode).toBe(400);
      expect(outOfRange.json().error.fields[0].path).toBe('span.end');
      expect((await mark('clerk', { itemId, span: span('Maria'), exemption: 'personal_privacy' })).statusCode).toBe(409);
      expect((await mark('clerk', { itemId, span: span('drain'), exemption: 'because' })).statusCode).toBe(400);

      // The copy: no trace of what is redacted, in the text or anywhere in the HTML.
      const html = await app.inject({ method: 'GET', url: `${base}/items/${itemId}/redacted.html`, headers: as('attorney') });
      expect(html.statusCode).toBe(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.headers['content-security-policy']).toMatch(/sandbox/);
      for (const trace of ['Maria', 'Ochoa', 'maria@', 'example.org', 'resident, not a public']) expect(html.body).not.toContain(trace);
      expect(html.body).toContain('223rd St');
      const view = await app.inject({ method: 'GET', url: `${base}/items/${itemId}`, headers: as('clerk') });
      expect(view.json().redactedText).toBe('Resident [Redacted #1: Gov. Code 7927.700] ([Redacted #2: see the redaction log]) says the drain on 223rd St is blocked again.');

      // The log as CSV: every entry, withdrawn ones included, with who and when.
      const csv = await app.inject({ method: 'GET', url: `${base}/log.csv`, headers: as('clerk') });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/attachment; filename="PRR-\d{4}-[0-9A-Z]{8}-redaction-log\.csv"/);
      const lines = csv.body.trimEnd().split('\r\n');
      expect(lines[0]).toBe('request_reference,log_number,redaction_id,archive_item_id,item_kind,type,attachment_id,span_start,span_end,region_x,region_y,region_w,region_h,exemption,citation,ground,status,approved_by,approved_at,redacted_by,redacted_at,withdrawn_by,withdrawn_at,withdrawal_reason,original_sha256');
      expect(lines).toHaveLength(4);
      expect(lines[1]).toContain(`,1,`);
      expect(lines[1]).toContain(',personal_privacy,Gov. Code 7927.700,');
      expect(lines[1]).toContain(',Carla Nguyen,2026-11-19T18:00:00.000Z,');
      expect(lines[2]).toContain(',"Private contact details of a resident, not a public official",');
      expect(lines[3]).toContain(',withdrawn,');
      expect(lines[3]).toContain('Public location after all.');
    });

    it('[IV.A.11] the redacted image over HTTP is a black-boxed PNG', async () => {
      const ctx = get();
      const r = await newRequest(ctx);
      const img = await archivedImage(ctx, 24, 24);
      const base = `/api/records-requests/${r.id}/redactions`;
      expect((await app.inject({ method: 'POST', url: base, headers: as('attorney'), payload: { itemId: img.itemId, region: { x: 0, y: 0, w: 12, h: 24 }, exemption: 'personal_privacy' } })).statusCode).toBe(201);
      const outside = await app.inject({ method: 'POST', url: base, headers: as('attorney'), payload: { itemId: img.itemId, region: { x: 20, y: 0, w: 12, h: 4 }, exemption: 'personal_privacy' } });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().error.fields[0].path).toBe('region.w');
      const res = await app.inject({ method: 'GET', url: `${base}/items/${img.itemId}/redacted.png`, headers: as('clerk') });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      const { data, info } = await sharp(res.rawPayload).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
      expect(at(0, 0)).toEqual([0, 0, 0]);
      expect(at(11, 23)).toEqual([0, 0, 0]);
      expect(at(12, 0)).toEqual([250, 200, 40]);
      expect((await app.inject({ method: 'GET', url: `${base}/items/${img.itemId}/redacted.png`, headers: as('council') })).statusCode).toBe(403);
    });
  },
  { config: { dataDir: dataDir() } },
);
