import { useCallback, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useMutation } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextAreaField, TextField } from '../../components/Fields.tsx';
import { formatDate } from '../../components/format.ts';
import { Page } from '../../components/Page.tsx';
import type { PublicRequestStatus } from './types.ts';

/**
 * The public records request form (IV.A.11; California Public Records Act): no sign-in, no name
 * needed, but one way to send the answer. The answer is a reference to follow the request by.
 */
export function PublicRequestPage() {
  const [description, setDescription] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [postalAddress, setPostalAddress] = useState('');
  const [preferredFormat, setPreferredFormat] = useState('');
  const [done, setDone] = useState<PublicRequestStatus | null>(null);
  const send = useMutation(useCallback((body: object) => api.post<{ request: PublicRequestStatus }>('/api/public/records-requests', body), []));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await send.run({ description, name: name || null, email: email || null, phone: phone || null, postalAddress: postalAddress || null, preferredFormat: preferredFormat || null });
    if (r) setDone(r.request);
  }

  if (done) {
    return (
      <Page title="Request received">
        <div className="usa-alert usa-alert--success" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              Your request reference is <strong data-testid="records-reference">{done.reference}</strong>. Keep it: it is how you look the request up.
            </p>
          </div>
        </div>
        <p>The City Clerk&apos;s office will tell you by {formatDate(done.determinationDueOn)} whether the City has records it can disclose.</p>
        <p>
          <Link to={`/public/records-requests/${encodeURIComponent(done.reference)}`}>See the status of your request</Link>
        </p>
      </Page>
    );
  }

  const err = send.error;
  return (
    <Page title="Request public records" lead="Ask the City Clerk for City records, including what the City posts on social media. You do not need an account or to give your name.">
      <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} aria-label="Public records request">
        <ErrorAlert error={err} />
        <TextAreaField id="prr-description" label="Which records do you want?" hint="Describe them as precisely as you can: subject, dates, platform, department." required value={description} onChange={setDescription} rows={6} error={err?.fieldError('description')} />
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend">How should the City answer you?</legend>
          <p className="usa-hint" id="prr-contact-hint">
            Give at least one: the City must be able to send its response. Only City staff see it.
          </p>
          <TextField id="prr-email" type="email" label="Email address" value={email} onChange={setEmail} maxLength={254} autoComplete="email" error={err?.fieldError('email')} />
          <TextField id="prr-phone" type="tel" label="Phone number" value={phone} onChange={setPhone} maxLength={40} autoComplete="tel" error={err?.fieldError('phone')} />
          <TextAreaField id="prr-address" label="Postal address" value={postalAddress} onChange={setPostalAddress} rows={3} error={err?.fieldError('postalAddress')} />
        </fieldset>
        <TextField id="prr-name" label="Your name (optional)" value={name} onChange={setName} maxLength={200} autoComplete="name" error={err?.fieldError('name')} />
        <TextField id="prr-format" label="Preferred format (optional)" hint="For example: electronic copies by email." value={preferredFormat} onChange={setPreferredFormat} maxLength={200} error={err?.fieldError('preferredFormat')} />
        <button type="submit" className="usa-button" disabled={send.pending}>
          Send request
        </button>
      </form>
    </Page>
  );
}
