import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import { listOf, type Person, type Platform, type PlatformAdmin } from '../../api/types.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { formatDateTime, roleLabel } from '../../components/format.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

type Admin = PlatformAdmin & { implicit?: boolean; role?: string | null };

/** Administrators: each needs the City Manager's and the IT Manager's permission (IV.C.12); both are admins of every platform (IV.C.13). */
export function AdminsPanel({ platform, onChange }: { platform: Platform; onChange: () => void }) {
  const base = `/api/platforms/${encodeURIComponent(platform.id)}/admins`;
  const admins = (platform.admins ?? []) as Admin[];
  const approve = useMutation((adminId: string) => api.post<unknown>(`${base}/${encodeURIComponent(adminId)}/approve`, {}));
  const remove = useMutation((adminId: string) => api.post<unknown>(`${base}/${encodeURIComponent(adminId)}/remove`, {}));
  const canApproveAny = may(platform.abilities, 'platform.approve_admin', 'platform.remove_admin');
  // Each administrator says what the reader may do with it (e.g. a City Manager who already approved cannot approve twice).
  const mayOn = (ad: Admin, action: string) => !ad.implicit && Boolean(ad.id) && (ad.abilities ? ad.abilities[action] === true : may(platform.abilities, action));
  const canRequest = may(platform.abilities, 'platform.request_admin');

  return (
    <>
      <ErrorAlert error={approve.error ?? remove.error} />
      {admins.length === 0 ? (
        <p>No administrators recorded.</p>
      ) : (
        <TableScroll label="Administrator list">
        <table className="usa-table usa-table--borderless crier-table" data-testid="admins-table">
          <caption>Administrators of {platform.name}</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Platform user id</th>
              <th scope="col">City Manager</th>
              <th scope="col">IT Manager</th>
              <th scope="col">State</th>
              {canApproveAny && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {admins.map((ad, i) => (
              <tr key={ad.id ?? `implicit-${ad.personId}-${i}`}>
                <th scope="row">
                  {ad.personName ?? ad.personId}
                  {ad.implicit && <div className="font-sans-3xs text-normal">By role: {roleLabel(ad.role ?? '')} (IV.C.13)</div>}
                </th>
                <td>{ad.platformUserId ?? '—'}</td>
                <td>{ad.implicit ? '—' : ad.cmApprovedAt ? `Approved ${formatDateTime(ad.cmApprovedAt)}` : 'Awaiting'}</td>
                <td>{ad.implicit ? '—' : ad.itApprovedAt ? `Approved ${formatDateTime(ad.itApprovedAt)}` : 'Awaiting'}</td>
                <td>
                  <StatusTag status={ad.status} subject="admin" />
                </td>
                {canApproveAny && (
                  <td>
                    <div className="crier-actions margin-top-0">
                      {ad.status === 'pending' && mayOn(ad, 'platform.approve_admin') && (
                        <button type="button" className="usa-button usa-button--outline" disabled={approve.pending} onClick={() => void approve.run(ad.id).then((r) => r !== undefined && onChange())}>
                          Approve {ad.personName ?? 'administrator'}
                        </button>
                      )}
                      {ad.status !== 'removed' && mayOn(ad, 'platform.remove_admin') && (
                        <button type="button" className="usa-button usa-button--unstyled" disabled={remove.pending} onClick={() => void remove.run(ad.id).then((r) => r !== undefined && onChange())}>
                          Remove {ad.personName ?? 'administrator'}
                        </button>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      {canRequest && <RequestAdminForm base={base} onDone={onChange} />}
    </>
  );
}

function RequestAdminForm({ base, onDone }: { base: string; onDone: () => void }) {
  const people = useApi<unknown>('/api/people');
  const list = listOf<Person>(people.data, 'people', 'persons');
  const [personId, setPersonId] = useState('');
  const [platformUserId, setPlatformUserId] = useState('');
  const request = useMutation((body: unknown) => api.post<unknown>(base, body));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await request.run({ personId, platformUserId: platformUserId.trim() || null });
    if (r !== undefined) {
      setPersonId('');
      setPlatformUserId('');
      onDone();
    }
  }

  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="request-admin-heading">
      <h3 id="request-admin-heading">Request an administrator</h3>
      <ErrorAlert error={request.error} />
      <SelectField id="admin-person" label="Person" value={personId} onChange={setPersonId} placeholder="- Select -" options={list.map((p) => ({ value: p.id, label: p.name }))} error={request.error?.fieldError('personId')} />
      <TextField id="admin-platform-user-id" label="Platform user id" value={platformUserId} onChange={setPlatformUserId} error={request.error?.fieldError('platformUserId')} />
      <button type="submit" className="usa-button margin-top-3" disabled={request.pending}>
        Request administrator
      </button>
    </form>
  );
}
