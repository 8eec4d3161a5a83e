import { useEffect, type ReactNode } from 'react';
import { useSession } from '../api/session.tsx';

/** Each page has one h1 and sets the document title, so screen readers announce where they are. */
export function Page({ title, children, lead }: { title: string; children: ReactNode; lead?: ReactNode }) {
  const { siteTitle } = useSession();
  useEffect(() => {
    document.title = `${title} · ${siteTitle}`;
  }, [title, siteTitle]);
  return (
    <>
      <h1 className="margin-top-0">{title}</h1>
      {lead && <p className="usa-intro">{lead}</p>}
      {children}
    </>
  );
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="crier-loading" role="status">
      {what}…
    </p>
  );
}

/** A titled section of a page (h2 by default). */
export function Section({ title, id, children, level = 2 }: { title: string; id?: string; children: ReactNode; level?: 2 | 3 }) {
  const H = level === 2 ? 'h2' : 'h3';
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section className="crier-section margin-top-4" aria-labelledby={headingId} id={id}>
      <H id={headingId}>{title}</H>
      {children}
    </section>
  );
}
