import { useSession } from '../api/session.tsx';

/** Clause ids with their titles from the loaded policy pack: "IV.C.6 — Training". */
export function ClauseList({ ids, inline }: { ids: string[]; inline?: boolean }) {
  const { clauseTitle } = useSession();
  if (ids.length === 0) return <span className="text-base">—</span>;
  if (inline) {
    return (
      <span className="crier-clauses">
        {ids.map((id, i) => (
          <span key={id}>
            {i > 0 && ', '}
            <abbr className="crier-clause-id" title={clauseTitle(id) ?? undefined}>
              {id}
            </abbr>
          </span>
        ))}
      </span>
    );
  }
  return (
    <ul className="usa-list usa-list--unstyled crier-clauses">
      {ids.map((id) => (
        <li key={id}>
          <span className="crier-clause-id">{id}</span>
          {clauseTitle(id) ? ` — ${clauseTitle(id)}` : ''}
        </li>
      ))}
    </ul>
  );
}
