import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Fields.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import type { Transparency } from './types.ts';

const monthLabel = (m: string) => new Date(`${m}-15T12:00:00Z`).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Public transparency report: hides and removals by clause and month, bans by clause and month. Counts only. */
export function TransparencyPage() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [query, setQuery] = useState('');
  const res = useApi<Transparency>(`/api/public/transparency${query}`);
  const d = res.data;
  function apply(e: FormEvent) {
    e.preventDefault();
    const q = new URLSearchParams();
    if (from) q.set('from', from);
    if (to) q.set('to', to);
    setQuery(q.toString() ? `?${q.toString()}` : '');
  }
  return (
    <Page title="Moderation transparency report" lead="How often the City hid or removed comments, and denied access, under each item of its public comment policy. Counts only: no names, no accounts, no comment text.">
      <form className="usa-form" onSubmit={apply} aria-label="Report period">
        <TextField id="transparency-from" label="From" type="date" value={from} onChange={setFrom} />
        <TextField id="transparency-to" label="To" type="date" value={to} onChange={setTo} />
        <button type="submit" className="usa-button">
          Show
        </button>
      </form>
      {res.loading && <Loading what="Loading the report" />}
      <ErrorAlert error={res.error} />
      {d && (
        <>
          <p data-testid="transparency-totals">
            {d.totals.hidden} hidden, {d.totals.removed} removed, {d.totals.restored} restored after review; access denied {d.totals.bans} time{d.totals.bans === 1 ? '' : 's'}. Policy version {d.policy.version}. Generated {formatDateTime(d.generatedAt)}.
          </p>
          <p className="usa-hint">A comment hidden or removed under two items counts under each.</p>
          <Section title="Hidden and removed comments" id="decisions">
            {d.rows.length === 0 ? (
              <p>No comment was hidden or removed in this period.</p>
            ) : (
              <TableScroll label="Hidden and removed comments by month and policy item">
                <table className="usa-table usa-table--borderless crier-table" data-testid="transparency-table">
                  <caption>Hidden and removed comments by month and policy item</caption>
                  <thead>
                    <tr>
                      <th scope="col">Month</th>
                      <th scope="col">Policy item</th>
                      <th scope="col">Hidden</th>
                      <th scope="col">Removed</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.rows.map((r) => (
                      <tr key={`${r.month}-${r.clause}`}>
                        <th scope="row">{monthLabel(r.month)}</th>
                        <td>
                          <span className="crier-clause-id">{r.clause}</span>
                          {r.title ? ` — ${r.title}` : ''}
                        </td>
                        <td>{r.hidden}</td>
                        <td>{r.removed}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </Section>
          <Section title="Access denied" id="bans">
            {d.bans.length === 0 ? (
              <p>No one was denied access in this period.</p>
            ) : (
              <TableScroll label="Access denied by month and policy item">
                <table className="usa-table usa-table--borderless crier-table">
                  <caption>Access denied by month and policy item</caption>
                  <thead>
                    <tr>
                      <th scope="col">Month</th>
                      <th scope="col">Policy item</th>
                      <th scope="col">Times</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.bans.map((r) => (
                      <tr key={`${r.month}-${r.clause}`}>
                        <th scope="row">{monthLabel(r.month)}</th>
                        <td>
                          <span className="crier-clause-id">{r.clause}</span>
                          {r.title ? ` — ${r.title}` : ''}
                        </td>
                        <td>{r.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </Section>
        </>
      )}
    </Page>
  );
}
