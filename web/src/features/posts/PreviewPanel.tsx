import type { Platform } from '../../api/types.ts';
import type { TargetDraft } from './TargetsFieldset.tsx';

/** How the post reads on each chosen platform: its own text or the body, then the link. */
export function PreviewPanel({ title, body, link, targets, platforms, typeLabel }: { title: string; body: string; link: string; targets: TargetDraft[]; platforms: Platform[]; typeLabel: (t: string) => string }) {
  const byId = new Map(platforms.map((p) => [p.id, p]));
  if (targets.length === 0) return <p>Choose a platform to see a preview.</p>;
  return (
    <ul className="usa-list usa-list--unstyled">
      {targets.map((t) => {
        const p = byId.get(t.platformId);
        const text = t.text.trim() ? t.text : body;
        return (
          <li key={t.platformId} className="crier-preview margin-bottom-2 padding-2 border-1px border-base-lighter radius-md" data-testid={`preview-${t.platformId}`}>
            <p className="text-bold margin-top-0">
              {p?.name ?? t.platformId} <span className="text-base text-normal">({p ? typeLabel(p.type) : 'platform'})</span>
            </p>
            {/* A feed entry carries the title; social platforms show the text alone. */}
            {p?.type === 'city_feed' && title.trim() && <p className="text-bold">{title}</p>}
            <p className="crier-preview__text">
              {text
                ? text.split('\n').map((line, i) => (
                    <span key={i}>
                      {i > 0 && <br />}
                      {line}
                    </span>
                  ))
                : <span className="text-base">(no text yet)</span>}
            </p>
            {link.trim() && (
              <p className="margin-bottom-0">
                <span className="usa-sr-only">Link: </span>
                {link}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
