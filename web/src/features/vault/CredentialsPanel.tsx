import { useApi } from '../../api/useApi.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Loading, Section } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { CredentialForm } from './CredentialForm.tsx';
import { RevealSecret } from './RevealSecret.tsx';
import { kindLabel, type PlatformCredentials } from './types.ts';

/** The platform detail page's "Credentials" section; hidden from people who may not see the vault. */
export function CredentialsPanel({ platformId, closed }: { platformId: string; closed: boolean }) {
  const res = useApi<PlatformCredentials>(`/api/vault/platforms/${encodeURIComponent(platformId)}/credentials`);
  if (res.error?.status === 403 || res.error?.status === 401) return null;
  const d = res.data;
  return (
    <Section title="Credentials" id="credentials">
      {res.loading && !d && <Loading what="Loading credentials" />}
      <ErrorAlert error={res.error} />
      {d && (
        <>
          {d.missing.length > 0 && (
            <p data-testid="credentials-missing">
              Not yet held: {d.missing.map(kindLabel).join(', ')} (IV.C.2).
            </p>
          )}
          {d.openRotations > 0 && (
            <p>
              {d.openRotations} open rotation task{d.openRotations === 1 ? '' : 's'}: submit new credentials to complete {d.openRotations === 1 ? 'it' : 'them'}.
            </p>
          )}
          <TableScroll label="Stored credentials">
            <table className="usa-table usa-table--borderless crier-table" data-testid="credentials-table">
              <caption>Stored credentials ({d.credentials.length}); values are never shown here</caption>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Name</th>
                  <th scope="col">Submitted by</th>
                  <th scope="col">Submitted</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {d.credentials.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{kindLabel(c.kind)}</th>
                    <td>{c.name}</td>
                    <td>{c.submittedByName ?? c.submittedBy ?? '—'}</td>
                    <td>{formatDateTime(c.submittedAt)}</td>
                    <td>{c.expiresAt ? `${formatDate(c.expiresAt)}${c.expired ? ' (expired)' : ''}` : '—'}</td>
                    <td>{c.status === 'current' && may(c.abilities, 'credential.reveal') ? <RevealSecret credential={c} /> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {!closed && may(d.abilities, 'credential.submit') && (
            <>
              <h3>Submit or replace credentials</h3>
              <CredentialForm platformId={platformId} onSaved={res.reload} />
            </>
          )}
        </>
      )}
    </Section>
  );
}
