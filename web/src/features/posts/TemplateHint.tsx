import { useApi } from '../../api/useApi.ts';

interface PostTemplate {
  name: string;
  opening: string;
  closing: string;
  guidance: string;
}

/**
 * IV.D.1: the IT Office's template for the first chosen platform — its guidance, and a button
 * that adds the template's opening and closing lines the text does not have yet.
 */
export function TemplateHint({ platformId, body, onApply }: { platformId: string | null; body: string; onApply: (text: string) => void }) {
  const { data } = useApi<{ template: PostTemplate | null }>(platformId ? `/api/platforms/${encodeURIComponent(platformId)}/post-template` : null);
  const t = data?.template;
  if (!t) return null;
  const opening = t.opening.trim();
  const closing = t.closing.trim();
  const missing = (opening && !body.includes(opening)) || (closing && !body.includes(closing));
  function apply() {
    let text = body.trim();
    if (opening && !text.includes(opening)) text = text ? `${opening} ${text}` : opening;
    if (closing && !text.includes(closing)) text = text ? `${text}\n\n${closing}` : closing;
    onApply(text);
  }
  return (
    <div className="usa-summary-box margin-top-2" role="region" aria-labelledby="template-heading" data-testid="post-template">
      <div className="usa-summary-box__body">
        <h2 className="usa-summary-box__heading font-sans-sm" id="template-heading">
          Template “{t.name}” from the IT Office (IV.D.1)
        </h2>
        <div className="usa-summary-box__text">
          {t.guidance && <p className="margin-top-0">{t.guidance}</p>}
          {missing ? (
            <button type="button" className="usa-button usa-button--outline usa-button--small" onClick={apply}>
              Add the template’s {opening && closing ? 'opening and closing' : opening ? 'opening' : 'closing'}
            </button>
          ) : (
            <p className="margin-bottom-0">The text follows the template.</p>
          )}
        </div>
      </div>
    </div>
  );
}
