import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { qs } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { listOf, type Abilities, type Department, type Person } from '../../api/types.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { roleLabel } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { CreatePersonForm } from './CreatePersonForm.tsx';
import { DepartmentsSection } from './DepartmentsSection.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

export function PeoplePage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const departmentId = params.get('department') ?? '';
  const [draft, setDraft] = useState(q);
  const people = useApi<unknown>(`/api/people${qs({ q: q || undefined, departmentId: departmentId || undefined })}`);
  const departments = useApi<unknown>('/api/departments');
  const deptAbilities = (departments.data as { abilities?: Abilities } | undefined)?.abilities;
  const unnotified = useApi<unknown>(deptAbilities?.['legislative.list'] ? '/api/legislative-members/unnotified' : null);
  const lacking = listOf<Person>(unnotified.data, 'people');
  const setFilter = (next: { q?: string; department?: string }) => {
    const merged = { q, department: departmentId, ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)));
  };
  const list = listOf<Person>(people.data, 'people', 'persons');
  const depts = listOf<Department>(departments.data, 'departments');
  const deptName = new Map(depts.map((d) => [d.id, d.name]));
  const abilities = (people.data as { abilities?: Abilities } | undefined)?.abilities;

  return (
    <Page title="People">
      <p>City staff, their roles and whether they may post for the City.</p>
      {lacking.length > 0 && (
        <div className="usa-alert usa-alert--warning" data-testid="legislative-unnotified">
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading">IV.B notification missing</h2>
            <p className="usa-alert__text">
              These legislative body members have no recorded notification of the IV.B restrictions:{' '}
              {lacking.map((p, i) => (
                <span key={p.id}>
                  {i > 0 && ', '}
                  <Link to={`/people/${p.id}#legislative`}>{p.name}</Link>
                </span>
              ))}
              .
            </p>
          </div>
        </div>
      )}
      <form
        className="crier-inline-form margin-y-2"
        aria-label="Find people"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ q: draft.trim() });
        }}
      >
        <TextField id="people-search" label="Search by name or email" value={draft} onChange={setDraft} />
        <SelectField
          id="people-department-filter"
          label="Filter by department"
          value={departmentId}
          onChange={(v) => setFilter({ department: v })}
          placeholder="All departments"
          options={depts.map((d) => ({ value: d.id, label: d.name }))}
        />
        <button type="submit" className="usa-button">
          Search
        </button>
      </form>
      {people.loading && people.data === undefined && <Loading />}
      <ErrorAlert error={people.error} />
      {people.data !== undefined && (
        <TableScroll label="People list">
        <table className="usa-table usa-table--borderless crier-table" data-testid="people-table">
          <caption>Everyone with a Crier record ({list.length})</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Department</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/people/${p.id}`}>{p.name}</Link>
                </th>
                <td>{p.email}</td>
                <td>{p.departmentName ?? (p.departmentId ? (deptName.get(p.departmentId) ?? p.departmentId) : '—')}</td>
                <td>{[...new Set((p.roles ?? []).map((r) => roleLabel(r.role) + (r.designeeOf ? ' (designee)' : '')))].join(', ') || '—'}</td>
                <td>
                  <StatusTag status={p.status} subject="person" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      {may(abilities, 'person.create') && (
        <Section title="Add a person" id="add-person">
          <CreatePersonForm departments={depts} onCreated={people.reload} />
        </Section>
      )}
      {(deptAbilities?.['department.create'] === true || depts.length > 0) && (
        <DepartmentsSection
          departments={depts}
          canCreate={deptAbilities?.['department.create'] === true}
          canArchive={deptAbilities?.['department.archive'] === true}
          onChange={departments.reload}
        />
      )}
    </Page>
  );
}
