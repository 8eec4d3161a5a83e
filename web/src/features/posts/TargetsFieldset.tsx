import { CheckboxField } from '../../components/Fields.tsx';
import type { Platform } from '../../api/types.ts';
import { graphemes, TEXT_LIMITS } from './limits.ts';

export interface TargetDraft {
  platformId: string;
  /** The platform's own text; '' = the post body. */
  text: string;
}

/**
 * The platforms a post goes to, each with an optional text of its own (for a platform whose
 * length limit the body exceeds) and a character counter against that platform type's limit.
 */
export function TargetsFieldset({ platforms, value, onChange, body, error, typeLabel }: { platforms: Platform[]; value: TargetDraft[]; onChange: (v: TargetDraft[]) => void; body: string; error?: string | undefined; typeLabel: (t: string) => string }) {
  const chosen = new Map(value.map((t) => [t.platformId, t]));
  const set = (id: string, patch: Partial<TargetDraft> | null) => {
    if (patch === null) onChange(value.filter((t) => t.platformId !== id));
    else if (chosen.has(id)) onChange(value.map((t) => (t.platformId === id ? { ...t, ...patch } : t)));
    else onChange([...value, { platformId: id, text: '', ...patch }]);
  };
  return (
    <fieldset className={`usa-fieldset usa-form-group${error ? ' usa-form-group--error' : ''}`} aria-describedby={`targets-hint${error ? ' targets-error' : ''}`} id="targets">
      <legend className="usa-legend">Platforms</legend>
      <p className="usa-hint" id="targets-hint">
        Only platforms you are authorized to post to are accepted (IV.A.2, IV.C.3); one post goes to the platforms of one department.
      </p>
      {error && (
        <span className="usa-error-message" id="targets-error" role="alert">
          {error}
        </span>
      )}
      {platforms.length === 0 && <p>No active platforms.</p>}
      {platforms.map((p) => {
        const t = chosen.get(p.id);
        const limit = TEXT_LIMITS[p.type];
        const text = t?.text.trim() ? t.text : body;
        const count = graphemes(text);
        const over = limit !== undefined && count > limit;
        const counterId = `target-${p.id}-count`;
        return (
          <div key={p.id} className="margin-bottom-2" data-testid={`target-${p.id}`}>
            <CheckboxField
              id={`target-${p.id}`}
              label={p.name}
              hint={`${typeLabel(p.type)}${p.departmentName ? ` · ${p.departmentName}` : p.departmentId ? '' : ' · City'}`}
              checked={!!t}
              onChange={(on) => set(p.id, on ? {} : null)}
            />
            {t && (
              <div className="margin-left-4">
                <label className="usa-label" htmlFor={`target-${p.id}-text`}>
                  Text for {p.name} (optional)
                </label>
                <span className="usa-hint" id={`target-${p.id}-hint`}>
                  Leave empty to use the post text.
                </span>
                <textarea
                  className={`usa-textarea${over ? ' usa-input--error' : ''}`}
                  id={`target-${p.id}-text`}
                  rows={3}
                  value={t.text}
                  aria-describedby={`target-${p.id}-hint ${counterId}`}
                  aria-invalid={over || undefined}
                  onChange={(e) => set(p.id, { text: e.target.value })}
                />
                <span id={counterId} className={`usa-hint${over ? ' text-secondary-dark text-bold' : ''}`} data-testid={counterId}>
                  {limit === undefined
                    ? `${count} characters (no limit on ${typeLabel(p.type)})`
                    : over
                      ? `${count - limit} characters over the ${typeLabel(p.type)} limit of ${limit.toLocaleString('en-US')}`
                      : `${count} of ${limit.toLocaleString('en-US')} characters`}
                </span>
              </div>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
