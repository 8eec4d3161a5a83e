import { useCallback, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { LegislativeActivity } from './LegislativeActivity.tsx';
import { usePlatforms } from './shared.ts';

interface Account {
  id: string;
  personName: string;
  platformName: string;
  handle: string;
  createdByName: string | null;
  createdAt: string;
  removedAt: string | null;
}

function Register({ onDone }: { onDone: () => void }) {
  const members = useApi<{ members: { id: string; name: string }[] }>('/api/legislative-accounts/members');
  const platforms = usePlatforms();
  const [f, setF] = useState({ personId: '', platformId: '', handle: '' });
  const save = useMutation(useCallback((body: object) => api.post('/api/legislative-accounts', body), []));
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await save.run(f)) {
      setF({ personId: '', platformId: '', handle: '' });
      onDone();
    }
  }
  const err = save.error;
  return (
    <form className="usa-form" onSubmit={(e) => void submit(e)} aria-label="Register a member's account">
      <ErrorAlert error={err} />
      <SelectField id="leg-person" label="Member" required value={f.personId} onChange={set('personId')} options={(members.data?.members ?? []).map((m) => ({ value: m.id, label: m.name }))} placeholder="- Select -" error={err?.fieldError('personId')} />
      <SelectField id="leg-platform" label="Platform" required value={f.platformId} onChange={set('platformId')} options={platforms} placeholder="- Select -" error={err?.fieldError('platformId')} />
      <TextField id="leg-handle" label="Handle on the platform" required value={f.handle} onChange={set('handle')} maxLength={200} error={err?.fieldError('handle')} />
      <button type="submit" className="usa-button">
        Register account
      </button>
    </form>
  );
}

/** Brown Act guard (IV.B): known accounts of legislative body members; their comments on City platforms are flagged. */
export function LegislativeAccountsPage() {
  const res = useApi<{ accounts: Account[]; abilities: Record<string, boolean> }>('/api/legislative-accounts');
  const remove = useMutation(useCallback((id: string) => api.post(`/api/legislative-accounts/${encodeURIComponent(id)}/remove`, { reason: 'Removed from the register by the City Clerk' }), []));
  const accounts = res.data?.accounts ?? [];
  return (
    <Page title="Legislative body members' accounts" lead="Members of the City's legislative bodies may not respond to or participate in postings on City social media (IV.B). Comments and reactions from the accounts registered here, and their responses to one another, are flagged and logged.">
      {res.data && may(res.data.abilities, 'legislative_account.register') && (
        <Section title="Register an account" id="register">
          <Register onDone={res.reload} />
        </Section>
      )}
      <Section title="Registered accounts" id="accounts">
        {res.loading && !res.data && <Loading />}
        <ErrorAlert error={res.error ?? remove.error} />
        {res.data && (
          <TableScroll label="Registered accounts">
            <table className="usa-table usa-table--borderless crier-table">
              <caption>
                {accounts.length} registered account{accounts.length === 1 ? '' : 's'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Platform</th>
                  <th scope="col">Handle</th>
                  <th scope="col">Registered</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.personName}</th>
                    <td>{a.platformName}</td>
                    <td>{a.handle}</td>
                    <td>
                      {formatDateTime(a.createdAt)} by {a.createdByName ?? 'system'}
                    </td>
                    <td>
                      {may(res.data?.abilities, 'legislative_account.remove') ? (
                        <button type="button" className="usa-button usa-button--unstyled" disabled={remove.pending} onClick={() => void remove.run(a.id).then((r) => r && res.reload())}>
                          Remove<span className="usa-sr-only"> {a.handle} on {a.platformName}</span>
                        </button>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>
      <Section title="Reactions and responses flagged" id="activity">
        <LegislativeActivity />
      </Section>
    </Page>
  );
}
