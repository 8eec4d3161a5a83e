import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useMutation } from '../../api/useApi.ts';
import type { Department, PersonDetail, Platform } from '../../api/types.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CheckboxGroup, SelectField } from '../../components/Fields.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Section } from '../../components/Page.tsx';

/** Designation by the department head or the City Manager, for named platforms (IV.C.5). */
export function DesignationsSection({ person, departments, platforms, onChange }: { person: PersonDetail; departments: Department[]; platforms: Platform[]; onChange: () => void }) {
  const designations = person.designations ?? [];
  const name = new Map(platforms.map((p) => [p.id, p.name]));
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  const canDesignate = may(person.abilities, 'designation.create');
  const [departmentId, setDepartmentId] = useState(person.departmentId ?? '');
  const [platformIds, setPlatformIds] = useState<string[]>([]);
  const revoke = useMutation((designationId: string) => api.post(`/api/people/${person.id}/designations/${encodeURIComponent(designationId)}/revoke`, {}));
  const designate = useMutation((body: { departmentId: string; platformIds: string[] }) => api.post(`/api/people/${person.id}/designations`, body));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await designate.run({ departmentId, platformIds });
    if (r !== undefined) {
      setPlatformIds([]);
      onChange();
    }
  }

  const selectable = platforms.filter((p) => p.status !== 'terminated');
  return (
    <Section title="Designations" id="designations">
      <p>A department head or the City Manager designates an employee to post for named platforms (IV.C.5).</p>
      <ErrorAlert error={revoke.error} />
      {designations.length === 0 ? (
        <p>Not designated for any platform.</p>
      ) : (
        <ul className="usa-list" data-testid="designations">
          {designations.map((d) => (
            <li key={d.id}>
              {deptName.get(d.departmentId) ?? d.departmentId}: {d.platformIds.map((id) => name.get(id) ?? id).join(', ')} — designated {formatDateTime(d.designatedAt)}
              {d.revokedAt && ` (revoked ${formatDateTime(d.revokedAt)})`}
              {!d.revokedAt && canDesignate && (
                <>
                  {' '}
                  <button type="button" className="usa-button usa-button--unstyled" disabled={revoke.pending} onClick={() => void revoke.run(d.id).then((r) => r !== undefined && onChange())}>
                    Revoke designation<span className="usa-sr-only"> for {d.platformIds.map((id) => name.get(id) ?? id).join(', ')}</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canDesignate && (
        <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="designate-heading">
          <h3 id="designate-heading">Designate for platforms</h3>
          <ErrorAlert error={designate.error} />
          <SelectField
            id="designation-department"
            label="Designating department"
            value={departmentId}
            onChange={setDepartmentId}
            placeholder="- Select -"
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            error={designate.error?.fieldError('departmentId')}
          />
          <CheckboxGroup
            id="designation-platforms"
            legend="Platforms"
            options={selectable.map((p) => ({ value: p.id, label: p.name }))}
            values={platformIds}
            onChange={setPlatformIds}
            error={designate.error?.fieldError('platformIds')}
          />
          <button type="submit" className="usa-button margin-top-3" disabled={designate.pending}>
            Designate
          </button>
        </form>
      )}
    </Section>
  );
}
