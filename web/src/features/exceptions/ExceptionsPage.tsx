import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import { listOf, type Abilities, type Person, type Platform } from '../../api/types.ts';
import { ClauseList } from '../../components/ClauseList.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Fields.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { RecordExceptionForm } from './RecordExceptionForm.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

export interface PolicyException {
  id: string;
  clauseId: string;
  platformId: string | null;
  personId: string | null;
  startsOn: string;
  endsOn: string;
  councilApprovedOn: string;
  agendaItem: string;
  description: string;
  recordedAt: string;
  revokedAt: string | null;
}

/** VI: exceptions to the policy exist only with a recorded Council approval, and cover exactly their scope. */
export function ExceptionsPage() {
  const res = useApi<unknown>('/api/exceptions');
  const platforms = listOf<Platform>(useApi<unknown>('/api/platforms').data, 'platforms');
  const people = listOf<Person>(useApi<unknown>('/api/people').data, 'people');
  const list = listOf<PolicyException>(res.data, 'exceptions');
  const abilities = (res.data as { abilities?: Abilities } | undefined)?.abilities;
  const platformName = new Map(platforms.map((p) => [p.id, p.name]));
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const canRevoke = abilities?.['exception.revoke'] === true;

  return (
    <Page title="Council exceptions">
      <p>An exception to the policy exists only with a recorded City Council approval (VI). Each waives exactly one clause, for a platform or a person, between its dates.</p>
      {res.loading && res.data === undefined && <Loading />}
      <ErrorAlert error={res.error} />
      {res.data !== undefined &&
        (list.length === 0 ? (
          <p>No exceptions recorded.</p>
        ) : (
          <TableScroll label="Recorded exceptions">
          <table className="usa-table usa-table--borderless crier-table" data-testid="exceptions-table">
            <caption>Recorded exceptions</caption>
            <thead>
              <tr>
                <th scope="col">Clause</th>
                <th scope="col">Scope</th>
                <th scope="col">Dates</th>
                <th scope="col">Council approval</th>
                <th scope="col">Description</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {list.map((x) => (
                <tr key={x.id}>
                  <th scope="row">
                    <ClauseList ids={[x.clauseId]} />
                  </th>
                  <td>
                    {[x.platformId && `Platform: ${platformName.get(x.platformId) ?? x.platformId}`, x.personId && `Person: ${personName.get(x.personId) ?? x.personId}`]
                      .filter(Boolean)
                      .join('; ')}
                  </td>
                  <td>
                    {formatDate(x.startsOn)} to {formatDate(x.endsOn)}
                  </td>
                  <td>
                    {formatDate(x.councilApprovedOn)}, agenda item {x.agendaItem}
                  </td>
                  <td>{x.description}</td>
                  <td>
                    {x.revokedAt ? <StatusTag status="revoked" /> : <StatusTag status="active" />}
                    {!x.revokedAt && canRevoke && <RevokeException exception={x} onDone={res.reload} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        ))}
      {abilities?.['exception.record'] === true && (
        <Section title="Record an exception" id="record-exception">
          <RecordExceptionForm platforms={platforms} people={people} onDone={res.reload} />
        </Section>
      )}
    </Page>
  );
}

function RevokeException({ exception: x, onDone }: { exception: PolicyException; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const revoke = useMutation(() => api.post<unknown>(`/api/exceptions/${encodeURIComponent(x.id)}/revoke`, { reason: reason.trim() }));
  if (!open) {
    return (
      <button type="button" className="usa-button usa-button--unstyled display-block margin-top-1" onClick={() => setOpen(true)}>
        Revoke<span className="usa-sr-only"> the exception to {x.clauseId}</span>
      </button>
    );
  }
  return (
    <div>
      <ErrorAlert error={revoke.error} />
      <TextField id={`exception-${x.id}-reason`} label="Reason for revoking" value={reason} onChange={setReason} required error={revoke.error?.fieldError('reason')} />
      <button type="button" className="usa-button usa-button--secondary margin-top-1" disabled={revoke.pending} onClick={() => void revoke.run().then((r) => r !== undefined && onDone())}>
        Revoke exception
      </button>
    </div>
  );
}
