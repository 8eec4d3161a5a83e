import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useMutation } from '../../api/useApi.ts';
import type { Department } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { Section } from '../../components/Page.tsx';

/** Departments and divisions (each platform and designation belongs to one). Managed by the City Manager and IT Manager. */
export function DepartmentsSection({ departments, canCreate, canArchive, onChange }: { departments: Department[]; canCreate: boolean; canArchive: boolean; onChange: () => void }) {
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [kind, setKind] = useState('department');
  const create = useMutation((body: unknown) => api.post<unknown>('/api/departments', body));
  const archive = useMutation((id: string) => api.post<unknown>(`/api/departments/${encodeURIComponent(id)}/archive`, {}));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await create.run({ name: name.trim(), code: code.trim(), kind });
    if (r !== undefined) {
      setName('');
      setCode('');
      onChange();
    }
  }

  const err = (f: string) => create.error?.fieldError(f);
  return (
    <Section title="Departments" id="departments">
      <ErrorAlert error={archive.error} />
      <ul className="usa-list" data-testid="departments">
        {departments.map((d) => (
          <li key={d.id}>
            {d.name} {d.code && <span className="text-base-dark">({d.code})</span>}
            {canArchive && (
              <>
                {' '}
                <button type="button" className="usa-button usa-button--unstyled" disabled={archive.pending} onClick={() => void archive.run(d.id).then((r) => r !== undefined && onChange())}>
                  Archive<span className="usa-sr-only"> {d.name}</span>
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {canCreate && (
        <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-department-heading">
          <h3 id="add-department-heading">Add a department</h3>
          <ErrorAlert error={create.error} />
          <TextField id="department-name" label="Department name" value={name} onChange={setName} required error={err('name')} />
          <TextField id="department-code" label="Short code" value={code} onChange={setCode} required hint="Letters and digits, e.g. PARKS" error={err('code')} />
          <SelectField
            id="department-kind"
            label="Kind"
            value={kind}
            onChange={setKind}
            options={[
              { value: 'department', label: 'Department' },
              { value: 'division', label: 'Division' },
            ]}
          />
          <button type="submit" className="usa-button margin-top-3" disabled={create.pending}>
            Add department
          </button>
        </form>
      )}
    </Section>
  );
}
