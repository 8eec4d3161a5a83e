import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { useMutation } from '../../api/useApi.ts';
import { roleLabel } from '../../components/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Fields.tsx';
import { Page, Section } from '../../components/Page.tsx';

/** The signed-in person's account: who they are, their roles, and changing their password (IV.C.15(i)(i): complex passwords). */
export function AccountPage() {
  const { session } = useSession();
  const me = session.person;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const change = useMutation((body: unknown) => api.post<unknown>('/api/auth/password', body));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (next !== confirm) {
      setMismatch('The two new passwords differ.');
      return;
    }
    setMismatch(undefined);
    const r = await change.run({ currentPassword: current, newPassword: next });
    if (r !== undefined) {
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
    }
  }

  const err = (e: ApiError | undefined, ...names: string[]) => names.map((n) => e?.fieldError(n)).find(Boolean);
  return (
    <Page title="Your account">
      {me && (
        <dl className="crier-summary">
          <dt>Name</dt>
          <dd>{me.name}</dd>
          <dt>Email</dt>
          <dd>{me.email}</dd>
          <dt>Roles</dt>
          <dd>{[...new Set(session.roles.map((r) => roleLabel(r.role) + (r.designeeOf ? ' (designee)' : '')))].join(', ') || '—'}</dd>
          <dt>Second factor</dt>
          <dd>{session.mfa.enrolled ? 'Authenticator app set up' : session.mfa.required ? 'Required for your role' : 'Not required for your role'}</dd>
        </dl>
      )}
      {me && (
        <p>
          <Link to={`/people/${me.id}`}>Your record: authorization, acknowledgement and training</Link>
        </p>
      )}
      <Section title="Change your password" id="password">
        {done && (
          <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
            <div className="usa-alert__body">
              <p className="usa-alert__text">Password changed. Your other sessions were signed out.</p>
            </div>
          </div>
        )}
        <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-label="Change your password">
          <ErrorAlert error={change.error} />
          <TextField id="current-password" label="Current password" type="password" autoComplete="current-password" value={current} onChange={setCurrent} required error={err(change.error, 'currentPassword')} />
          <TextField
            id="new-password"
            label="New password"
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={setNext}
            required
            hint="At least 12 characters; a passphrase of a few words works well."
            error={err(change.error, 'newPassword', 'password')}
          />
          <TextField id="confirm-password" label="Confirm password" type="password" autoComplete="new-password" value={confirm} onChange={setConfirm} required error={mismatch} />
          <button type="submit" className="usa-button margin-top-3" disabled={change.pending}>
            Change password
          </button>
        </form>
      </Section>
    </Page>
  );
}
