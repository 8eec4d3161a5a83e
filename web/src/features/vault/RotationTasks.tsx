import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime, humanize } from '../../components/format.ts';
import { Loading } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import type { RotationTask } from './types.ts';

/** Open rotation tasks with due dates and a "Mark rotated" action. */
export function RotationTasks({ onChange }: { onChange: () => void }) {
  const res = useApi<{ tasks: RotationTask[] }>('/api/vault/rotation-tasks?status=open');
  const [done, setDone] = useState<string | null>(null);
  const complete = useMutation(useCallback((id: string) => api.post<{ task: RotationTask }>(`/api/vault/rotation-tasks/${encodeURIComponent(id)}/complete`, {}), []));
  const tasks = res.data?.tasks ?? [];

  async function mark(t: RotationTask) {
    setDone(null);
    const r = await complete.run(t.id);
    if (r) {
      setDone(`Marked the rotation for ${t.platformName ?? t.platformId} done.`);
      res.reload();
      onChange();
    }
  }

  return (
    <>
      {res.loading && !res.data && <Loading what="Loading rotation tasks" />}
      <ErrorAlert error={res.error ?? complete.error} />
      {done && (
        <p role="status">
          {done}
        </p>
      )}
      {res.data && (
        <TableScroll label="Open rotation tasks">
          <table className="usa-table usa-table--borderless crier-table" data-testid="rotation-table">
            <caption>
              {tasks.length} open rotation task{tasks.length === 1 ? '' : 's'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Platform</th>
                <th scope="col">Why</th>
                <th scope="col">Due</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((t) => (
                <tr key={t.id}>
                  <th scope="row">
                    <Link to={`/platforms/${t.platformId}#credentials`}>{t.platformName ?? t.platformId}</Link>
                  </th>
                  <td>
                    {humanize(t.trigger)}
                    {t.personName ? ` — ${t.personName}` : ''}: {t.reason}
                  </td>
                  <td>
                    {formatDateTime(t.dueAt)}
                    {t.overdue && <span className="usa-tag crier-tag--warning margin-left-1">Overdue</span>}
                  </td>
                  <td>
                    {may(t.abilities, 'rotation.complete') ? (
                      <button type="button" className="usa-button usa-button--outline usa-button--small" disabled={complete.pending} onClick={() => void mark(t)}>
                        Mark rotated<span className="usa-sr-only"> for {t.platformName ?? t.platformId}</span>
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
