import { useState, type FormEvent } from 'react';
import { AUTH } from '../../api/auth.ts';
import { useMutation } from '../../api/useApi.ts';
import { useSession } from '../../api/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Fields.tsx';
import { Page } from '../../components/Page.tsx';

/** Second factor: the six-digit code from the person's authenticator app. */
export function TotpStep() {
  const { refresh, signOut } = useSession();
  const [code, setCode] = useState('');
  const verify = useMutation(AUTH.verifyTotp);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await verify.run(code.replace(/\s+/g, ''));
    if (r !== undefined) await refresh();
  }

  return (
    <Page title="Enter your authentication code">
      <p>Your role requires a second factor. Open your authenticator app and enter the six-digit code for Crier.</p>
      <ErrorAlert error={verify.error} heading="That code did not work" />
      <form className="usa-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Authentication code">
        <TextField
          id="totp-code"
          label="Authentication code"
          hint="Six digits, e.g. 123456"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          value={code}
          onChange={setCode}
          required
          error={verify.error?.fieldError('code')}
        />
        <button type="submit" className="usa-button margin-top-3" disabled={verify.pending}>
          Verify
        </button>
        <button type="button" className="usa-button usa-button--unstyled margin-top-3 margin-left-2" onClick={() => void signOut()}>
          Cancel and sign out
        </button>
      </form>
    </Page>
  );
}
