import { Link } from 'react-router-dom';
import { useSession } from '../../api/session.tsx';
import type { Finding } from './types.ts';

type Shown = Finding & { platformNames?: string[] };

const clauseHref = (id: string) => `/public/policy#clause-${encodeURIComponent(id)}`;

/**
 * Findings grouped as the policy weighs them: what blocks approval, then advice. Each names its
 * clause (id and title, linking to the clause text) and the platforms it applies to.
 */
export function FindingsList({ findings, headingLevel = 3, idPrefix, platformName }: { findings: Shown[]; headingLevel?: 2 | 3; idPrefix: string; platformName?: (id: string) => string }) {
  const blocks = findings.filter((f) => f.severity === 'block');
  const advice = findings.filter((f) => f.severity !== 'block');
  if (findings.length === 0) return <p data-testid={`${idPrefix}-none`}>No findings: nothing in the policy stands in the way of this text.</p>;
  return (
    <>
      <Group title={`Blocking (${blocks.length})`} hint="Approval is refused until these are fixed (or the City Manager overrides them with a reason)." items={blocks} id={`${idPrefix}-block`} level={headingLevel} platformName={platformName} />
      <Group title={`Advice (${advice.length})`} hint="Worth fixing; approvers see these too." items={advice} id={`${idPrefix}-advice`} level={headingLevel} platformName={platformName} />
    </>
  );
}

function Group({ title, hint, items, id, level, platformName }: { title: string; hint: string; items: Shown[]; id: string; level: 2 | 3; platformName?: ((id: string) => string) | undefined }) {
  const { clauseTitle } = useSession();
  const H = level === 2 ? 'h3' : 'h4';
  if (items.length === 0) return null;
  return (
    <div className="margin-bottom-2" data-testid={id}>
      <H className="margin-bottom-05">{title}</H>
      <p className="usa-hint margin-top-0">{hint}</p>
      <ul className="usa-list crier-findings">
        {items.map((f, i) => {
          const t = f.clauseTitle ?? clauseTitle(f.clause);
          const platforms = f.platformNames ?? (f.platformIds && platformName ? f.platformIds.map(platformName) : undefined);
          return (
            <li key={`${f.ruleId}-${f.clause}-${i}`} data-clause={f.clause} data-severity={f.severity}>
              <span className={`usa-tag ${f.severity === 'block' ? 'crier-tag--error' : 'crier-tag--warning'} margin-right-1`}>{f.severity === 'block' ? 'Block' : 'Advice'}</span>{' '}
              {f.message}
              {f.span && 'text' in f.span && typeof (f.span as { text?: unknown }).text === 'string' && <> (“{(f.span as { text: string }).text}”)</>}
              {platforms && platforms.length > 0 && <span className="text-base"> — on {platforms.join(', ')}</span>}
              <br />
              <Link to={clauseHref(f.clause)}>
                <span className="crier-clause-id">{f.clause}</span>
                {t ? ` — ${t}` : ''}
              </Link>
              {f.otherPostId && (
                <>
                  {' · '}
                  <Link to={`/posts/${f.otherPostId}`}>the other post</Link>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
