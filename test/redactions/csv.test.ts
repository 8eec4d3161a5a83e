import { describe, expect, it } from 'vitest';
import { csvField, logCsv, type RedactionView } from '../../src/modules/redactions/index.ts';

describe('redaction log CSV', () => {
  it('[IV.A.11] fields are quoted per RFC 4180 and a ground that looks like a formula cannot run in a spreadsheet', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const f of ['+1', '-1', '@SUM(A1)']) expect(csvField(f).startsWith("'")).toBe(true);
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    const entry: RedactionView = {
      id: 'r1', position: 1, requestId: 'q1', itemId: 'i1', itemKind: 'comment', kind: 'text_span', attachmentId: null, span: { start: 3, end: 9 }, region: null,
      exemption: null, citation: 'Other ground (City Attorney approval required)', ground: '=cmd|calc', status: 'awaiting_approval', approvedBy: null, approvedAt: null,
      originalSha256: 'ab'.repeat(32), redactedBy: { id: 'p1', name: 'Carla Nguyen' }, redactedAt: '2026-11-19T18:00:00.000Z', withdrawnBy: null, withdrawnAt: null, withdrawalReason: null,
    };
    const csv = logCsv('PRR-2026-ABCDEFGH', [entry]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [, row] = csv.split('\r\n');
    expect(row).toBe(`PRR-2026-ABCDEFGH,1,r1,i1,comment,text_span,,3,9,,,,,,Other ground (City Attorney approval required),'=cmd|calc,awaiting_approval,,,Carla Nguyen,2026-11-19T18:00:00.000Z,,,,${'ab'.repeat(32)}`);
  });
});
