import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useMutation } from '../../api/useApi.ts';
import type { Department, PersonDetail } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';

/** PATCH /api/people/:id: name, email, title, department (only what changed is sent). */
export function EditPersonForm({ person, departments, onSaved }: { person: PersonDetail; departments: Department[]; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(person.name);
  const [email, setEmail] = useState(person.email);
  const [title, setTitle] = useState(person.title ?? '');
  const [departmentId, setDepartmentId] = useState(person.departmentId ?? '');
  const save = useMutation((body: unknown) => api.patch<unknown>(`/api/people/${encodeURIComponent(person.id)}`, body));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body: Record<string, unknown> = {};
    if (name.trim() !== person.name) body.name = name.trim();
    if (email.trim() !== person.email) body.email = email.trim();
    if (title.trim() !== (person.title ?? '')) body.title = title.trim() || null;
    if (departmentId !== (person.departmentId ?? '')) body.departmentId = departmentId || null;
    if (Object.keys(body).length === 0) return setOpen(false);
    const r = await save.run(body);
    if (r !== undefined) {
      setOpen(false);
      onSaved();
    }
  }

  if (!open) {
    return (
      <button type="button" className="usa-button usa-button--outline" onClick={() => setOpen(true)}>
        Edit details
      </button>
    );
  }
  const err = (f: string) => save.error?.fieldError(f);
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-label="Edit details">
      <ErrorAlert error={save.error} />
      <TextField id="edit-person-name" label="Full name" value={name} onChange={setName} required error={err('name')} />
      <TextField id="edit-person-email" label="City email" type="email" value={email} onChange={setEmail} required error={err('email')} />
      <TextField id="edit-person-title" label="Job title" value={title} onChange={setTitle} error={err('title')} />
      <SelectField
        id="edit-person-department"
        label="Department"
        value={departmentId}
        onChange={setDepartmentId}
        placeholder="- None -"
        options={departments.map((d) => ({ value: d.id, label: d.name }))}
        error={err('departmentId')}
      />
      <div className="crier-actions">
        <button type="submit" className="usa-button" disabled={save.pending}>
          Save details
        </button>
        <button type="button" className="usa-button usa-button--unstyled" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
