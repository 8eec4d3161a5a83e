import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useMutation } from '../../api/useApi.ts';
import type { PersonDetail } from '../../api/types.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { formatDate } from '../../components/format.ts';
import { useCityDate } from '../../api/session.tsx';
import { useConnectors } from '../platforms/useConnectors.ts';
import { Section } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

const KINDS = [
  { value: 'training', label: 'Platform training completed (IV.C.6)' },
  { value: 'provider_terms', label: "Provider's terms of use acknowledged (IV.A.8, IV.C.4)" },
];

/** Training per platform type and the provider's terms (IV.C.6, IV.A.8, IV.C.4). */
export function TrainingSection({ person, onChange }: { person: PersonDetail; onChange: () => void }) {
  const trainings = person.trainings ?? [];
  const { types, label } = useConnectors();
  const canRecord = may(person.abilities, 'training.record');
  const [platformType, setPlatformType] = useState('');
  const [kind, setKind] = useState('training');
  const [completedOn, setCompletedOn] = useCityDate();
  const record = useMutation((body: Record<string, string>) => api.post(`/api/people/${person.id}/trainings`, body));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await record.run({ platformType: platformType || types[0]?.type || '', kind, completedOn });
    if (r !== undefined) onChange();
  }

  const err = (f: string) => record.error?.fieldError(f);
  return (
    <Section title="Training" id="training">
      {trainings.length === 0 ? (
        <p>No training recorded.</p>
      ) : (
        <TableScroll label="Training records">
        <table className="usa-table usa-table--borderless crier-table" data-testid="trainings">
          <caption>Training and provider terms recorded for {person.name}</caption>
          <thead>
            <tr>
              <th scope="col">Platform type</th>
              <th scope="col">What</th>
              <th scope="col">Completed on</th>
            </tr>
          </thead>
          <tbody>
            {trainings.map((t) => (
              <tr key={t.id}>
                <th scope="row">{label(t.platformType)}</th>
                <td>{t.kind === 'training' ? 'Training' : "Provider's terms acknowledged"}</td>
                <td>{formatDate(t.completedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      {canRecord && (
        <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="record-training-heading">
          <h3 id="record-training-heading">Record training</h3>
          <ErrorAlert error={record.error} />
          <SelectField id="training-platform-type" label="Platform type" value={platformType || types[0]?.type || ''} onChange={setPlatformType} options={types.map((t) => ({ value: t.type, label: t.label }))} error={err('platformType')} />
          <SelectField id="training-kind" label="Kind" value={kind} onChange={setKind} options={KINDS} error={err('kind')} />
          <TextField id="training-completed-on" label="Completed on" type="date" value={completedOn} onChange={setCompletedOn} required error={err('completedOn')} />
          <button type="submit" className="usa-button margin-top-3" disabled={record.pending}>
            Record training
          </button>
        </form>
      )}
    </Section>
  );
}
