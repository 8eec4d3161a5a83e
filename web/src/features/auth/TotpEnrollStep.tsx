import { useEffect, useRef, useState, type FormEvent } from 'react';
import { AUTH, qrOf, type TotpEnrollment } from '../../api/auth.ts';
import { useMutation } from '../../api/useApi.ts';
import { useSession } from '../../api/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Fields.tsx';
import { Loading, Page } from '../../components/Page.tsx';

/**
 * TOTP enrollment for roles that require it: scan the QR code (a data: URL image) or type the
 * secret into an authenticator app, then confirm with a code.
 */
export function TotpEnrollStep() {
  const { refresh, signOut } = useSession();
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const start = useMutation(AUTH.startEnrollment);
  const confirm = useMutation(AUTH.confirmEnrollment);
  const [code, setCode] = useState('');
  const { run: startRun } = start;
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void startRun().then((e) => {
      if (e) setEnrollment(e);
    });
  }, [startRun]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await confirm.run(code.replace(/\s+/g, ''));
    if (r !== undefined) await refresh();
  }

  const qr = enrollment ? qrOf(enrollment) : null;
  return (
    <Page title="Set up your authenticator app">
      <p>Your role requires a second factor (a time-based one-time code). Set it up once; you will be asked for a code each time you sign in.</p>
      <ErrorAlert error={start.error} />
      {!enrollment && !start.error && <Loading what="Preparing your code" />}
      {enrollment && (
        <>
          <ol className="usa-process-list">
            <li className="usa-process-list__item">
              <h2 className="usa-process-list__heading">Scan the QR code</h2>
              <p>Use an authenticator app (for example Microsoft Authenticator or Google Authenticator).</p>
              {qr && <img src={qr} alt="QR code to add Crier to your authenticator app" className="crier-qr" width={200} height={200} />}
            </li>
            <li className="usa-process-list__item">
              <h2 className="usa-process-list__heading">Or type the secret</h2>
              <p>
                Secret: <code className="crier-secret" data-testid="totp-secret">{enrollment.secret}</code>
              </p>
            </li>
            <li className="usa-process-list__item">
              <h2 className="usa-process-list__heading">Enter a code to confirm</h2>
              <ErrorAlert error={confirm.error} heading="That code did not work" />
              <form className="usa-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Confirm authenticator">
                <TextField
                  id="totp-enroll-code"
                  label="Authentication code"
                  hint="Six digits from the app"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={8}
                  value={code}
                  onChange={setCode}
                  required
                  error={confirm.error?.fieldError('code')}
                />
                <button type="submit" className="usa-button margin-top-3" disabled={confirm.pending}>
                  Confirm and continue
                </button>
              </form>
            </li>
          </ol>
        </>
      )}
      <button type="button" className="usa-button usa-button--unstyled margin-top-3" onClick={() => void signOut()}>
        Cancel and sign out
      </button>
    </Page>
  );
}
