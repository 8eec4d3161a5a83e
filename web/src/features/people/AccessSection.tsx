import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useCityDate } from '../../api/session.tsx';
import { useMutation } from '../../api/useApi.ts';
import type { PersonDetail } from '../../api/types.ts';
import { ClauseList } from '../../components/ClauseList.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Section } from '../../components/Page.tsx';

/** Violations (IV.E): incidents recorded against the person, and suspension, revocation or reinstatement of access. */
export function AccessSection({ person, onChange }: { person: PersonDetail; onChange: () => void }) {
  const incidents = person.incidents ?? [];
  const actions = person.accessActions ?? [];
  const canRecord = person.abilities?.['incident.record'] === true;
  const canChange = person.abilities?.['access.change'] === true;
  if (!canRecord && !canChange && incidents.length === 0 && actions.length === 0) return null;
  return (
    <Section title="Incidents and access (IV.E)" id="access">
      {incidents.length === 0 ? (
        <p>No incidents recorded.</p>
      ) : (
        <ul className="usa-list" data-testid="incidents">
          {incidents.map((i) => (
            <li key={i.id}>
              {formatDate(i.occurredOn)}: {i.description} — <ClauseList ids={i.clauses} inline />
            </li>
          ))}
        </ul>
      )}
      {actions.length > 0 && (
        <ul className="usa-list" data-testid="access-actions">
          {actions.map((a) => (
            <li key={a.id}>
              {formatDateTime(a.actedAt)}: access {a.action === 'suspend' ? 'suspended' : a.action === 'revoke' ? 'revoked' : 'reinstated'} — {a.reason}
            </li>
          ))}
        </ul>
      )}
      {canRecord && <IncidentForm person={person} onDone={onChange} />}
      {canChange && <AccessForm person={person} onDone={onChange} />}
    </Section>
  );
}

function IncidentForm({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const [occurredOn, setOccurredOn] = useCityDate();
  const [description, setDescription] = useState('');
  const [clauses, setClauses] = useState('');
  const record = useMutation((body: unknown) => api.post<unknown>(`/api/people/${encodeURIComponent(person.id)}/incidents`, body));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ids = clauses.split(/[\s,]+/).map((c) => c.trim()).filter(Boolean);
    const r = await record.run({ occurredOn, description: description.trim(), clauses: ids });
    if (r !== undefined) {
      setDescription('');
      setClauses('');
      onDone();
    }
  }

  const err = (f: string) => record.error?.fieldError(f);
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="incident-heading">
      <h3 id="incident-heading">Record an incident</h3>
      <ErrorAlert error={record.error} />
      <TextField id="incident-occurred-on" label="Occurred on" type="date" value={occurredOn} onChange={setOccurredOn} required error={err('occurredOn')} />
      <TextAreaField id="incident-description" label="What happened" value={description} onChange={setDescription} required error={err('description')} />
      <TextField id="incident-clauses" label="Clauses violated" hint="Clause ids separated by commas, e.g. IV.D.7(j), IV.C.15(f)(i)" value={clauses} onChange={setClauses} required error={err('clauses')} />
      <button type="submit" className="usa-button margin-top-3" disabled={record.pending}>
        Record incident
      </button>
    </form>
  );
}

function AccessForm({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const suspended = person.status === 'suspended' || person.status === 'revoked';
  const [action, setAction] = useState(suspended ? 'reinstate' : 'suspend');
  const [reason, setReason] = useState('');
  const [incidentId, setIncidentId] = useState('');
  const change = useMutation((body: unknown) => api.post<unknown>(`/api/people/${encodeURIComponent(person.id)}/access`, body));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await change.run({ action, reason: reason.trim(), incidentId: incidentId || null });
    if (r !== undefined) {
      setReason('');
      onDone();
    }
  }

  const err = (f: string) => change.error?.fieldError(f);
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="access-heading">
      <h3 id="access-heading">Change access</h3>
      <ErrorAlert error={change.error} />
      <SelectField
        id="access-action"
        label="Action"
        value={action}
        onChange={setAction}
        options={[
          { value: 'suspend', label: 'Suspend access' },
          { value: 'revoke', label: 'Revoke access' },
          { value: 'reinstate', label: 'Reinstate access' },
        ]}
        error={err('action')}
      />
      <TextAreaField id="access-reason" label="Reason" value={reason} onChange={setReason} required error={err('reason')} />
      {(person.incidents ?? []).length > 0 && (
        <SelectField
          id="access-incident"
          label="Related incident"
          value={incidentId}
          onChange={setIncidentId}
          placeholder="- None -"
          options={(person.incidents ?? []).map((i) => ({ value: i.id, label: `${formatDate(i.occurredOn)}: ${i.description.slice(0, 60)}` }))}
        />
      )}
      <button type="submit" className="usa-button usa-button--secondary margin-top-3" disabled={change.pending}>
        Change access
      </button>
    </form>
  );
}
