import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import { listOf, type Department, type Person, type PersonDetail } from '../../api/types.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { formatDate, ROLE_LABELS, roleLabel } from '../../components/format.ts';
import { Section } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

const DEPARTMENT_ROLES = ['department_head', 'authorized_employee', 'employee'];

/** Roles held, and granting a role — in one's own right or as a designee with dates (II). */
export function RolesSection({ person, departments, onChange }: { person: PersonDetail; departments: Department[]; onChange: () => void }) {
  const roles = person.roleAssignments ?? [];
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  const canGrant = may(person.abilities, 'role.grant');
  const canRevoke = may(person.abilities, 'role.revoke', 'role.grant');
  const revoke = useMutation((roleId: string) => api.post(`/api/people/${person.id}/roles/${encodeURIComponent(roleId)}/revoke`, {}));

  return (
    <Section title="Roles" id="roles">
      <ErrorAlert error={revoke.error} />
      {roles.length === 0 ? (
        <p>No roles yet.</p>
      ) : (
        <TableScroll label="Roles held">
        <table className="usa-table usa-table--borderless crier-table">
          <caption>Roles held by {person.name}</caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Department</th>
              <th scope="col">From</th>
              <th scope="col">Until</th>
              <th scope="col">State</th>
              {canRevoke && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {roles.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {roleLabel(r.role)}
                  {r.designeeOf && <span className="display-block font-sans-3xs">Designee</span>}
                </th>
                <td>{r.departmentId ? (deptName.get(r.departmentId) ?? r.departmentId) : '—'}</td>
                <td>{formatDate(r.startsOn)}</td>
                <td>{formatDate(r.endsOn)}</td>
                <td>{r.revokedAt ? <StatusTag status="revoked" subject="role" /> : r.active === false ? <StatusTag status="pending" label="not in force" subject="role" /> : <StatusTag status="active" subject="role" />}</td>
                {canRevoke && (
                  <td>
                    {!r.revokedAt && (
                      <button type="button" className="usa-button usa-button--unstyled" onClick={() => void revoke.run(r.id).then((x) => x !== undefined && onChange())}>
                        Revoke {roleLabel(r.role)}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      {canGrant && <GrantRoleForm person={person} departments={departments} onGranted={onChange} />}
    </Section>
  );
}

function GrantRoleForm({ person, departments, onGranted }: { person: PersonDetail; departments: Department[]; onGranted: () => void }) {
  const [role, setRole] = useState('employee');
  const [departmentId, setDepartmentId] = useState(person.departmentId ?? '');
  const [designeeOf, setDesigneeOf] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const people = useApi<unknown>('/api/people');
  const others = listOf<Person>(people.data, 'people', 'persons').filter((p) => p.id !== person.id);
  const grant = useMutation((body: Record<string, unknown>) => api.post(`/api/people/${person.id}/roles`, body));
  const departmentRole = DEPARTMENT_ROLES.includes(role);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await grant.run({
      role,
      departmentId: departmentRole ? departmentId || undefined : undefined,
      designeeOf: designeeOf || undefined,
      startsOn: startsOn || undefined,
      endsOn: endsOn || undefined,
    });
    if (r !== undefined) {
      setDesigneeOf('');
      setStartsOn('');
      setEndsOn('');
      onGranted();
    }
  }

  const err = (f: string) => grant.error?.fieldError(f);
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="grant-role-heading">
      <h3 id="grant-role-heading">Grant a role</h3>
      <ErrorAlert error={grant.error} />
      <SelectField id="grant-role" label="Role" value={role} onChange={setRole} options={Object.entries(ROLE_LABELS)
          .filter(([value]) => value !== 'authorized_employee')
          .map(([value, label]) => ({ value, label }))}
        hint="Authorized employees are made by designation below (IV.C.5), not granted here." error={err('role')} />
      {departmentRole && (
        <SelectField
          id="grant-department"
          label="Role department"
          value={departmentId}
          onChange={setDepartmentId}
          placeholder="- Select -"
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
          error={err('departmentId')}
        />
      )}
      <SelectField
        id="grant-designee-of"
        label="As designee of"
        hint="Leave empty to grant the role in the person's own right. A designee holds another person's power for the dates given (II)."
        value={designeeOf}
        onChange={setDesigneeOf}
        placeholder="- Not a designee -"
        options={others.map((p) => ({ value: p.id, label: p.name }))}
        error={err('designeeOf')}
      />
      <TextField id="grant-starts-on" label="Starts on" type="date" value={startsOn} onChange={setStartsOn} error={err('startsOn')} />
      <TextField id="grant-ends-on" label="Ends on" type="date" value={endsOn} onChange={setEndsOn} error={err('endsOn')} />
      <button type="submit" className="usa-button margin-top-3" disabled={grant.pending}>
        Grant role
      </button>
    </form>
  );
}
