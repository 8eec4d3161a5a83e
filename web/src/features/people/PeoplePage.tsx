import { Link } from 'react-router-dom';
import { useApi } from '../../api/useApi.ts';
import { listOf, type Abilities, type Department, type Person } from '../../api/types.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { roleLabel } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { CreatePersonForm } from './CreatePersonForm.tsx';

export function PeoplePage() {
  const people = useApi<unknown>('/api/people');
  const departments = useApi<unknown>('/api/departments');
  const list = listOf<Person>(people.data, 'people', 'persons');
  const depts = listOf<Department>(departments.data, 'departments');
  const deptName = new Map(depts.map((d) => [d.id, d.name]));
  const abilities = (people.data as { abilities?: Abilities } | undefined)?.abilities;

  return (
    <Page title="People">
      <p>City staff, their roles and whether they may post for the City.</p>
      {people.loading && people.data === undefined && <Loading />}
      <ErrorAlert error={people.error} />
      {people.data !== undefined && (
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
      )}
      {may(abilities, 'person.create') && (
        <Section title="Add a person" id="add-person">
          <CreatePersonForm departments={depts} onCreated={people.reload} />
        </Section>
      )}
    </Page>
  );
}
