import { useCallback, useEffect, useRef, useState, type FormEvent, type SyntheticEvent } from 'react';
import { api } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { formatDateTime } from '../../components/format.ts';
import { toNormalisedOffset, toOriginalOffset } from './offsets.ts';
import type { RedactionItem } from './types.ts';

export interface ExemptionOption {
  id: string;
  citation: string;
  label: string;
}

const OTHER = 'other';
const whole = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : Number.NaN);

/**
 * Marks a redaction in one archive item. The item's text is in a read-only text area: select
 * the words with the mouse or from the keyboard (Tab to it, then Shift + arrow keys), and the
 * start and end fields follow; or type the offsets. Images take a region in pixels.
 */
export function ItemRedactor({ requestId, exemptions, onChange }: { requestId: string; exemptions: ExemptionOption[]; onChange: () => void }) {
  const [itemInput, setItemInput] = useState('');
  const [itemId, setItemId] = useState<string | null>(null);
  const path = itemId ? `/api/records-requests/${encodeURIComponent(requestId)}/redactions/items/${encodeURIComponent(itemId)}` : null;
  const item = useApi<RedactionItem>(path);
  function open(e: FormEvent) {
    e.preventDefault();
    setItemId(itemInput.trim() || null);
  }
  const changed = () => {
    item.reload();
    onChange();
  };
  return (
    <div className="margin-top-3">
      <h3>Redact an archive item</h3>
      <form className="usa-form" onSubmit={open} aria-label="Open an archive item to redact">
        <TextField id="redact-item" label="Archive item id" hint="From the archive or a search for this request." required value={itemInput} onChange={setItemInput} />
        <button type="submit" className="usa-button usa-button--outline">
          Open item
        </button>
      </form>
      <ErrorAlert error={item.error} />
      {item.data && <MarkForm key={item.data.item.id} requestId={requestId} data={item.data} exemptions={exemptions} onDone={changed} />}
    </div>
  );
}

