import { Link, useSearchParams } from 'react-router-dom';
import { useApi } from '../../api/useApi.ts';
import { listOf, type Abilities, type Department, type Platform } from '../../api/types.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField } from '../../components/Fields.tsx';
import { PLATFORM_STATUS_LABELS, platformStatusLabel } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { RequestPlatformForm } from './RequestPlatformForm.tsx';
import { useConnectors } from './useConnectors.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

export function PlatformsPage() {
  const platforms = useApi<unknown>('/api/platforms');
  const departments = useApi<unknown>('/api/departments');
  const { label } = useConnectors();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const all = listOf<Platform>(platforms.data, 'platforms');
  const list = status ? all.filter((p) => p.status === status) : all;
  const depts = listOf<Department>(departments.data, 'departments');
  const deptName = new Map(depts.map((d) => [d.id, d.name]));
  const abilities = (platforms.data as { abilities?: Abilities } | undefined)?.abilities;

  return (
    <Page title="Platforms">
      <p>
        Every official City social media account: requested by a department (IV.C.14), reviewed by IT, approved by the City Council (IV.A.3), activated once its
        profile checklist passes, and terminated by the City Manager (IV.A.7).
      </p>
      <div className="crier-inline-form">
        <SelectField
          id="platform-status-filter"
          label="Show platforms in state"
          value={status}
          onChange={(v) => setParams(v ? { status: v } : {})}
          placeholder="All states"
          options={Object.entries(PLATFORM_STATUS_LABELS).map(([value, l]) => ({ value, label: l }))}
        />
      </div>
      {platforms.loading && platforms.data === undefined && <Loading />}
      <ErrorAlert error={platforms.error} />
      {platforms.data !== undefined && (
        <TableScroll label="Platform list">
        <table className="usa-table usa-table--borderless crier-table" data-testid="platforms-table">
          <caption>
            {list.length} platform{list.length === 1 ? '' : 's'}
            {status ? ` in state “${platformStatusLabel(status)}”` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Department</th>
              <th scope="col">State</th>
              <th scope="col">Comments</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/platforms/${p.id}`}>{p.name}</Link>
                </th>
                <td>{label(p.type)}</td>
                <td>{p.departmentName ?? (p.departmentId ? (deptName.get(p.departmentId) ?? p.departmentId) : 'City (all departments)')}</td>
                <td>
                  <StatusTag status={p.status} label={platformStatusLabel(p.status)} />
                </td>
                <td>{p.commentsEnabled ? 'On' : 'Off (one-way)'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      {may(abilities, 'platform.request') && (
        <Section title="Request a platform" id="request-platform">
          <RequestPlatformForm departments={depts} onCreated={platforms.reload} />
        </Section>
      )}
    </Page>
  );
}
