import type { ApiError } from '../api/client.ts';
import { useSession } from '../api/session.tsx';

/**
 * An API error as a USWDS alert. Policy refusals lead with the clauses they rest on
 * ("Refused under IV.C.6 — Training"), so the reader sees which rule said no. The USWDS markup
 * is written out here: the library's Alert wraps its children in a <p>, where lists may not go.
 */
export function ErrorAlert({ error, heading }: { error: ApiError | undefined | null; heading?: string }) {
  const { clauseTitle } = useSession();
  if (!error) return null;
  const refused = error.code === 'policy_refusal' || error.clauses.length > 0;
  const title = heading ?? (refused ? 'Refused under the policy' : error.code === 'invalid_input' ? 'Please correct the form' : 'Something went wrong');
  return (
    <div className="usa-alert usa-alert--error" role="alert" data-testid="error-alert">
      <div className="usa-alert__body">
        <h3 className="usa-alert__heading">{title}</h3>
        <div className="usa-alert__text">
          {error.clauses.length > 0 && (
            <ul className="usa-list usa-list--unstyled crier-refusal-clauses">
              {error.clauses.map((c) => (
                <li key={c.id}>
                  <strong>
                    Refused under <span className="crier-clause-id">{c.id}</span>
                    {(c.title ?? clauseTitle(c.id)) ? ` — ${c.title ?? clauseTitle(c.id)}` : ''}
                  </strong>
                </li>
              ))}
            </ul>
          )}
          {error.fields.length === 0 ? <span className="crier-error-message">{error.message}</span> : <span className="crier-error-message">Check the fields marked below.</span>}
          {error.fields.length > 0 && (
            <ul className="usa-list">
              {error.fields.map((f) => (
                <li key={f.path}>
                  {fieldLabel(f.path)}: {f.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}

function fieldLabel(path: string): string {
  const last = path.split('.').filter((s) => s !== 'body' && s !== 'query' && s !== 'params');
  return last.join('.') || path;
}
