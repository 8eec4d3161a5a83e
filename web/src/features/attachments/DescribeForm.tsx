import { useState, type FormEvent } from 'react';
import { useMutation } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { describeAttachment, type Attachment } from './api.ts';

function Choice({ id, legend, value, options, onChange }: { id: string; legend: string; value: string; options: { value: string; label: string }[]; onChange: (v: string) => void }) {
  return (
    <fieldset className="usa-fieldset usa-form-group">
      <legend className="usa-legend">{legend}</legend>
      {options.map((o) => (
        <div className="usa-radio" key={o.value}>
          <input className="usa-radio__input" id={`${id}-${o.value}`} type="radio" name={id} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <label className="usa-radio__label" htmlFor={`${id}-${o.value}`}>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * What the policy asks about a file before it is posted: alt text and captions (IV.A.9), the
 * City-website copy of a video (IV.D.5), the public-event attestation (IV.D.7(b)), ownership and
 * permission (IV.D.6(e)), the City seal or logo (IV.D.7(c)).
 */
export function DescribeForm({ attachment: a, onSaved }: { attachment: Attachment; onSaved: (a: Attachment) => void }) {
  const p = `att-${a.id.slice(0, 8)}`;
  const [altText, setAltText] = useState(a.altText ?? '');
  const [publicEvent, setPublicEvent] = useState(a.photoAttestation ? String(a.photoAttestation.atPublicSocialEvent) : '');
  const [captionNote, setCaptionNote] = useState(a.captions?.kind === 'embedded' ? a.captions.note : '');
  const [captionFileId, setCaptionFileId] = useState(a.captions?.kind === 'file' ? a.captions.fileId : '');
  const [websiteUrl, setWebsiteUrl] = useState(a.cityWebsiteUrl ?? '');
  const [ownership, setOwnership] = useState<string>(a.ownership ?? '');
  const [grantedBy, setGrantedBy] = useState(a.permission?.grantedBy ?? '');
  const [grantedOn, setGrantedOn] = useState(a.permission?.grantedOn ?? '');
  const [scope, setScope] = useState(a.permission?.scope ?? '');
  const [seal, setSeal] = useState(a.usesCitySeal ?? false);
  const [sealAuth, setSealAuth] = useState(a.sealAuthorization ?? '');
  const save = useMutation((body: Record<string, unknown>) => describeAttachment(a.id, body));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body: Record<string, unknown> = { usesCitySeal: seal, sealAuthorization: seal ? sealAuth : null };
    if (a.kind === 'image') {
      if (altText.trim() || a.altText) body.altText = altText;
      if (publicEvent) body.photoAttestation = { atPublicSocialEvent: publicEvent === 'true' };
    }
    if (a.kind === 'video') {
      if (captionFileId.trim()) body.captions = { kind: 'file', fileId: captionFileId.trim() };
      else if (captionNote.trim()) body.captions = { kind: 'embedded', note: captionNote };
      body.cityWebsiteUrl = websiteUrl.trim() || null;
    }
    if (ownership) {
      body.ownership = ownership;
      if (ownership === 'third_party') body.permission = { grantedBy, grantedOn, scope };
    }
    const r = await save.run(body);
    if (r) onSaved(r);
  }

  const err = (f: string) => save.error?.fieldError(f);
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-label={`Describe ${a.filename}`}>
      <ErrorAlert error={save.error} />
      {a.kind === 'image' && (
        <>
          <TextAreaField id={`${p}-alt`} label="Alt text" value={altText} onChange={setAltText} required rows={2} error={err('altText')} hint="Say what the image shows, for people who cannot see it (IV.A.9)." />
          <Choice id={`${p}-event`} legend="Was this photo taken at a public social event? (IV.D.7(b))" value={publicEvent} onChange={setPublicEvent} options={[{ value: 'false', label: 'No' }, { value: 'true', label: 'Yes' }]} />
        </>
      )}
      {a.kind === 'video' && (
        <>
          <TextField id={`${p}-captions-file`} label="Caption file (attachment id of a WebVTT or SRT upload)" value={captionFileId} onChange={setCaptionFileId} error={err('fileId')} />
          <TextField id={`${p}-captions-note`} label="Or: how the captions are carried in the video" value={captionNote} onChange={setCaptionNote} error={err('note')} hint="For example: open captions burned in (IV.A.9)." />
          <TextField id={`${p}-website`} label="Where this video is on the City's website" type="url" value={websiteUrl} onChange={setWebsiteUrl} error={err('cityWebsiteUrl')} hint="Videos are also posted to the City's website (IV.D.5)." />
        </>
      )}
      <Choice id={`${p}-owner`} legend="Who created and owns this content? (IV.D.6(e))" value={ownership} onChange={setOwnership} options={[{ value: 'city', label: 'The City, fully' }, { value: 'third_party', label: 'Someone else (permission needed)' }]} />
      {ownership === 'third_party' && (
        <>
          <TextField id={`${p}-granted-by`} label="Permission granted by" value={grantedBy} onChange={setGrantedBy} required error={err('grantedBy')} />
          <TextField id={`${p}-granted-on`} label="Permission granted on" type="date" value={grantedOn} onChange={setGrantedOn} required error={err('grantedOn')} />
          <TextField id={`${p}-scope`} label="What the permission covers" value={scope} onChange={setScope} required error={err('scope')} />
        </>
      )}
      <CheckboxField id={`${p}-seal`} label="Shows the City seal or logo (IV.D.7(c))" checked={seal} onChange={setSeal} />
      {seal && <TextField id={`${p}-seal-auth`} label="Authorization for the seal or logo" value={sealAuth} onChange={setSealAuth} required error={err('sealAuthorization')} hint="For example, the reference of the approving memo." />}
      <button type="submit" className="usa-button margin-top-2" disabled={save.pending}>
        Save description
      </button>
    </form>
  );
}
