import { useEffect, useRef } from 'react';

/** Is the key press aimed at a place where a person types (so no shortcut may fire)? */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return target.getAttribute('role') === 'textbox' || target.getAttribute('role') === 'combobox';
}

/**
 * Single-key shortcuts on the page (j, k, h, …). None fires while typing in a field, with a
 * modifier held (so browser and screen-reader keys stay theirs), or while `paused`.
 */
export function useShortcuts(handlers: Record<string, () => void>, paused: boolean): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (paused || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (isTyping(e.target)) return;
      const fn = ref.current[e.key];
      if (!fn) return;
      e.preventDefault();
      fn();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [paused]);
}

export const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ['j', '↓'], what: 'Next comment' },
  { keys: ['p', '↑'], what: 'Previous comment' },
  { keys: ['k'], what: 'Keep the comment (it stays up)' },
  { keys: ['h'], what: 'Hide the comment, citing the clauses picked' },
  { keys: ['r'], what: 'Remove the comment, citing the clauses picked' },
  { keys: ['1', '…', '9'], what: 'Pick or unpick the clause with that number (suggested clauses come first)' },
  { keys: ['x'], what: 'Select the comment for a bulk action' },
  { keys: ['?'], what: 'Show these shortcuts' },
];
