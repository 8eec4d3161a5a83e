import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useMutation } from '../../api/useApi.ts';
import type { Department, Person } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';

export function CreatePersonForm({ departments, onCreated }: { departments: Department[]; onCreated: () => void }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [title, setTitle] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const create = useMutation((body: Record<string, unknown>) => api.post<Person | { person: Person }>('/api/people', body));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await create.run({ name: name.trim(), email: email.trim(), title: title.trim() || undefined, departmentId: departmentId || undefined });
    if (r === undefined) return;
    onCreated();
    const person = 'person' in r ? r.person : r;
    if (person?.id) navigate(`/people/${person.id}`);
  }

  const err = (f: string) => create.error?.fieldError(f);
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-label="Add a person">
      <ErrorAlert error={create.error} />
      <TextField id="person-name" label="Full name" value={name} onChange={setName} required error={err('name')} autoComplete="off" />
      <TextField id="person-email" label="City email" type="email" value={email} onChange={setEmail} required error={err('email')} autoComplete="off" />
      <TextField id="person-title" label="Job title" value={title} onChange={setTitle} error={err('title')} />
      <SelectField
        id="person-department"
        label="Department"
        value={departmentId}
        onChange={setDepartmentId}
        placeholder="- Select -"
        options={departments.map((d) => ({ value: d.id, label: d.name }))}
        error={err('departmentId')}
      />
      <button type="submit" className="usa-button margin-top-3" disabled={create.pending}>
        Add person
      </button>
    </form>
  );
}
