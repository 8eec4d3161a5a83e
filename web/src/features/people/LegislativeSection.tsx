import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useCityDate } from '../../api/session.tsx';
import { useMutation } from '../../api/useApi.ts';
import type { PersonDetail } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Fields.tsx';
import { formatDate } from '../../components/format.ts';
import { Section } from '../../components/Page.tsx';

/** IV.B: a legislative body member is never an authorized employee; each is notified of the restrictions (date recorded). */
export function LegislativeSection({ person, onChange }: { person: PersonDetail; onChange: () => void }) {
  const member = (person.roles ?? []).some((r) => r.role === 'legislative_member') || (person.roleAssignments ?? []).some((r) => r.role === 'legislative_member' && !r.revokedAt);
  const notes = person.legislativeNotifications ?? [];
  const canNotify = person.abilities?.['legislative.notify'] === true;
  const [body, setBody] = useState('City Council');
  const [notifiedOn, setNotifiedOn] = useCityDate();
  const [method, setMethod] = useState('Memo delivered by the City Clerk');
  const record = useMutation((b: unknown) => api.post<unknown>(`/api/people/${encodeURIComponent(person.id)}/legislative-notifications`, b));
  if (!member && notes.length === 0) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await record.run({ body: body.trim(), notifiedOn, method: method.trim() });
    if (r !== undefined) onChange();
  }

  const err = (f: string) => record.error?.fieldError(f);
  return (
    <Section title="Legislative body member (IV.B)" id="legislative">
      <p>Members of the City's legislative bodies cannot be authorized employees (II, IV.B). Each is notified of the restrictions on City social media.</p>
      {notes.length === 0 ? (
        <p>
          <strong>No IV.B notification recorded yet.</strong>
        </p>
      ) : (
        <ul className="usa-list">
          {notes.map((n) => (
            <li key={n.id}>
              {n.body}: notified on {formatDate(n.notifiedOn)} ({n.method})
            </li>
          ))}
        </ul>
      )}
      {member && canNotify && (
        <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="legislative-heading">
          <h3 id="legislative-heading">Record the IV.B notification</h3>
          <ErrorAlert error={record.error} />
          <TextField id="legislative-body" label="Legislative body" value={body} onChange={setBody} required error={err('body')} />
          <TextField id="legislative-notified-on" label="Notified on" type="date" value={notifiedOn} onChange={setNotifiedOn} required error={err('notifiedOn')} />
          <TextField id="legislative-method" label="How notified" value={method} onChange={setMethod} required error={err('method')} />
          <button type="submit" className="usa-button margin-top-3" disabled={record.pending}>
            Record notification
          </button>
        </form>
      )}
    </Section>
  );
}
