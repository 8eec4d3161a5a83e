import { formatDateTime } from '../../components/format.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { FLAG_LABELS, type TimeEntry } from './types.ts';

/** Time entries (append-only): a corrected entry stays listed, marked as replaced. */
export function EntriesTable({ entries, caption, showPerson = false, onCorrect }: { entries: TimeEntry[]; caption: string; showPerson?: boolean; onCorrect?: (e: TimeEntry) => void }) {
  return (
    <TableScroll label={caption}>
      <table className="usa-table usa-table--borderless crier-table" data-testid="offduty-entries">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {showPerson && <th scope="col">Employee</th>}
            <th scope="col">Start</th>
            <th scope="col">End</th>
            <th scope="col">Minutes</th>
            <th scope="col">Pre-authorized</th>
            <th scope="col">Flags</th>
            <th scope="col">Note</th>
            {onCorrect && <th scope="col">Action</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className={e.correctedBy ? 'text-base' : undefined}>
              {showPerson && <th scope="row">{e.personName}</th>}
              <td>{formatDateTime(e.startedAt)}</td>
              <td>{formatDateTime(e.endedAt)}</td>
              <td>{e.correctedBy ? <s>{e.minutes}</s> : e.minutes}</td>
              <td>{e.preauthId ? 'Yes' : 'No'}</td>
              <td>
                {e.flags.map((f) => (
                  <span key={f} className={`usa-tag margin-right-05 ${f === 'violation' ? 'crier-tag--warning' : 'crier-tag--info'}`}>
                    {FLAG_LABELS[f]}
                  </span>
                ))}
                {e.correctedBy && <span className="usa-tag crier-tag--info">Replaced by a correction</span>}
              </td>
              <td>{e.note ?? '—'}</td>
              {onCorrect && (
                <td>
                  {e.correctedBy ? (
                    '—'
                  ) : (
                    <button type="button" className="usa-button usa-button--outline usa-button--small" onClick={() => onCorrect(e)}>
                      Correct<span className="usa-sr-only"> the entry starting {formatDateTime(e.startedAt)}</span>
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
