import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Fields.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

type Counts = { keep: number; hide: number; remove: number; restore: number; total: number };
interface Report {
  totals: Counts;
  byClause: ({ clause: string; title: string | null } & Counts)[];
  byModerator: ({ moderatorId: string | null; name: string } & Counts)[];
  byMonth: ({ month: string } & Counts)[];
}
interface Side {
  commentId: string;
  platformName: string;
  text: string;
  decision: string;
  clauses: string[];
  moderatorName: string | null;
  decidedAt: string;
}
interface Consistency {
  examined: number;
  pairs: { similarity: number; difference: string; a: Side; b: Side }[];
}

function CountsTable({ caption, rows }: { caption: string; rows: { key: string; label: string; c: Counts }[] }) {
  return (
    <TableScroll label={caption}>
      <table className="usa-table usa-table--borderless crier-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption.split(' by ')[1] ?? ''}</th>
            <th scope="col">Kept</th>
            <th scope="col">Hidden</th>
            <th scope="col">Removed</th>
            <th scope="col">Restored</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{r.c.keep}</td>
              <td>{r.c.hide}</td>
              <td>{r.c.remove}</td>
              <td>{r.c.restore}</td>
              <td>{r.c.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const side = (s: Side) => `${s.decision}${s.clauses.length ? ` (${s.clauses.join(', ')})` : ''} by ${s.moderatorName ?? 'automatic hiding'}, ${formatDateTime(s.decidedAt)}, ${s.platformName}`;

/** Decisions by clause, moderator and month, and near-identical comments treated differently (V: viewpoint-neutral). */
export function ModerationReportsPage() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [q, setQ] = useState('');
  const report = useApi<Report>(`/api/moderation-reports/decisions${q}`);
  const consistency = useApi<Consistency>(`/api/moderation-reports/consistency${q}`);
  function apply(e: FormEvent) {
    e.preventDefault();
    const p = new URLSearchParams();
    if (from) p.set('from', from);
    if (to) p.set('to', to);
    setQ(p.toString() ? `?${p.toString()}` : '');
  }
  const r = report.data;
  return (
    <Page title="Moderation reports" lead="Decisions by clause, by moderator and by month, so inconsistent treatment can be seen; and near-identical comments that received different decisions.">
      <form className="usa-form" onSubmit={apply} aria-label="Report period">
        <TextField id="reports-from" label="From" type="date" value={from} onChange={setFrom} />
        <TextField id="reports-to" label="To" type="date" value={to} onChange={setTo} />
        <button type="submit" className="usa-button">
          Show
        </button>
      </form>
      {report.loading && !r && <Loading what="Loading the report" />}
      <ErrorAlert error={report.error} />
      {r && (
        <>
          <Section title="By clause" id="by-clause">
            <CountsTable caption="Decisions by clause" rows={r.byClause.map((c) => ({ key: c.clause, label: `${c.clause}${c.title ? ` — ${c.title}` : ''}`, c }))} />
          </Section>
          <Section title="By moderator" id="by-moderator">
            <CountsTable caption="Decisions by moderator" rows={r.byModerator.map((m) => ({ key: m.moderatorId ?? 'automatic', label: m.name, c: m }))} />
          </Section>
          <Section title="By month" id="by-month">
            <CountsTable caption="Decisions by month" rows={r.byMonth.map((m) => ({ key: m.month, label: m.month, c: m }))} />
          </Section>
        </>
      )}
      <Section title="Near-identical comments, different decisions" id="consistency">
        {consistency.loading && !consistency.data && <Loading what="Comparing comments" />}
        <ErrorAlert error={consistency.error} />
        {consistency.data && (
          <>
            <p>
              {consistency.data.pairs.length} pair{consistency.data.pairs.length === 1 ? '' : 's'} among the {consistency.data.examined} most recently decided comments.
            </p>
            <ul className="usa-list usa-list--unstyled">
              {consistency.data.pairs.map((p) => (
                <li key={`${p.a.commentId}-${p.b.commentId}`} className="margin-bottom-3">
                  <strong>
                    {Math.round(p.similarity * 100)}% alike; {p.difference === 'clauses' ? 'different clauses cited' : 'different decisions'}
                  </strong>
                  <blockquote className="crier-policy-text">{p.a.text}</blockquote>
                  <p className="usa-hint">{side(p.a)}</p>
                  <blockquote className="crier-policy-text">{p.b.text}</blockquote>
                  <p className="usa-hint">{side(p.b)}</p>
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
    </Page>
  );
}
