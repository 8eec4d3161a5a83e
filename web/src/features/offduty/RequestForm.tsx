import { useCallback, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useMutation } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextAreaField } from '../../components/Fields.tsx';
import { LocalDateTime } from './LocalDateTime.tsx';
import { fromLocalInput, type Preauth } from './types.ts';

/** Ask the supervisor to pre-authorize off-duty work (IV.C.15(e)(i)(A)). */
export function RequestForm({ onDone }: { onDone: () => void }) {
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const send = useMutation(useCallback((body: object) => api.post<{ preauth: Preauth }>('/api/offduty/preauths', body), []));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSent(null);
    const r = await send.run({ windowStart: fromLocalInput(start), windowEnd: fromLocalInput(end), reason });
    if (r) {
      setSent('Request sent to your supervisor.');
      setStart('');
      setEnd('');
      setReason('');
      onDone();
    }
  }

  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} aria-label="Request pre-authorization">
      <ErrorAlert error={send.error} />
      {sent && <p role="status">{sent}</p>}
      <LocalDateTime id="preauth-start" label="From" value={start} onChange={setStart} error={send.error?.fieldError('windowStart')} />
      <LocalDateTime id="preauth-end" label="Until" value={end} onChange={setEnd} error={send.error?.fieldError('windowEnd')} />
      <TextAreaField id="preauth-reason" label="What is the work for?" required value={reason} onChange={setReason} rows={3} error={send.error?.fieldError('reason')} />
      <button type="submit" className="usa-button" disabled={send.pending}>
        Request pre-authorization
      </button>
    </form>
  );
}
