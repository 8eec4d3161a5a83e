import { useCallback, useState } from 'react';
import { api } from '../../api/client.ts';
import { hasRole, useSession } from '../../api/session.tsx';
import { useApi, useMutation } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading, Section } from '../../components/Page.tsx';
import { EntriesTable } from './EntriesTable.tsx';
import type { DepartmentLog, Preauth } from './types.ts';

/** Requests waiting for the signed-in supervisor's decision (IV.C.15(e)(i)(A)). */
export function Decisions() {
  const res = useApi<{ preauths: Preauth[] }>('/api/offduty/preauths?scope=decide');
  const [notes, setNotes] = useState<Record<string, string>>({});
  const decide = useMutation(useCallback((id: string, decision: 'approve' | 'deny', note: string) => api.post(`/api/offduty/preauths/${encodeURIComponent(id)}/decision`, { decision, note: note || null }), []));
  const list = res.data?.preauths ?? [];
  async function act(p: Preauth, decision: 'approve' | 'deny') {
    if (await decide.run(p.id, decision, notes[p.id] ?? '')) res.reload();
  }
  if (res.loading && !res.data) return <Loading />;
  if (!list.length) return <p>No requests are waiting for you.</p>;
  return (
    <>
      <ErrorAlert error={res.error ?? decide.error} />
      <ul className="usa-list usa-list--unstyled">
        {list.map((p) => (
          <li key={p.id} className="margin-bottom-2">
            <strong>{p.personName}</strong>: {formatDateTime(p.windowStart)} – {formatDateTime(p.windowEnd)}. {p.reason}
            <div className="usa-form-group">
              <label className="usa-label" htmlFor={`note-${p.id}`}>
                Note to {p.personName} (required to deny)
              </label>
              <input className="usa-input" id={`note-${p.id}`} value={notes[p.id] ?? ''} onChange={(e) => setNotes({ ...notes, [p.id]: e.target.value })} />
            </div>
            <button type="button" className="usa-button usa-button--small" disabled={decide.pending} onClick={() => void act(p, 'approve')}>
              Approve<span className="usa-sr-only"> {p.personName}'s request</span>
            </button>
            <button type="button" className="usa-button usa-button--secondary usa-button--small" disabled={decide.pending} onClick={() => void act(p, 'deny')}>
              Deny<span className="usa-sr-only"> {p.personName}'s request</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The department's off-duty log and its payroll export (IV.C.15(e)(i)(B)). */
export function DepartmentLogView() {
  const { session } = useSession();
  const headOf = [...new Set(session.roles.filter((r) => r.role === 'department_head' && r.departmentId).map((r) => r.departmentId as string))];
  const all = hasRole(session, 'city_manager', 'assistant_city_manager', 'auditor');
  const [dept, setDept] = useState<string>(headOf[0] ?? '');
  const depts = useApi<{ departments: { id: string; name: string }[] }>(all || headOf.length ? '/api/departments' : null);
  const options = (depts.data?.departments ?? []).filter((d) => all || headOf.includes(d.id));
  const query = dept ? `?departmentId=${encodeURIComponent(dept)}` : '';
  const log = useApi<DepartmentLog>(all || dept ? `/api/offduty/log${query}` : null);
  return (
    <>
      <div className="usa-form-group">
        <label className="usa-label" htmlFor="log-dept">
          Department
        </label>
        <select className="usa-select" id="log-dept" value={dept} onChange={(e) => setDept(e.target.value)}>
          {all && <option value="">All departments</option>}
          {options.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <p>
        <a className="usa-button usa-button--outline" href={`/api/offduty/log.csv${query}`} download>
          Download CSV for payroll
        </a>
      </p>
      {log.loading && !log.data && <Loading />}
      <ErrorAlert error={log.error} />
      {log.data && (
        <>
          <p>
            {log.data.totalMinutes} minute{log.data.totalMinutes === 1 ? '' : 's'} logged; {log.data.openSessions.length} session{log.data.openSessions.length === 1 ? '' : 's'} still open
            {log.data.openSessions.length ? `: ${log.data.openSessions.map((s) => `${s.personName} since ${formatDateTime(s.startedAt)}`).join('; ')}` : ''}.
          </p>
          <EntriesTable entries={log.data.entries} showPerson caption="Off-duty time entries" />
        </>
      )}
    </>
  );
}

export function SupervisorView() {
  return (
    <>
      <Section title="Requests to decide" id="decide">
        <Decisions />
      </Section>
      <Section title="Department log" id="department-log">
        <DepartmentLogView />
      </Section>
    </>
  );
}