function MarkForm({ requestId, data, exemptions, onDone }: { requestId: string; data: RedactionItem; exemptions: ExemptionOption[]; onDone: () => void }) {
  const text = data.item.renderedText;
  const image = data.item.image;
  const [mode, setMode] = useState<'text' | 'image'>(image ? 'image' : 'text');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [region, setRegion] = useState({ x: '', y: '', w: '', h: '' });
  const [exemption, setExemption] = useState('');
  const [ground, setGround] = useState('');
  const [version, setVersion] = useState(0);
  const save = useMutation(useCallback((body: object) => api.post(`/api/records-requests/${encodeURIComponent(requestId)}/redactions`, body), [requestId]));
  const base = `/api/records-requests/${encodeURIComponent(requestId)}/redactions/items/${encodeURIComponent(data.item.id)}`;

  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = area.current;
    if (!el) return;
    const refuse = (e: Event) => e.preventDefault();
    el.addEventListener('beforeinput', refuse);
    return () => el.removeEventListener('beforeinput', refuse);
  }, [mode]);

  // Read on select, key up and mouse up: browsers differ in which of them a keyboard selection fires.
  function onSelect(e: SyntheticEvent<HTMLTextAreaElement>) {
    const t = e.currentTarget;
    if (t.selectionStart === t.selectionEnd) return;
    setStart(String(toOriginalOffset(text, t.selectionStart)));
    setEnd(String(toOriginalOffset(text, t.selectionEnd)));
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    const part = mode === 'text' ? { span: { start: whole(start), end: whole(end) } } : { region: { x: whole(region.x), y: whole(region.y), w: whole(region.w), h: whole(region.h) } };
    const why = exemption === OTHER ? { ground } : { exemption: exemption || null };
    if (await save.run({ itemId: data.item.id, ...part, ...why })) {
      setStart('');
      setEnd('');
      setRegion({ x: '', y: '', w: '', h: '' });
      setGround('');
      setVersion((v) => v + 1);
      onDone();
    }
  }
  const err = save.error;
  const s = whole(start);
  const en = whole(end);
  const preview = Number.isInteger(s) && Number.isInteger(en) && en > s ? text.slice(s, en) : '';
  return (
    <form className="usa-form usa-form--large margin-top-2" onSubmit={(e) => void submit(e)} aria-label="Mark a redaction">
      <p>
        {data.item.kind.replace(/_/g, ' ')} archived {formatDateTime(data.item.capturedAt)}; text SHA-256 <code>{data.item.textSha256.slice(0, 16)}…</code>
      </p>
      {image && (
        <SelectField
          id="redact-mode"
          label="Redact"
          value={mode}
          onChange={(v) => setMode(v as 'text' | 'image')}
          options={[
            { value: 'image', label: `A region of the image (${image.width}×${image.height} pixels)` },
            { value: 'text', label: 'Part of the text' },
          ]}
        />
      )}
      {mode === 'text' ? (
        <>
          <div className="usa-form-group">
            <label className="usa-label" htmlFor="redact-text">
              Item text
            </label>
            <div className="usa-hint" id="redact-text-hint">
              The text cannot be changed here. Select the words to redact with the mouse, or Tab here and hold Shift with the arrow keys. The start and end below follow the selection.
            </div>
            {/* Not `readOnly`: Chromium gives a read-only text area no caret, so it could not be selected from the keyboard.
                Edits are refused instead (beforeinput), and the value is controlled. */}
            <textarea ref={area} id="redact-text" className="usa-textarea" aria-readonly="true" rows={8} value={text.replace(/\r\n?/g, '\n')} onChange={() => undefined} aria-describedby="redact-text-hint" onSelect={onSelect} onKeyUp={onSelect} onMouseUp={onSelect} />
          </div>
          <TextField id="redact-start" label="Start (characters from the beginning)" inputMode="numeric" required value={start} onChange={setStart} error={err?.fieldError('start')} />
          <TextField id="redact-end" label="End (exclusive)" inputMode="numeric" required value={end} onChange={setEnd} error={err?.fieldError('end')} />
          <p aria-live="polite" className="usa-hint">
            {preview ? `Selected ${en - s} characters at ${toNormalisedOffset(text, s)}: “${preview}”` : 'Nothing selected yet.'}
          </p>
        </>
      ) : (
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">Region in pixels (from the top-left corner)</legend>
          {(['x', 'y', 'w', 'h'] as const).map((k) => (
            <TextField key={k} id={`redact-${k}`} label={{ x: 'Left (x)', y: 'Top (y)', w: 'Width', h: 'Height' }[k]} inputMode="numeric" required value={region[k]} onChange={(v) => setRegion((r) => ({ ...r, [k]: v }))} error={err?.fieldError(k)} />
          ))}
        </fieldset>
      )}
      <SelectField id="redact-exemption" label="Exemption" required value={exemption} onChange={setExemption} placeholder="- Select the exemption -" options={[...exemptions.map((x) => ({ value: x.id, label: `${x.citation}: ${x.label}` })), { value: OTHER, label: 'Another ground (the City Attorney must approve it)' }]} error={err?.fieldError('exemption')} />
      {exemption === OTHER && <TextAreaField id="redact-ground" label="Ground, with its citation" required rows={2} value={ground} onChange={setGround} error={err?.fieldError('ground')} />}
      <ErrorAlert error={err} />
      <button type="submit" className="usa-button" disabled={save.pending}>
        Redact
      </button>
      <h4>Redacted copy</h4>
      <pre className="crier-policy-text" data-testid="redacted-text">
        {data.redactedText}
      </pre>
      <p>
        <a className="usa-link" href={`${base}/redacted.html`} target="_blank" rel="noreferrer">
          Open the redacted copy (HTML)
        </a>
      </p>
      {image && <img src={`${base}/redacted.png?v=${data.redactions.length}-${version}`} alt={`Redacted copy of the image, ${data.redactions.filter((r) => r.region && r.status !== 'withdrawn').length} region(s) blacked out`} className="maxw-full border-1px border-base" />}
    </form>
  );
}
