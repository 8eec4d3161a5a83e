import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { AUTH } from '../../api/auth.ts';
import { useMutation } from '../../api/useApi.ts';
import { useSession } from '../../api/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Fields.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { TotpEnrollStep } from './TotpEnrollStep.tsx';
import { TotpStep } from './TotpStep.tsx';

/** Where to go after signing in: the page that sent us here, if it is one of ours. */
export function useReturnTo(): string {
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/sign-in') ? from : '/';
}

export function SignInPage() {
  const { session, loading } = useSession();
  const returnTo = useReturnTo();
  if (loading) return <Loading />;
  // A session waiting for its second factor is not yet authenticated (the server says pending).
  if (session.mfa.pending) {
    return session.mfa.enrolled ? <TotpStep /> : <TotpEnrollStep />;
  }
  if (session.authenticated) return <Navigate to={returnTo} replace />;
  return <PasswordStep returnTo={returnTo} />;
}

function PasswordStep({ returnTo }: { returnTo: string }) {
  const { session, refresh } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation(AUTH.login);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await login.run(email.trim(), password);
    if (ok !== undefined) await refresh();
  }

  return (
    <Page title="Sign in">
      <p>Sign in with your City account to manage the City's official social media.</p>
      <ErrorAlert error={login.error} heading="Sign-in failed" />
      <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-label="Sign in">
        <fieldset className="usa-fieldset">
          <TextField id="email" label="Email" type="email" autoComplete="username" value={email} onChange={setEmail} required error={login.error?.fieldError('email')} />
          <TextField id="password" label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} required error={login.error?.fieldError('password')} />
          <button type="submit" className="usa-button margin-top-3" disabled={login.pending}>
            {login.pending ? 'Signing in…' : 'Sign in'}
          </button>
        </fieldset>
      </form>
      {session.oidc.enabled && (
        <div className="margin-top-4">
          <p>Or use your organisation's single sign-on:</p>
          <a className="usa-button usa-button--outline" href={AUTH.oidcStart(returnTo)}>
            Sign in with {session.oidc.label || 'single sign-on'}
          </a>
        </div>
      )}
    </Page>
  );
}
