import { useParams } from 'react-router-dom';
import { useApi } from '../../api/useApi.ts';
import { listOf, unwrap, type AuthorizationResult, type Department, type PersonDetail, type Platform } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { AccessSection } from './AccessSection.tsx';
import { AcknowledgementSection } from './AcknowledgementSection.tsx';
import { AuthorizationTable } from './AuthorizationTable.tsx';
import { DesignationsSection } from './DesignationsSection.tsx';
import { EditPersonForm } from './EditPersonForm.tsx';
import { LegislativeSection } from './LegislativeSection.tsx';
import { RolesSection } from './RolesSection.tsx';
import { TrainingSection } from './TrainingSection.tsx';

export function PersonDetailPage() {
  const { id = '' } = useParams();
  const path = `/api/people/${encodeURIComponent(id)}`;
  const person = useApi<unknown>(path);
  const auth = useApi<unknown>(`${path}/authorization`);
  const departments = useApi<unknown>('/api/departments');
  const platforms = useApi<unknown>('/api/platforms');
  const p = unwrap<PersonDetail>(person.data, 'person');
  const depts = listOf<Department>(departments.data, 'departments');
  const plats = listOf<Platform>(platforms.data, 'platforms');
  const deptName = new Map(depts.map((d) => [d.id, d.name]));

  const reload = () => {
    person.reload();
    auth.reload();
  };

  if (person.loading && !p) return <Loading />;
  if (!p) {
    return (
      <Page title="Person">
        <ErrorAlert error={person.error} />
      </Page>
    );
  }
  const results = listOf<AuthorizationResult>(auth.data, 'results', 'platforms', 'authorizations');
  return (
    <Page title={p.name}>
      <dl className="crier-summary">
        <dt>Email</dt>
        <dd>{p.email}</dd>
        <dt>Title</dt>
        <dd>{p.title ?? '—'}</dd>
        <dt>Department</dt>
        <dd>{p.departmentName ?? (p.departmentId ? (deptName.get(p.departmentId) ?? p.departmentId) : '—')}</dd>
        <dt>Status</dt>
        <dd>
          <StatusTag status={p.status} subject="person" />
        </dd>
      </dl>
      {p.abilities?.['person.update'] === true && <EditPersonForm key={p.updatedAt ?? p.email} person={p} departments={depts} onSaved={reload} />}

      <Section title="Authorization to post" id="authorization">
        {auth.loading && auth.data === undefined && <Loading />}
        <ErrorAlert error={auth.error} />
        {auth.data !== undefined && (
          <AuthorizationTable results={results} platformNames={new Map(plats.map((x) => [x.id, x.name]))} caption={`${p.name}'s authorization per platform`} />
        )}
      </Section>

      <RolesSection person={p} departments={depts} onChange={reload} />
      <DesignationsSection person={p} departments={depts} platforms={plats} onChange={reload} />
      <AcknowledgementSection person={p} departmentName={p.departmentId ? deptName.get(p.departmentId) : undefined} onChange={reload} />
      <TrainingSection person={p} onChange={reload} />
      <LegislativeSection person={p} onChange={reload} />
      <AccessSection person={p} onChange={reload} />
    </Page>
  );
}
