import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/db/index.ts';
import { covers, type LegalHold } from '../../src/modules/legal-holds/index.ts';
import { defaultPackDir, loadPackFromDir, type PolicyPack } from '../../src/policy/index.ts';
import { ineligibility, type EligibilityFacts } from '../../src/modules/retention/eligibility.ts';

const pack = loadPackFromDir(defaultPackDir());

const row = (over: Partial<Row<'archive_items'>> = {}): Row<'archive_items'> => ({
  seq: 7,
  id: 'item-7',
  kind: 'comment',
  source_id: 'c-7',
  department_id: 'dept-pw',
  platform_id: 'plat-fb',
  native: '{"text":"The street fair was loud"}',
  rendered_text: 'The street fair was loud',
  metadata: '{"createdOnPlatformAt":"2023-05-01T17:00:00.000Z"}',
  content_sha256: 'c'.repeat(64),
  captured_at: '2023-05-01T17:05:00.000Z',
  retention_category: 'comments',
  retain_until: '2026-01-01',
  prev_hash: '0'.repeat(64),
  item_hash: 'f'.repeat(64),
  ...over,
});

const facts = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({ pack, today: '2026-11-19', holds: new Map(), destroyed: new Map(), ...over });

const hold = (over: Partial<LegalHold> = {}): LegalHold => ({
  id: 'h1', matter: 'Matter', custodian: { id: 'p1', name: null }, notes: null, status: 'issued', issuedBy: null, issuedAt: '2026-01-01T00:00:00Z',
  acknowledgedBy: null, acknowledgedAt: null, releasedBy: null, releasedAt: null, releaseReason: null,
  platformIds: null, departmentIds: null, searchTerms: null, fromDate: '2023-01-01', toDate: null, ...over,
});

describe('disposition eligibility (pure)', () => {
  it('[IV.A.13] a record past its retention, held by nothing, may be destroyed', () => {
    expect(ineligibility(row(), facts())).toBeNull();
  });

  it('[IV.A.9] a schedule lengthened after capture still holds the record (both dates must pass)', () => {
    const longer: PolicyPack = { ...pack, retention: { ...pack.retention, defaults: { ...pack.retention.defaults, comments: { years: 5, rule: 'current-year-plus', minimumYears: 2 } } } };
    expect(ineligibility(row(), facts({ pack: longer }))?.reasons).toEqual(['the current schedule for comments keeps it until 2029-01-01']);
    const unknown = row({ retention_category: 'tweets' });
    expect(ineligibility(unknown, facts())?.reasons).toEqual(['the policy pack has no retention schedule for "tweets"']);
    // Nothing under two years, even if the stored date was (somehow) earlier.
    expect(ineligibility(row({ metadata: '{"createdOnPlatformAt":"2025-06-01T17:00:00.000Z"}', retain_until: '2025-01-01' }), facts())?.reasons).toEqual(['the current schedule for comments keeps it until 2028-01-01']);
  });

  it('[IV.A.13] holds cover by platform, department, date range and text; every reason is named', () => {
    const item = { id: 'item-7', platformId: 'plat-fb', departmentId: 'dept-pw', recordDate: '2023-05-01', text: 'The street fair was loud' };
    expect(covers(hold(), item)).toBe(true);
    expect(covers(hold({ platformIds: ['plat-x'] }), item)).toBe(false);
    expect(covers(hold({ departmentIds: ['dept-cs'] }), item)).toBe(false);
    expect(covers(hold({ fromDate: '2023-05-02' }), item)).toBe(false);
    expect(covers(hold({ toDate: '2023-04-30' }), item)).toBe(false);
    expect(covers(hold({ toDate: '2023-05-01' }), item)).toBe(true);
    expect(covers(hold({ searchTerms: ['STREET FAIR'] }), item)).toBe(true);
    expect(covers(hold({ searchTerms: ['parade'] }), item)).toBe(false);
    expect(covers(hold({ platformIds: ['plat-fb'] }), { ...item, platformId: null })).toBe(false);
    const why = ineligibility(row({ retain_until: '2027-01-01' }), facts({ holds: new Map([['item-7', [hold(), hold({ id: 'h2', matter: 'Other', status: 'acknowledged' })]]]), destroyed: new Map([['item-7', { batchId: 'b0' }]]) }));
    expect(why).toEqual({
      itemId: 'item-7',
      reasons: ['already destroyed (batch b0)', 'its retention has not ended: kept until 2027-01-01 (comments)', 'under legal hold "Matter" (issued)', 'under legal hold "Other" (acknowledged)'],
      holds: [{ id: 'h1', matter: 'Matter' }, { id: 'h2', matter: 'Other' }],
    });
  });
});
