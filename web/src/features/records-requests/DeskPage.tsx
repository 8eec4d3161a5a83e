import { useCallback, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { CHANNELS, STATUS_LABELS, type RecordsRequest, type RequestSummary } from './types.ts';

/** Staff entry: a request that came by mail, phone, email or at the counter. */
function NewRequest() {
  const navigate = useNavigate();
  const [f, setF] = useState({ description: '', name: '', email: '', phone: '', postalAddress: '', channel: 'email', receivedOn: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const save = useMutation(useCallback((body: object) => api.post<{ request: RecordsRequest }>('/api/records-requests', body), []));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const blank = (s: string) => (s.trim() ? s : null);
    const r = await save.run({ description: f.description, name: blank(f.name), email: blank(f.email), phone: blank(f.phone), postalAddress: blank(f.postalAddress), channel: f.channel, receivedOn: blank(f.receivedOn) });
    if (r) navigate(`/records-requests/${encodeURIComponent(r.request.id)}`);
  }
  const err = save.error;
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} aria-label="Enter a records request">
      <ErrorAlert error={err} />
      <TextAreaField id="new-prr-description" label="Records requested" required value={f.description} onChange={set('description')} rows={4} error={err?.fieldError('description')} />
      <SelectField id="new-prr-channel" label="Received by" value={f.channel} onChange={set('channel')} options={CHANNELS.filter((c) => c.value !== 'portal')} />
      <TextField id="new-prr-received" type="date" label="Received on" hint="Leave empty for today. The 10 days count from this City date." value={f.receivedOn} onChange={set('receivedOn')} error={err?.fieldError('receivedOn')} />
      <TextField id="new-prr-name" label="Requester's name (optional)" value={f.name} onChange={set('name')} maxLength={200} error={err?.fieldError('name')} />
      <TextField id="new-prr-email" type="email" label="Email" value={f.email} onChange={set('email')} maxLength={254} error={err?.fieldError('email')} />
      <TextField id="new-prr-phone" type="tel" label="Phone" value={f.phone} onChange={set('phone')} maxLength={40} error={err?.fieldError('phone')} />
      <TextAreaField id="new-prr-address" label="Postal address" value={f.postalAddress} onChange={set('postalAddress')} rows={2} error={err?.fieldError('postalAddress')} />
      <button type="submit" className="usa-button" disabled={save.pending}>
        Enter request
      </button>
    </form>
  );
}

/** The City Clerk's public records desk (IV.A.11): every request with its due date, overdue ones flagged. */
export function DeskPage() {
  const [status, setStatus] = useState('open');
  const [overdue, setOverdue] = useState(false);
  const res = useApi<{ requests: RequestSummary[]; abilities: Record<string, boolean> }>(`/api/records-requests?${status ? `status=${status}&` : ''}${overdue ? 'overdue=1' : ''}`);
  const rows = res.data?.requests ?? [];
  return (
    <Page title="Public records requests" lead="Owned by the City Clerk, reviewed with the City Attorney. The determination is due 10 calendar days after receipt; one extension of up to 14 days, on a statutory ground.">
      <div className="grid-row grid-gap">
        <SelectField id="prr-status" label="Show" value={status} onChange={setStatus} options={[{ value: 'open', label: 'Open' }, { value: 'determined', label: 'Determined (awaiting production)' }, { value: 'closed', label: 'Closed' }, { value: '', label: 'All' }]} />
        <CheckboxField id="prr-overdue" label="Overdue only" checked={overdue} onChange={setOverdue} />
      </div>
      {res.loading && !res.data && <Loading what="Loading requests" />}
      <ErrorAlert error={res.error} />
      {res.data && rows.length === 0 && <p>No requests to show.</p>}
      {rows.length > 0 && (
        <TableScroll label="Records requests">
          <table className="usa-table usa-table--borderless usa-table--striped">
            <caption className="usa-sr-only">Records requests, earliest due first</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Received</th>
                <th scope="col">Next due</th>
                <th scope="col">Status</th>
                <th scope="col">Owner</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-overdue={r.overdue ? 'true' : 'false'}>
                  <th scope="row">
                    <Link to={`/records-requests/${encodeURIComponent(r.id)}`}>{r.reference}</Link>
                  </th>
                  <td>{formatDate(r.receivedOn)}</td>
                  <td>
                    {formatDate(r.nextDueOn)} {r.overdue && <StatusTag status="fail" label="Overdue" subject="count" />} {r.extended && <span className="usa-hint">(extended)</span>}
                  </td>
                  <td>
                    <StatusTag status={r.status} label={STATUS_LABELS[r.status]} />
                  </td>
                  <td>{r.owner?.name ?? 'Unassigned'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {may(res.data?.abilities, 'records.create') && (
        <Section title="Enter a request received by mail, phone, email or in person">
          <NewRequest />
        </Section>
      )}
    </Page>
  );
}
