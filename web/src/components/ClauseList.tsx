import { Link } from 'react-router-dom';
import { useSession } from '../api/session.tsx';

const href = (id: string) => `/public/policy#clause-${encodeURIComponent(id)}`;

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
            <Link className="crier-clause-id" to={href(id)} title={clauseTitle(id) ?? undefined}>
              {id}
            </Link>
          </span>
        ))}
      </span>
    );
  }
  return (
    <ul className="usa-list usa-list--unstyled crier-clauses">
      {ids.map((id) => (
        <li key={id}>
          <Link className="crier-clause-id" to={href(id)}>
            {id}
          </Link>
          {clauseTitle(id) ? ` — ${clauseTitle(id)}` : ''}
        </li>
      ))}
    </ul>
  );
}
