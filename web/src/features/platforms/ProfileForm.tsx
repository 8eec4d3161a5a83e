import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import type { Platform, PolicyTexts } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';

interface Notice {
  how: 'text' | 'link';
  url?: string | null;
}

const NOTICES: { key: string; label: string; clause: string }[] = [
  { key: 'recordsDisclaimer', label: 'Public records disclaimer', clause: 'IV.A.11' },
  { key: 'publicForumNotice', label: 'Not-a-public-forum notice', clause: 'IV.C.9' },
  { key: 'liabilityDisclaimer', label: 'Liability disclaimer', clause: 'IV.C.10' },
  { key: 'commentPolicy', label: 'Public comment policy', clause: 'V, IV.C.11' },
];

const TEXT_FIELDS: { key: string; label: string; hint?: string; type?: 'url' }[] = [
  { key: 'displayName', label: 'Display name', hint: 'The name shown on the platform (IV.A.3).' },
  { key: 'sealOrLogo', label: 'Seal or logo image', hint: 'URL or reference of the City seal or logo used as the avatar (IV.A.3).' },
  { key: 'brandingText', label: 'Branding text' },
  { key: 'websiteUrl', label: 'Official website link', type: 'url', hint: 'Link back to the City website (IV.A.4).' },
  { key: 'privacyPolicyUrl', label: 'Privacy policy link', type: 'url', hint: 'IV.A.15' },
  { key: 'termsOfUseUrl', label: 'Terms of use link', type: 'url', hint: 'IV.A.15' },
];

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Edit the profile facts the activation checklist reads (PATCH /api/platforms/:id/profile). */
export function ProfileForm({ platform, onSaved }: { platform: Platform; onSaved: () => void }) {
  const profile = (platform.profile ?? {}) as Record<string, unknown>;
  const texts = useApi<PolicyTexts>('/api/policy/texts');
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(TEXT_FIELDS.map((f) => [f.key, str(profile[f.key])])));
  const [notices, setNotices] = useState<Record<string, { how: string; url: string }>>(() =>
    Object.fromEntries(
      NOTICES.map((n) => {
        const v = profile[n.key] as Notice | null | undefined;
        return [n.key, { how: v?.how ?? '', url: v?.url ?? '' }];
      }),
    ),
  );
  const [contactEmail, setContactEmail] = useState(platform.contactEmail ?? '');
  const [contactPhone, setContactPhone] = useState(platform.contactPhone ?? '');
  const canSetTemplate = platform.abilities?.['platform.set_template'] === true;
  const [template, setTemplate] = useState((platform as Platform & { template?: string | null }).template ?? '');
  const save = useMutation((body: unknown) => api.patch<unknown>(`/api/platforms/${encodeURIComponent(platform.id)}/profile`, body));
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const p: Record<string, unknown> = {};
    for (const f of TEXT_FIELDS) p[f.key] = values[f.key]?.trim() || null;
    for (const n of NOTICES) {
      const v = notices[n.key];
      p[n.key] = !v || !v.how ? null : v.how === 'link' ? { how: 'link', url: v.url.trim() || null } : { how: 'text' };
    }
    const r = await save.run({
      profile: p,
      contactEmail: contactEmail.trim() || null,
      contactPhone: contactPhone.trim() || null,
      ...(canSetTemplate ? { template: template.trim() || null } : {}),
    });
    if (r !== undefined) {
      setSaved(true);
      onSaved();
    }
  }

  const err = (f: string) => save.error?.fieldError(f);
  const phrases = texts.data?.brandingPhrases ?? [];
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-label="Edit profile">
      <ErrorAlert error={save.error} />
      {saved && (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">Profile saved.</p>
          </div>
        </div>
      )}
      {TEXT_FIELDS.map((f) => (
        <TextField
          key={f.key}
          id={`profile-${f.key}`}
          label={f.label}
          type={f.type ?? 'text'}
          value={values[f.key] ?? ''}
          onChange={(v) => setValues((s) => ({ ...s, [f.key]: v }))}
          error={err(f.key)}
          hint={f.key === 'brandingText' && phrases.length ? `One of: ${phrases.map((x) => `“${x}”`).join(' or ')} (IV.A.3).` : f.hint}
        />
      ))}
      {NOTICES.map((n) => {
        const v = notices[n.key] ?? { how: '', url: '' };
        const set = (patch: Partial<{ how: string; url: string }>) => setNotices((s) => ({ ...s, [n.key]: { ...v, ...patch } }));
        return (
          <fieldset className="usa-fieldset margin-top-3" key={n.key}>
            <legend className="usa-legend">
              {n.label} ({n.clause})
            </legend>
            <SelectField
              id={`profile-${n.key}-how`}
              label={`How the ${n.label.toLowerCase()} is given`}
              value={v.how}
              onChange={(how) => set({ how })}
              placeholder="Not given yet"
              options={[
                { value: 'text', label: 'In the profile text' },
                { value: 'link', label: 'As a link' },
              ]}
              error={err(n.key)}
            />
            {v.how === 'link' && <TextField id={`profile-${n.key}-url`} label={`${n.label} link`} type="url" value={v.url} onChange={(url) => set({ url })} error={err(`${n.key}.url`)} />}
          </fieldset>
        );
      })}
      <TextField id="profile-contact-email" label="Account contact email" type="email" value={contactEmail} onChange={setContactEmail} error={err('contactEmail')} hint="A City address (IV.C.8)." />
      <TextField id="profile-contact-phone" label="Account contact phone" type="tel" value={contactPhone} onChange={setContactPhone} error={err('contactPhone')} hint="A City number (IV.C.8)." />
      {canSetTemplate && (
        <TextField id="profile-template" label="Department template" value={template} onChange={setTemplate} error={err('template')} hint="Set by the IT Office (IV.D.1)." />
      )}
      <button type="submit" className="usa-button margin-top-3" disabled={save.pending}>
        Save profile
      </button>
    </form>
  );
}
