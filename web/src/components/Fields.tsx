import type { ChangeEvent, ReactNode } from 'react';

/**
 * USWDS form fields with a stable id, a visible label tied to the control, an optional hint and
 * an error message announced next to the field (aria-describedby / aria-invalid).
 */
interface Common {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Group({ id, label, error, hint, required, className, children }: Common & { children: ReactNode }) {
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}${className ? ` ${className}` : ''}`}>
      <label className={`usa-label crier-label${error ? ' usa-label--error' : ''}`} htmlFor={id}>
        {label}
      </label>
      {/* Outside the label, so the label's text (and the field's name) is exactly `label`; the control's
          `required` attribute is what assistive technology announces. */}
      {required && (
        <span className="usa-hint usa-hint--required crier-required-mark" aria-hidden="true">
          {' '}
          *
        </span>
      )}
      {hint && (
        <div className="usa-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <span className="usa-error-message" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
      {children}
    </div>
  );
}

type InputType = 'text' | 'email' | 'password' | 'date' | 'url' | 'tel' | 'number' | 'search';

export function TextField(
  props: Common & {
    type?: InputType;
    value: string;
    onChange: (v: string) => void;
    autoComplete?: string;
    inputMode?: 'numeric' | 'text' | 'email' | 'tel' | 'url';
    maxLength?: number;
    pattern?: string;
    placeholder?: string;
  },
) {
  const { id, error, hint, type = 'text', value, onChange, required, autoComplete, inputMode, maxLength, pattern, placeholder } = props;
  return (
    <Group {...props}>
      <input
        className={`usa-input${error ? ' usa-input--error' : ''}`}
        id={id}
        name={id}
        type={type}
        value={value}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        pattern={pattern}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
      />
    </Group>
  );
}

export function TextAreaField(props: Common & { value: string; onChange: (v: string) => void; rows?: number }) {
  const { id, error, hint, value, onChange, required, rows } = props;
  return (
    <Group {...props}>
      <textarea
        className={`usa-textarea${error ? ' usa-input--error' : ''}`}
        id={id}
        name={id}
        value={value}
        rows={rows ?? 4}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Group>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: Common & { value: string; onChange: (v: string) => void; options: Option[]; placeholder?: string }) {
  const { id, error, hint, value, onChange, required, options, placeholder } = props;
  return (
    <Group {...props}>
      <select
        className={`usa-select${error ? ' usa-input--error' : ''}`}
        id={id}
        name={id}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Group>
  );
}

export function CheckboxField({ id, label, checked, onChange, hint }: { id: string; label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string }) {
  return (
    <div className="usa-checkbox">
      <input className="usa-checkbox__input" id={id} name={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label className="usa-checkbox__label" htmlFor={id}>
        {label}
        {hint && <span className="usa-checkbox__label-description">{hint}</span>}
      </label>
    </div>
  );
}

/** A group of checkboxes for choosing several values (e.g. platforms to designate). */
export function CheckboxGroup({ id, legend, options, values, onChange, error }: { id: string; legend: string; options: Option[]; values: string[]; onChange: (v: string[]) => void; error?: string | undefined }) {
  return (
    <fieldset className={`usa-fieldset usa-form-group${error ? ' usa-form-group--error' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="usa-legend">{legend}</legend>
      {error && (
        <span className="usa-error-message" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
      {options.length === 0 && <p className="usa-hint">None available.</p>}
      {options.map((o) => (
        <CheckboxField
          key={o.value}
          id={`${id}-${o.value}`}
          label={o.label}
          checked={values.includes(o.value)}
          onChange={(on) => onChange(on ? [...values, o.value] : values.filter((v) => v !== o.value))}
        />
      ))}
    </fieldset>
  );
}
