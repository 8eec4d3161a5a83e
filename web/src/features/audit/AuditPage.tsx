import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, qs } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { listOf, type AuditEvent, type Person } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { AuditRow } from './AuditRow.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

const PAGE = 50;

interface Filter {
  targetType: string;
  actorId: string;
}

/** The append-only audit log, newest first, paged with "Load older" (beforeSeq). */
export function AuditPage() {
  const [filter, setFilter] = useState<Filter>({ targetType: '', actorId: '' });
  const [draft, setDraft] = useState<Filter>(filter);
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState(false);
  const people = listOf<Person>(useApi<unknown>('/api/people').data, 'people');

  async function load(beforeSeq: number | undefined, replace: boolean) {
    setLoading(true);
    setError(undefined);
    try {
      const data = await api.get<unknown>(`/api/audit${qs({ limit: PAGE, beforeSeq, targetType: filter.targetType || undefined, actorId: filter.actorId || undefined })}`);
      const page = listOf<AuditEvent>(data, 'events');
      setEvents((prev) => (replace ? page : [...prev, ...page]));
      setDone(page.length < PAGE);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e)));
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load(undefined, true);
  }, [filter]);

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilter({ targetType: draft.targetType.trim(), actorId: draft.actorId.trim() });
  }

  const oldest = events.length ? events[events.length - 1]!.seq : undefined;
  return (
    <Page title="Audit log">
      <p>Every action, with who did it, when, what it touched and the clauses it rests on. The log is append-only and hash-chained.</p>
      <form className="crier-inline-form margin-bottom-2" onSubmit={apply} aria-label="Filter the audit log">
        <TextField id="audit-target-type" label="Target type" value={draft.targetType} onChange={(v) => setDraft((d) => ({ ...d, targetType: v }))} hint="e.g. platform, person" />
        {people.length > 0 ? (
          <SelectField
            id="audit-actor"
            label="Actor"
            value={draft.actorId}
            onChange={(v) => setDraft((d) => ({ ...d, actorId: v }))}
            placeholder="Anyone"
            options={people.map((p) => ({ value: p.id, label: p.name }))}
          />
        ) : (
          <TextField id="audit-actor" label="Actor id" value={draft.actorId} onChange={(v) => setDraft((d) => ({ ...d, actorId: v }))} />
        )}
        <button type="submit" className="usa-button">
          Filter
        </button>
      </form>
      <ErrorAlert error={error} />
      <TableScroll label="Audit events">
      <table className="usa-table usa-table--borderless crier-table" data-testid="audit-table">
        <caption id="audit-caption">Audit events, newest first ({events.length} shown)</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Clauses</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <AuditRow key={e.id} event={e} />
          ))}
        </tbody>
      </table>
      </TableScroll>
      {loading && <Loading />}
      {!loading && events.length === 0 && !error && <p>No events match.</p>}
      {!done && events.length > 0 && (
        <button type="button" className="usa-button usa-button--outline" disabled={loading} onClick={() => void load(oldest, false)}>
          Load older
        </button>
      )}
    </Page>
  );
}
