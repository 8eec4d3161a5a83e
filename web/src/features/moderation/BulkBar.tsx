import { useState } from 'react';
import type { DecisionKind } from './types.ts';

/** A spam flood: tick several comments (or press x on each), then remove or hide them all citing one clause (V.7 by default). */
export function BulkBar({ count, grounds, pending, onApply, onClear }: { count: number; grounds: { id: string; title: string }[]; pending: boolean; onApply: (decision: DecisionKind, clause: string) => void; onClear: () => void }) {
  // The policy may arrive after the queue, so the default is worked out on every render rather than frozen at mount
  // (frozen, it was '' and the select showed its first option, V.1, while the bar would cite nothing).
  const [chosen, setChosen] = useState<string | null>(null);
  const offered = (id: string | null) => id !== null && grounds.some((g) => g.id === id);
  const clause = offered(chosen) ? chosen! : offered('V.7') ? 'V.7' : (grounds[0]?.id ?? '');
  if (count === 0) return null;
  return (
    <section className="crier-bulk" aria-labelledby="bulk-heading" data-testid="bulk-bar">
      <h2 id="bulk-heading" className="crier-bulk__heading">
        {count} comment{count === 1 ? '' : 's'} selected
      </h2>
      <div className="usa-form-group margin-top-0">
        <label className="usa-label crier-label margin-top-0" htmlFor="bulk-clause">
          Clause to cite
        </label>
        <select className="usa-select" id="bulk-clause" value={clause} onChange={(e) => setChosen(e.target.value)}>
          {grounds.map((g) => (
            <option key={g.id} value={g.id}>
              {g.id} — {g.title}
            </option>
          ))}
        </select>
      </div>
      <div className="crier-actions margin-top-1">
        <button type="button" className="usa-button usa-button--secondary" disabled={pending || !clause} onClick={() => onApply('remove', clause)}>
          Remove selected
        </button>
        <button type="button" className="usa-button usa-button--accent-warm" disabled={pending || !clause} onClick={() => onApply('hide', clause)}>
          Hide selected
        </button>
        <button type="button" className="usa-button usa-button--unstyled" onClick={onClear}>
          Clear selection
        </button>
      </div>
    </section>
  );
}
