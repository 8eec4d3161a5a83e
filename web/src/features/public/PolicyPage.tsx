import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { Loading, Page } from '../../components/Page.tsx';

interface ClauseText {
  id: string;
  title: string;
  text: string;
}

/** The policy in force, clause by clause (the ids every refusal, finding and decision cites). */
export function PolicyPage() {
  const { policy } = useSession();
  const location = useLocation();
  const target = decodeURIComponent(location.hash.replace(/^#clause-/, ''));

  useEffect(() => {
    if (!target || !policy) return;
    const el = document.getElementById(`clause-${target}`);
    if (el instanceof HTMLDetailsElement) {
      el.open = true;
      el.scrollIntoView();
      el.querySelector('summary')?.focus();
    }
  }, [target, policy]);

  if (!policy) return <Loading />;
  const clauses = policy.clauses ?? [];
  const depth = (id: string): number => {
    let d = 0;
    let c = clauses.find((x) => x.id === id);
    while (c?.parent && d < 6) {
      d += 1;
      const parent: string = c.parent;
      c = clauses.find((x) => x.id === parent);
    }
    return d;
  };
  return (
    <Page title="The policy" lead={`${policy.name}, version ${policy.version}.`}>
      <p>Every refusal, screening finding and moderation decision in Crier cites one of these clauses. Open a clause to read its text.</p>
      <ul className="usa-list usa-list--unstyled crier-clause-tree" data-testid="clauses">
        {clauses.map((c) => (
          <li key={c.id} className={`crier-depth-${Math.min(depth(c.id), 4)}`}>
            <ClauseItem id={c.id} title={c.title} />
          </li>
        ))}
      </ul>
    </Page>
  );
}

function ClauseItem({ id, title }: { id: string; title: string }) {
  const [text, setText] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  return (
    <details
      id={`clause-${id}`}
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open && text === null) {
          api
            .get<ClauseText>(`/api/policy/clauses/${encodeURIComponent(id)}`)
            .then((c) => setText(c.text))
            .catch(() => setFailed(true));
        }
      }}
    >
      <summary>
        <span className="crier-clause-id">{id}</span> — {title}
      </summary>
      <div className="crier-policy-text margin-y-1">{failed ? 'The text could not be loaded.' : (text ?? 'Loading…')}</div>
    </details>
  );
}
