import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextAreaField } from '../../components/Fields.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

export interface ReviewTask {
  id: string;
  platformId: string;
  platformName: string;
  kind: 'currency' | 'ads_links';
  kindLabel: string;
  clause: string;
  period: string;
  dueOn: string;
  overdue: boolean;
  ownerLabel: string;
  ownerNames: string[];
  status: 'open' | 'done' | 'cancelled';
  abilities: Record<string, boolean>;
}

function CompleteForm({ task, onDone, onCancel }: { task: ReviewTask; onDone: () => void; onCancel: () => void }) {
  const [outcome, setOutcome] = useState('ok');
  const [findings, setFindings] = useState('');
  const save = useMutation(useCallback((body: object) => api.post(`/api/reviews/${encodeURIComponent(task.id)}/complete`, body), [task.id]));
  // The form opens above the table: take keyboard and screen-reader users to it.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [task.id]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await save.run({ outcome, findings })) onDone();
  }
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} aria-label={`Complete the ${task.kindLabel.toLowerCase()} of ${task.platformName}`}>
      <h3 ref={heading} tabIndex={-1}>
        {task.kindLabel}: {task.platformName} ({task.clause})
      </h3>
      <ErrorAlert error={save.error} />
      <SelectField
        id={`outcome-${task.id}`}
        label="Outcome"
        value={outcome}
        onChange={setOutcome}
        options={[
          { value: 'ok', label: 'Current and appropriate' },
          { value: 'action_needed', label: 'Action needed' },
        ]}
      />
      <TextAreaField id={`findings-${task.id}`} label="Findings" required value={findings} onChange={setFindings} rows={3} error={save.error?.fieldError('findings')} />
      <button type="submit" className="usa-button" disabled={save.pending}>
        Record review
      </button>
      <button type="button" className="usa-button usa-button--unstyled margin-left-2" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

/** Recurring reviews (IV.C.15(f)(iii) currency, IV.D.2 ads and links): open tasks with owner and due date. */
export function ReviewsPanel({ mine = false }: { mine?: boolean }) {
  const res = useApi<{ tasks: ReviewTask[] }>(`/api/reviews?status=open${mine ? '&mine=1' : ''}`);
  const [doing, setDoing] = useState<ReviewTask | null>(null);
  const tasks = res.data?.tasks ?? [];
  if (res.loading && !res.data) return <Loading what="Loading reviews" />;
  return (
    <>
      <ErrorAlert error={res.error} />
      {doing && (
        <CompleteForm
          task={doing}
          onCancel={() => setDoing(null)}
          onDone={() => {
            setDoing(null);
            res.reload();
          }}
        />
      )}
      {res.data && (
        <TableScroll label="Open review tasks">
          <table className="usa-table usa-table--borderless crier-table" data-testid="review-tasks">
            <caption>
              {tasks.length} open review{tasks.length === 1 ? '' : 's'}
              {tasks.some((t) => t.overdue) ? `, ${tasks.filter((t) => t.overdue).length} overdue` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Platform</th>
                <th scope="col">Review</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((t) => (
                <tr key={t.id}>
                  <th scope="row">
                    <Link to={`/platforms/${t.platformId}`}>{t.platformName}</Link>
                  </th>
                  <td>
                    {t.kindLabel} ({t.period})
                  </td>
                  <td>
                    {t.ownerLabel}
                    {t.ownerNames.length ? ` — ${t.ownerNames.join(', ')}` : ''}
                  </td>
                  <td>
                    {formatDate(t.dueOn)}
                    {t.overdue && <span className="usa-tag crier-tag--warning margin-left-1">Overdue</span>}
                  </td>
                  <td>
                    {may(t.abilities, 'review.complete') ? (
                      <button type="button" className="usa-button usa-button--outline usa-button--small" onClick={() => setDoing(t)}>
                        Record review<span className="usa-sr-only"> of {t.platformName}, {t.kindLabel}</span>
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
