import { useState, type FormEvent } from 'react';
import { qs } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { humanize } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { Results } from './Results.tsx';
import { SavedSearchList, SaveSearch } from './SavedSearches.tsx';
import { KINDS, type SavedSearch, type SearchFilters, type SearchPage } from './types.ts';

const EMPTY: Required<Omit<SearchFilters, 'dateField'>> & { dateField: 'captured' | 'created' } = { platform: '', department: '', kind: '', status: '', dateField: 'captured', from: '', to: '', author: '', commenter: '', clause: '' };

/** Only the filters that are set (what the API and a saved search keep). */
const setFilters = (f: typeof EMPTY): SearchFilters => Object.fromEntries(Object.entries(f).filter(([k, v]) => v !== '' && !(k === 'dateField' && v === 'captured'))) as SearchFilters;

/** Archive search (SPEC §5): words, "phrases", -exclusions and filters; save a search; collect it into a records request. */
export function ArchiveSearchPage() {
  const [q, setQ] = useState('');
  const [f, setF] = useState(EMPTY);
  const [run, setRun] = useState<{ q: string; filters: SearchFilters } | null>(null);
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const path = run ? `/api/archive/search${qs({ q: run.q, ...run.filters, cursor, limit: 20 })}` : null;
  const results = useApi<SearchPage>(path);
  const saved = useApi<{ savedSearches: SavedSearch[]; abilities: Record<string, boolean> }>('/api/archive/saved-searches');
  const set = (k: keyof typeof EMPTY) => (v: string) => setF((x) => ({ ...x, [k]: v }));

  function submit(e: FormEvent) {
    e.preventDefault();
    setCursors([]);
    setRun({ q, filters: setFilters(f) });
  }
  function rerun(s: SavedSearch) {
    setQ(s.query);
    setF({ ...EMPTY, ...s.filters });
    setCursors([]);
    setRun({ q: s.query, filters: s.filters });
  }
  const err = results.error;
  return (
    <Page title="Search the archive" lead={<>Every archived post, comment, decision and removal. Type words, &quot;a phrase&quot; in quotes, or -word to leave records out.</>}>
      <form className="usa-form usa-form--large" role="search" aria-label="Search the archive" onSubmit={submit}>
        <TextField id="archive-q" type="search" label="Words to look for" value={q} onChange={setQ} maxLength={500} error={err?.fieldError('q')} hint='Example: water main "Avalon Boulevard" -repair' />
        <details className="margin-y-2">
          <summary>Filters</summary>
          <SelectField id="archive-kind" label="Kind of record" value={f.kind} onChange={set('kind')} placeholder="Any kind" options={KINDS.map((k) => ({ value: k, label: humanize(k) }))} error={err?.fieldError('kind')} />
          <TextField id="archive-status" label="Status" hint="As captured: published, removed, hide, remove, edited, deleted…" value={f.status} onChange={set('status')} error={err?.fieldError('status')} />
          <TextField id="archive-platform" label="Platform id" value={f.platform} onChange={set('platform')} error={err?.fieldError('platform')} />
          <TextField id="archive-department" label="Department id" hint="Or city for the City's own folder." value={f.department} onChange={set('department')} error={err?.fieldError('department')} />
          <TextField id="archive-author" label="Author" hint="A name, a handle or a person id (exact, any case)." value={f.author} onChange={set('author')} error={err?.fieldError('author')} />
          <TextField id="archive-commenter" label="Commenter" hint="As author, but only comments and the moderation records about them." value={f.commenter} onChange={set('commenter')} error={err?.fieldError('commenter')} />
          <TextField id="archive-clause" label="Clause cited" hint="For example IV.C.1" value={f.clause} onChange={set('clause')} error={err?.fieldError('clause')} />
          <SelectField id="archive-date-field" label="Dates apply to" value={f.dateField} onChange={set('dateField')} options={[{ value: 'captured', label: 'When Crier captured it' }, { value: 'created', label: 'When it was created on the platform' }]} />
          <TextField id="archive-from" type="date" label="From (City date)" value={f.from} onChange={set('from')} error={err?.fieldError('from')} />
          <TextField id="archive-to" type="date" label="To (City date, inclusive)" value={f.to} onChange={set('to')} error={err?.fieldError('to')} />
        </details>
        <button type="submit" className="usa-button">
          Search
        </button>
      </form>
      {run && (
        <Section title="Results">
          <ErrorAlert error={err} />
          {results.loading && <Loading what="Searching" />}
          {results.data && !results.loading && (
            <Results page={results.data} hasPrevious={cursors.length > 0} onFirst={() => setCursors([])} onNext={() => results.data?.next && setCursors((c) => [...c, results.data!.next!])} />
          )}
          {may(saved.data?.abilities, 'archive_search.save') && <SaveSearch q={run.q} filters={run.filters} onSaved={saved.reload} />}
        </Section>
      )}
      <Section title="Saved searches">
        <ErrorAlert error={saved.error} />
        {saved.loading && !saved.data && <Loading />}
        {saved.data && <SavedSearchList saved={saved.data.savedSearches} canCollect={may(saved.data.abilities, 'archive_search.collect')} onRun={rerun} onChanged={saved.reload} />}
      </Section>
    </Page>
  );
}
