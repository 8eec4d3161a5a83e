import { useCallback, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useMutation } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextAreaField, TextField } from '../../components/Fields.tsx';

interface Submitted {
  submitted: { secretIds: string[]; replaced: number; rotationsCompleted: number };
  mail: { status: string; recipients: string[] } | null;
}

/** Submit or replace a platform's credentials (IV.A.14, IV.C.2); passwords must be complex (IV.C.15(i)(i)). */
export function CredentialForm({ platformId, onSaved }: { platformId: string; onSaved: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState('');
  const [tokenName, setTokenName] = useState('');
  const [token, setToken] = useState('');
  const [tokenExpires, setTokenExpires] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation(useCallback((body: unknown) => api.post<Submitted>(`/api/vault/platforms/${encodeURIComponent(platformId)}/credentials`, body), [platformId]));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const recoveryCodes = codes.split('\n').map((c) => c.trim()).filter(Boolean);
    const body = {
      ...(username.trim() ? { username: username.trim() } : {}),
      ...(password ? { password } : {}),
      ...(recoveryCodes.length ? { recoveryCodes } : {}),
      ...(tokenName.trim() || token ? { apiTokens: [{ name: tokenName.trim(), token, ...(tokenExpires ? { expiresAt: tokenExpires } : {}) }] } : {}),
    };
    const r = await save.run(body);
    if (r) {
      setUsername('');
      setPassword('');
      setCodes('');
      setTokenName('');
      setToken('');
      setTokenExpires('');
      const n = r.submitted.secretIds.length;
      setDone(`Stored ${n} item${n === 1 ? '' : 's'}${r.submitted.replaced ? `, replacing ${r.submitted.replaced}` : ''}${r.submitted.rotationsCompleted ? `; ${r.submitted.rotationsCompleted} rotation task${r.submitted.rotationsCompleted === 1 ? '' : 's'} completed` : ''}.`);
      onSaved();
    }
  }

  const err = save.error;
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} autoComplete="off" data-testid="credential-form">
      <ErrorAlert error={err} />
      {done && (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{done}</p>
          </div>
        </div>
      )}
      <p className="usa-hint">Fill in only what you are submitting or replacing. Values are encrypted and held by the IT Manager's Office.</p>
      <TextField id="credential-username" label="Username" value={username} onChange={setUsername} autoComplete="off" maxLength={320} error={err?.fieldError('username')} />
      <TextField
        id="credential-password"
        label="Password"
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        maxLength={256}
        hint="Must be complex: long, not common, not breached (IV.C.15(i)(i))."
        error={err?.fieldError('password')}
      />
      <TextAreaField id="credential-recovery-codes" label="Recovery codes (one per line)" value={codes} onChange={setCodes} rows={4} error={err?.fieldError('recoveryCodes')} />
      <TextField id="credential-token-name" label="API token name" value={tokenName} onChange={setTokenName} maxLength={100} error={err?.fieldError('name')} />
      <TextField id="credential-token" label="API token" type="password" value={token} onChange={setToken} autoComplete="off" maxLength={8192} error={err?.fieldError('token')} />
      <TextField id="credential-token-expires" label="Token expires on" type="date" value={tokenExpires} onChange={setTokenExpires} error={err?.fieldError('expiresAt')} />
      <button type="submit" className="usa-button" disabled={save.pending}>
        Submit credentials
      </button>
    </form>
  );
}
