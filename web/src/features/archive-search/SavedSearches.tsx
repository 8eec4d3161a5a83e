import { useCallback, useState } from 'react';
import { api } from '../../api/client.ts';
import { useMutation } from '../../api/useApi.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Fields.tsx';
import { formatDateTime } from '../../components/format.ts';
import type { SavedSearch, SearchFilters } from './types.ts';

/** Names the current search and keeps it for the records team. */
export function SaveSearch({ q, filters, onSaved }: { q: string; filters: SearchFilters; onSaved: () => void }) {
  const [name, setName] = useState('');
  const save = useMutation(useCallback((body: object) => api.post<{ savedSearch: SavedSearch }>('/api/archive/saved-searches', body), []));
  return (
    <form
      className="usa-form"
      aria-label="Save this search"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run({ name, q, filters }).then((r) => {
          if (r) {
            setName('');
            onSaved();
          }
        });
      }}
    >
      <ErrorAlert error={save.error} />
      <TextField id="saved-name" label="Save this search as" required value={name} onChange={setName} maxLength={120} error={save.error?.fieldError('name')} />
      <button type="submit" className="usa-button usa-button--outline" disabled={save.pending}>
        Save search
      </button>
    </form>
  );
}

/** Collects a saved search's results, as they stand now, into a records request (City Clerk). */
function Collect({ saved }: { saved: SavedSearch }) {
  const [requestId, setRequestId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const collect = useMutation(useCallback((id: string) => api.post<{ collection: { matched: number; added: number; alreadyCollected: number } }>(`/api/records-requests/${encodeURIComponent(id)}/collect`, { savedSearchId: saved.id }), [saved.id]));
  return (
    <form
      className="usa-form"
      aria-label={`Collect "${saved.name}" into a records request`}
      onSubmit={(e) => {
        e.preventDefault();
        void collect.run(requestId.trim()).then((r) => r && setDone(`${r.collection.added} added, ${r.collection.alreadyCollected} already collected (${r.collection.matched} matched).`));
      }}
    >
      <ErrorAlert error={collect.error} />
      <TextField id={`collect-${saved.id}`} label="Records request id" required value={requestId} onChange={setRequestId} />
      <button type="submit" className="usa-button usa-button--outline" disabled={collect.pending}>
        Collect into the request
      </button>
      {done && <p role="status">{done}</p>}
    </form>
  );
}

export function SavedSearchList({ saved, canCollect, onRun, onChanged }: { saved: SavedSearch[]; canCollect: boolean; onRun: (s: SavedSearch) => void; onChanged: () => void }) {
  const del = useMutation(useCallback((id: string) => api.del(`/api/archive/saved-searches/${encodeURIComponent(id)}`), []));
  if (saved.length === 0) return <p>No saved searches yet.</p>;
  return (
    <>
      <ErrorAlert error={del.error} />
      <ul className="usa-list usa-list--unstyled">
        {saved.map((s) => (
          <li key={s.id} className="border-bottom-1px border-base-lighter padding-y-1">
            <div className="text-bold">{s.name}</div>
            <div>
              <code>{s.query || '(filters only)'}</code>
              {Object.entries(s.filters).map(([k, v]) => ` · ${k}: ${v}`).join('')}
            </div>
            <div className="font-body-3xs text-base">
              Saved by {s.ownerName ?? s.ownerId} on {formatDateTime(s.createdAt)}
            </div>
            <button type="button" className="usa-button usa-button--unstyled margin-right-2" onClick={() => onRun(s)}>
              Run again
            </button>
            {may(s.abilities, 'archive_search.delete') && (
              <button type="button" className="usa-button usa-button--unstyled" disabled={del.pending} onClick={() => void del.run(s.id).then(onChanged)}>
                Delete
              </button>
            )}
            {canCollect && <Collect saved={s} />}
          </li>
        ))}
      </ul>
    </>
  );
}
