import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useCityDate, useSession } from '../../api/session.tsx';
import { useMutation } from '../../api/useApi.ts';
import type { Person, Platform } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';

export function RecordExceptionForm({ platforms, people, onDone }: { platforms: Platform[]; people: Person[]; onDone: () => void }) {
  const { policy } = useSession();
  const [clauseId, setClauseId] = useState('');
  const [platformId, setPlatformId] = useState('');
  const [personId, setPersonId] = useState('');
  const [startsOn, setStartsOn] = useCityDate();
  const [endsOn, setEndsOn] = useState('');
  const [councilApprovedOn, setCouncilApprovedOn] = useCityDate();
  const [agendaItem, setAgendaItem] = useState('');
  const [description, setDescription] = useState('');
  const record = useMutation((body: unknown) => api.post<unknown>('/api/exceptions', body));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await record.run({
      clauseId,
      platformId: platformId || null,
      personId: personId || null,
      startsOn,
      endsOn,
      councilApprovedOn,
      agendaItem: agendaItem.trim(),
      description: description.trim(),
    });
    if (r !== undefined) {
      setAgendaItem('');
      setDescription('');
      onDone();
    }
  }

  const err = (f: string) => record.error?.fieldError(f);
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-label="Record an exception">
      <ErrorAlert error={record.error} />
      <SelectField
        id="exception-clause"
        label="Clause excepted"
        value={clauseId}
        onChange={setClauseId}
        placeholder="- Select a clause -"
        options={(policy?.clauses ?? []).map((c) => ({ value: c.id, label: `${c.id} — ${c.title}` }))}
        required
        error={err('clauseId')}
      />
      <SelectField id="exception-platform" label="Platform" value={platformId} onChange={setPlatformId} placeholder="- Any platform -" options={platforms.map((p) => ({ value: p.id, label: p.name }))} error={err('platformId')} />
      <SelectField id="exception-person" label="Person" value={personId} onChange={setPersonId} placeholder="- Anyone -" options={people.map((p) => ({ value: p.id, label: p.name }))} error={err('personId')} hint="Scope the exception to a platform, a person, or both." />
      <TextField id="exception-starts-on" label="Starts on" type="date" value={startsOn} onChange={setStartsOn} required error={err('startsOn')} />
      <TextField id="exception-ends-on" label="Ends on" type="date" value={endsOn} onChange={setEndsOn} required error={err('endsOn')} />
      <TextField id="exception-council-approved-on" label="Council approved on" type="date" value={councilApprovedOn} onChange={setCouncilApprovedOn} required error={err('councilApprovedOn')} />
      <TextField id="exception-agenda-item" label="Agenda item number" value={agendaItem} onChange={setAgendaItem} required error={err('agendaItem')} />
      <TextAreaField id="exception-description" label="Description" value={description} onChange={setDescription} required error={err('description')} />
      <button type="submit" className="usa-button margin-top-3" disabled={record.pending}>
        Record exception
      </button>
    </form>
  );
}
