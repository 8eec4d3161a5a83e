import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading, Page } from '../../components/Page.tsx';

interface Entry {
  id: string;
  source: 'post' | 'imported';
  publishedAt: string;
  platform: { id: string; name: string } | null;
  department: { id: string; name: string } | null;
  text: string;
  url: string | null;
}
interface Choices {
  platforms: { id: string; name: string }[];
  departments: { id: string; name: string }[];
}

/** The public reading room: what the City published (its posts only), searchable; no sign-in. */
export function ReadingRoomPage() {
  const choices = useApi<Choices>('/api/public/reading-room/choices');
  const [form, setForm] = useState({ q: '', platform: '', department: '', from: '', to: '' });
  const [query, setQuery] = useState('');
  const [entries, setEntries] = useState<Entry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  async function load(q: string, cursor: string | null) {
    setLoading(true);
    try {
      const params = new URLSearchParams(q);
      if (cursor) params.set('cursor', cursor);
      const page = await api.get<{ entries: Entry[]; next: string | null }>(`/api/public/reading-room?${params.toString()}`);
      setEntries((prev) => (cursor ? [...prev, ...page.entries] : page.entries));
      setNext(page.next);
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e)));
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load(query, null);
  }, [query]);

  function search(e: FormEvent) {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) if (v.trim()) p.set(k, v.trim());
    setQuery(p.toString());
  }
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  return (
    <Page title="Reading room" lead="What the City has published on its social media accounts, from its records archive. Public comments are records too: ask for them with a public records request.">
      <form className="usa-form" onSubmit={search} role="search" aria-label="Search what the City published">
        <TextField id="rr-q" label="Words" type="search" value={form.q} onChange={set('q')} />
        <SelectField id="rr-platform" label="Platform" value={form.platform} onChange={set('platform')} placeholder="All platforms" options={(choices.data?.platforms ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        <SelectField id="rr-department" label="Department" value={form.department} onChange={set('department')} placeholder="All departments" options={[{ value: 'city', label: 'City-wide accounts' }, ...(choices.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))]} />
        <TextField id="rr-from" label="Published from" type="date" value={form.from} onChange={set('from')} />
        <TextField id="rr-to" label="Published to" type="date" value={form.to} onChange={set('to')} />
        <button type="submit" className="usa-button">
          Search
        </button>
      </form>
      <ErrorAlert error={error ?? choices.error} />
      {!loading && !error && entries.length === 0 && <p>Nothing the City published matches.</p>}
      <ol className="usa-list usa-list--unstyled" data-testid="reading-room">
        {entries.map((e) => (
          <li key={e.id} className="margin-bottom-3">
            <article>
              <p className="usa-hint">
                <time dateTime={e.publishedAt}>{formatDate(e.publishedAt.slice(0, 10))}</time>
                {[e.platform?.name, e.department?.name ?? 'City-wide', e.source === 'imported' ? 'from the platform’s records' : null].filter(Boolean).map((s) => ` · ${s}`)}
              </p>
              {e.text
                .split(/\n+/)
                .filter((line) => line.trim())
                .map((line, i) => (
                  <p key={i}>{line}</p>
                ))}
              {e.url && (
                <p>
                  <a href={e.url} rel="noopener noreferrer nofollow">
                    View on the platform
                  </a>
                </p>
              )}
            </article>
          </li>
        ))}
      </ol>
      {loading && <Loading what="Loading posts" />}
      {next && !loading && (
        <button type="button" className="usa-button usa-button--outline" onClick={() => void load(query, next)}>
          Older posts
        </button>
      )}
    </Page>
  );
}
