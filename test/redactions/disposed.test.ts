import { describe, expect, it } from 'vitest';
import { itemForRedaction } from '../../src/modules/redactions/index.ts';

describe('redactions and destroyed archive items', () => {
  it('[IV.A.11] an item destroyed under an approved disposition is neither redacted nor produced', () => {
    const destroyed = { id: 'item-1', kind: 'comment', native: null, renderedText: '', capturedAt: '2024-01-02T00:00:00.000Z', disposed: { batchId: 'b1', disposedAt: '2026-11-01T00:00:00.000Z' } };
    expect(() => itemForRedaction(destroyed)).toThrow(/was destroyed under an approved disposition: there is nothing left to redact or produce/);
    const kept = itemForRedaction({ ...destroyed, renderedText: 'Hello', disposed: null });
    expect(kept).toMatchObject({ id: 'item-1', text: 'Hello', image: null });
  });
});
