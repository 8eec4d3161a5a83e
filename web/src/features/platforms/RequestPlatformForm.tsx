import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { useMutation } from '../../api/useApi.ts';
import { unwrap, type Department, type Platform } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { useConnectors } from './useConnectors.ts';

const CITY = '__city__';

/** IV.C.14: a department asks for a new platform; it then goes to IT review. */
export function RequestPlatformForm({ departments, onCreated }: { departments: Department[]; onCreated: () => void }) {
  const navigate = useNavigate();
  const { session } = useSession();
  const { types } = useConnectors();
  const [name, setName] = useState('');
  const [type, setType] = useState('');
  // A department head requests for the department they head (IV.C.14); others default to a City platform.
  const headed = session.roles.find((r) => r.role === 'department_head' && r.departmentId)?.departmentId;
  const [departmentId, setDepartmentId] = useState(headed ?? session.person?.departmentId ?? '');
  const [purpose, setPurpose] = useState('');
  const [handle, setHandle] = useState('');
  const [url, setUrl] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const create = useMutation((body: Record<string, unknown>) => api.post<unknown>('/api/platforms', body));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await create.run({
      name: name.trim(),
      type: type || types[0]?.type,
      departmentId: departmentId === CITY || departmentId === '' ? null : departmentId,
      purpose: purpose.trim(),
      handle: handle.trim() || null,
      url: url.trim() || null,
      contactEmail: contactEmail.trim() || null,
      contactPhone: contactPhone.trim() || null,
    });
    if (r === undefined) return;
    onCreated();
    const p = unwrap<Platform>(r, 'platform');
    if (p?.id) navigate(`/platforms/${p.id}`);
  }

  const err = (f: string) => create.error?.fieldError(f);
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-label="Request a platform">
      <ErrorAlert error={create.error} />
      <TextField id="platform-name" label="Platform name" value={name} onChange={setName} required error={err('name')} hint="e.g. Carson Parks on Bluesky" />
      <SelectField
        id="platform-type"
        label="Platform type"
        value={type || types[0]?.type || ''}
        onChange={setType}
        options={types.map((t) => ({ value: t.type, label: t.label }))}
        error={err('type')}
      />
      <SelectField
        id="platform-department"
        label="Requesting department"
        value={departmentId || CITY}
        onChange={setDepartmentId}
        options={[{ value: CITY, label: 'City platform (no single department)' }, ...departments.map((d) => ({ value: d.id, label: d.name }))]}
        error={err('departmentId')}
      />
      <TextAreaField id="platform-purpose" label="Purpose" value={purpose} onChange={setPurpose} required error={err('purpose')} hint="What the City will use this account for." />
      <TextField id="platform-handle" label="Handle" value={handle} onChange={setHandle} error={err('handle')} hint="e.g. @carsonparks.bsky.social" />
      <TextField id="platform-url" label="Account URL" type="url" value={url} onChange={setUrl} error={err('url')} />
      <TextField
        id="platform-contact-email"
        label="Account contact email"
        type="email"
        value={contactEmail}
        onChange={setContactEmail}
        error={err('contactEmail')}
        hint="A City address; personal addresses are refused (IV.C.8)."
      />
      <TextField
        id="platform-contact-phone"
        label="Account contact phone"
        type="tel"
        value={contactPhone}
        onChange={setContactPhone}
        error={err('contactPhone')}
        hint="A City number; personal numbers are refused (IV.C.8)."
      />
      <button type="submit" className="usa-button margin-top-3" disabled={create.pending}>
        Request platform
      </button>
    </form>
  );
}
