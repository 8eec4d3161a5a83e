import { useCallback, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useMutation } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { Page } from '../../components/Page.tsx';
import type { PublicAppealStatus } from './types.ts';

/**
 * The public appeal form (V): no sign-in. The reference comes from the City's notice (or a
 * link carrying ?comment= or ?ban=). The answer is a reference to follow the appeal by.
 */
export function AppealPage() {
  const [params] = useSearchParams();
  const [subject, setSubject] = useState(params.get('ban') ? 'ban' : 'comment');
  const [reference, setReference] = useState(params.get('ban') ?? params.get('comment') ?? '');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [statement, setStatement] = useState('');
  const [done, setDone] = useState<PublicAppealStatus | null>(null);
  const send = useMutation(useCallback((body: object) => api.post<{ appeal: PublicAppealStatus }>('/api/public/appeals', body), []));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await send.run({ [subject === 'ban' ? 'banId' : 'commentId']: reference.trim(), name, contact, statement });
    if (r) setDone(r.appeal);
  }

  if (done) {
    return (
      <Page title="Appeal received">
        <div className="usa-alert usa-alert--success" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              Your appeal reference is <strong data-testid="appeal-reference">{done.reference}</strong>. Keep it: it is the only way to look the appeal up.
            </p>
          </div>
        </div>
        <p>
          A moderator other than the one who made the decision will look at it. <Link to={`/public/appeals/${encodeURIComponent(done.reference)}`}>See the status of your appeal</Link>.
        </p>
      </Page>
    );
  }

  const err = send.error;
  return (
    <Page title="Appeal a moderation decision" lead="If the City hid or removed your comment, or denied you access to a City platform, you may ask for the decision to be looked at again. You do not need an account.">
      <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} aria-label="Appeal">
        <ErrorAlert error={err} />
        <SelectField
          id="appeal-subject"
          label="What are you appealing?"
          value={subject}
          onChange={setSubject}
          options={[
            { value: 'comment', label: 'A hidden or removed comment' },
            { value: 'ban', label: 'Being denied access (a ban)' },
          ]}
        />
        <TextField id="appeal-reference" label="Reference from the City's notice" required value={reference} onChange={setReference} maxLength={100} error={err?.fieldError(subject === 'ban' ? 'banId' : 'commentId')} />
        <TextField id="appeal-name" label="Your name" required value={name} onChange={setName} maxLength={200} autoComplete="name" error={err?.fieldError('name')} />
        <TextField id="appeal-contact" label="Email or phone number" hint="So the City can answer you. It is not shown to anyone but City staff." required value={contact} onChange={setContact} maxLength={200} error={err?.fieldError('contact')} />
        <TextAreaField id="appeal-statement" label="Why should the decision change?" hint="Between 10 and 5,000 characters." required value={statement} onChange={setStatement} rows={6} error={err?.fieldError('statement')} />
        <button type="submit" className="usa-button" disabled={send.pending}>
          Send appeal
        </button>
      </form>
      <p className="margin-top-4">
        Read the <Link to="/public/comment-policy">public comment policy</Link>. Already appealed? Look it up with your reference at /public/appeals/<em>reference</em>.
      </p>
    </Page>
  );
}
