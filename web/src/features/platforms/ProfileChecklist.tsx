import type { ChecklistItem, Platform } from '../../api/types.ts';
import { useSession } from '../../api/session.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

export function checklistItems(p: Platform): ChecklistItem[] {
  const c = p.checklist;
  if (Array.isArray(c)) return c;
  return c?.items ?? [];
}

const passed = (i: ChecklistItem) => Boolean(i.ok ?? i.pass ?? i.passed);

/** The activation checklist: each item with the clause it rests on and whether it passes. */
export function ProfileChecklist({ platform }: { platform: Platform }) {
  const { clauseTitle } = useSession();
  const items = checklistItems(platform);
  if (items.length === 0) return <p>The server did not return a checklist for this platform.</p>;
  const failing = items.filter((i) => !passed(i)).length;
  return (
    <>
      <p>{failing === 0 ? 'Every item passes.' : `${failing} of ${items.length} items do not pass yet; the platform cannot be activated until they do.`}</p>
      <TableScroll label="Checklist items">
      <table className="usa-table usa-table--borderless crier-table" data-testid="profile-checklist">
        <caption>Profile checklist</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Clause</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i, n) => {
            const clause = i.clause ?? i.clauses?.[0] ?? '';
            const ok = passed(i);
            return (
              <tr key={i.id ?? i.key ?? n} data-check={i.id ?? i.key} data-ok={ok}>
                <th scope="row">
                  {i.label ?? i.title ?? i.id}
                  {(i.message ?? (i as { detail?: string }).detail) && <div className="font-sans-3xs text-normal">{i.message ?? (i as { detail?: string }).detail}</div>}
                </th>
                <td>
                  <span className="crier-clause-id">{clause}</span>
                  {clauseTitle(clause) && <div className="font-sans-3xs">{clauseTitle(clause)}</div>}
                </td>
                <td>{ok ? <span className="usa-tag crier-tag--success">Pass</span> : <span className="usa-tag crier-tag--error">Fail</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </TableScroll>
    </>
  );
}
