import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './useShortcuts.ts';

/** The keyboard shortcuts, as a modal dialog (native <dialog>: focus is trapped, Escape closes it, focus returns). */
export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="crier-dialog" aria-labelledby="shortcuts-heading" onClose={onClose} data-testid="shortcuts-dialog">
      <h2 id="shortcuts-heading" className="margin-top-0">
        Keyboard shortcuts
      </h2>
      <p>They work anywhere on the queue page except while you type in a field.</p>
      <table className="usa-table usa-table--borderless crier-table">
        <caption className="usa-sr-only">Keys and what they do</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">What it does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.what}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' '}
                    {k === '…' ? '…' : <kbd className="crier-kbd">{k}</kbd>}
                  </span>
                ))}
              </td>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="usa-button" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
