import { formatDateTime, humanize } from '../../components/format.ts';
import type { SearchHit, SearchPage } from './types.ts';

/** A snippet's parts as text; matched words in <mark>. Never HTML from the archive. */
function Snippet({ hit }: { hit: SearchHit }) {
  return (
    <p className="margin-y-1">
      {hit.snippet.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </p>
  );
}

function who(hit: SearchHit): string | null {
  const a = hit.author;
  return a.name ?? a.handle ?? a.personId ?? null;
}

export function Results({ page, onNext, onFirst, hasPrevious }: { page: SearchPage; onNext: () => void; onFirst: () => void; hasPrevious: boolean }) {
  if (page.hits.length === 0) return <p>No archived records match. Try fewer words or filters.</p>;
  return (
    <>
      {page.rankedWithin && (
        <div className="usa-alert usa-alert--info usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">This search matches a great many records: these are the best matches among the newest {page.rankedWithin.toLocaleString('en-US')}. Add words or filters (a date range, a platform) to reach older records.</p>
          </div>
        </div>
      )}
      <ol className="usa-list usa-list--unstyled" aria-label="Search results">
        {page.hits.map((hit) => (
          <li key={hit.id} className="border-bottom-1px border-base-lighter padding-y-1">
            <div className="text-bold">
              {humanize(hit.kind)}
              {hit.status ? ` · ${humanize(hit.status)}` : ''}
              {who(hit) ? ` · ${who(hit)}` : ''}
            </div>
            <Snippet hit={hit} />
            <div className="font-body-3xs text-base">
              Captured {formatDateTime(hit.capturedAt)}
              {hit.createdOnPlatformAt ? ` · created on the platform ${formatDateTime(hit.createdOnPlatformAt)}` : ''}
              {hit.platformId ? ` · platform ${hit.platformId}` : ''}
              {hit.departmentId ? ` · department ${hit.departmentId}` : ' · City folder'}
              {hit.clauses.length ? ` · ${hit.clauses.join(', ')}` : ''} · item <code>{hit.id}</code>
            </div>
          </li>
        ))}
      </ol>
      <div className="margin-y-2">
        {hasPrevious && (
          <button type="button" className="usa-button usa-button--outline" onClick={onFirst}>
            First page
          </button>
        )}
        {page.next && (
          <button type="button" className="usa-button" onClick={onNext}>
            Next page
          </button>
        )}
      </div>
    </>
  );
}
