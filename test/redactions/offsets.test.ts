import { describe, expect, it } from 'vitest';
import { toNormalisedOffset, toOriginalOffset } from '../../web/src/features/redactions/offsets.ts';

describe('redaction UI: textarea offsets to archived text offsets', () => {
  it('[IV.A.11] a selection in a textarea (line breaks normalised) maps to the archived text, CRLF included', () => {
    const original = 'Line one\r\nJane Roe\r\nend';
    const shown = original.replace(/\r\n?/g, '\n');
    const start = shown.indexOf('Jane');
    const end = start + 'Jane Roe'.length;
    const a = toOriginalOffset(original, start);
    const b = toOriginalOffset(original, end);
    expect(original.slice(a, b)).toBe('Jane Roe');
    expect(toNormalisedOffset(original, a)).toBe(start);
    expect(toNormalisedOffset(original, b)).toBe(end);
    // Plain text maps to itself.
    expect(toOriginalOffset('abc', 2)).toBe(2);
    expect(toOriginalOffset('abc', 3)).toBe(3);
  });
});
