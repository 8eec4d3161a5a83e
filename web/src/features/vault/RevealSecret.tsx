import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useMutation } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Fields.tsx';
import type { CredentialView, Revealed } from './types.ts';
import { kindLabel } from './types.ts';

/**
 * IV.C.15(i)(ii): asks for a reason, then shows the value with a countdown and hides it when the
 * server's expiresAt passes. The value lives only in this component's state and is dropped on unmount.
 */
export function RevealSecret({ credential }: { credential: CredentialView }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const reveal = useMutation(useCallback((id: string, r: string) => api.post<Revealed>(`/api/vault/secrets/${encodeURIComponent(id)}/reveal`, { reason: r }), []));
  const fieldId = `reveal-reason-${credential.id}`;

  const expiresAt = revealed ? new Date(revealed.expiresAt).getTime() : 0;
  const left = revealed ? Math.max(0, Math.ceil((expiresAt - now) / 1000)) : 0;

  useEffect(() => {
    if (!revealed) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [revealed]);

  useEffect(() => {
    if (revealed && left === 0) setRevealed(null);
  }, [revealed, left]);

  // Drop the value when the component goes away.
  useEffect(() => () => setRevealed(null), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await reveal.run(credential.id, reason);
    if (r) {
      setNow(Date.now());
      setRevealed(r);
      setReason('');
      setOpen(false);
    }
  }

  if (revealed) {
    const value = Array.isArray(revealed.secret.value) ? revealed.secret.value.join('\n') : revealed.secret.value;
    return (
      <div data-testid="revealed-secret">
        <p className="usa-sr-only">{kindLabel(revealed.secret.kind)} value:</p>
        <pre className="crier-secret">{value}</pre>
        <p className="usa-hint" role="timer" aria-live="off">
          Hidden in {left} second{left === 1 ? '' : 's'}.
        </p>
        <button type="button" className="usa-button usa-button--unstyled" onClick={() => setRevealed(null)}>
          Hide now
        </button>
      </div>
    );
  }

  if (!open) {
    return (
      <button type="button" className="usa-button usa-button--outline usa-button--small" onClick={() => setOpen(true)}>
        Reveal<span className="usa-sr-only"> {kindLabel(credential.kind)} {credential.name}</span>
      </button>
    );
  }

  return (
    <form className="usa-form" onSubmit={(e) => void submit(e)}>
      <ErrorAlert error={reveal.error} />
      <TextField
        id={fieldId}
        label="Reason for revealing"
        value={reason}
        onChange={setReason}
        required
        maxLength={1000}
        hint="Recorded in the audit log with your name and the time (IV.C.15(i)(ii))."
        error={reveal.error?.fieldError('reason')}
      />
      <button type="submit" className="usa-button usa-button--small" disabled={reveal.pending}>
        Reveal
      </button>
      <button type="button" className="usa-button usa-button--unstyled" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
