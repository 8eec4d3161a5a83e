/** The Section V grounds to cite, the findings' suggestions first and numbered 1–9 for the keyboard. */
export function orderedGrounds(grounds: { id: string; title: string }[], suggested: string[]): { id: string; title: string; suggested: boolean }[] {
  const byId = new Map(grounds.map((g) => [g.id, g]));
  const first = suggested.filter((id) => byId.has(id)).map((id) => ({ ...byId.get(id)!, suggested: true }));
  return [...first, ...grounds.filter((g) => !suggested.includes(g.id)).map((g) => ({ ...g, suggested: false }))];
}

export function ClausePicker({ grounds, picked, onToggle, idPrefix }: { grounds: { id: string; title: string; suggested: boolean }[]; picked: string[]; onToggle: (id: string) => void; idPrefix: string }) {
  return (
    <fieldset className="usa-fieldset crier-clause-picker" data-testid="clause-picker">
      <legend className="usa-legend crier-label">Clauses to cite (Section V)</legend>
      <p className="usa-hint margin-top-05" id={`${idPrefix}-hint`}>
        A hide or removal rests on at least one clause. Suggested clauses (from the findings) come first; keys 1–9 pick them.
      </p>
      <ol className="usa-list usa-list--unstyled crier-clause-options" aria-describedby={`${idPrefix}-hint`}>
        {grounds.map((g, i) => {
          const id = `${idPrefix}-${g.id.replace(/\W/g, '-')}`;
          return (
            <li key={g.id} className="usa-checkbox" data-clause={g.id} data-suggested={g.suggested ? 'true' : 'false'}>
              <input className="usa-checkbox__input" id={id} type="checkbox" checked={picked.includes(g.id)} onChange={() => onToggle(g.id)} />
              <label className="usa-checkbox__label" htmlFor={id}>
                {i < 9 && (
                  <kbd className="crier-kbd" aria-hidden="true">
                    {i + 1}
                  </kbd>
                )}{' '}
                <span className="crier-clause-id">{g.id}</span> — {g.title}
                {g.suggested && <span className="usa-tag crier-tag--warning margin-left-1">Suggested</span>}
              </label>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
