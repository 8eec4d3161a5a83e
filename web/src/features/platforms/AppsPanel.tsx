import { useState, type FormEvent } from 'react';
import { api, qs } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import { listOf, type Abilities, type Platform, type ThirdPartyApp } from '../../api/types.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { Loading } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

/** The third-party application register: each approved by the IT Manager, removable by IT (IV.C.15(i)(iv)). */
export function AppsPanel({ platformId, platforms, headingLevel = 3 }: { platformId?: string; platforms?: Platform[]; headingLevel?: 2 | 3 }) {
  const apps = useApi<unknown>(`/api/apps${qs({ platformId })}`);
  const list = listOf<ThirdPartyApp>(apps.data, 'apps');
  const abilities = (apps.data as { abilities?: Abilities } | undefined)?.abilities;
  const names = new Map((platforms ?? []).map((p) => [p.id, p.name]));
  const H = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <>
      {apps.loading && apps.data === undefined && <Loading />}
      <ErrorAlert error={apps.error} />
      {apps.data !== undefined &&
        (list.length === 0 ? (
          <p>No third-party applications registered.</p>
        ) : (
          <TableScroll label="Application list">
          <table className="usa-table usa-table--borderless crier-table" data-testid="apps-table">
            <caption>Third-party applications</caption>
            <thead>
              <tr>
                <th scope="col">Application</th>
                <th scope="col">Vendor</th>
                {!platformId && <th scope="col">Platform</th>}
                <th scope="col">Purpose</th>
                <th scope="col">State</th>
                <th scope="col">IT decision</th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <AppRow key={a.id} app={a} showPlatform={!platformId} platformName={a.platformId ? (names.get(a.platformId) ?? a.platformId) : 'All platforms'} onChange={apps.reload} />
              ))}
            </tbody>
          </table>
          </TableScroll>
        ))}
      {may(abilities, 'app.propose') && (
        <>
          <H>Propose an application</H>
          <ProposeAppForm platformId={platformId} platforms={platforms} onDone={apps.reload} />
        </>
      )}
    </>
  );
}

function AppRow({ app, showPlatform, platformName, onChange }: { app: ThirdPartyApp; showPlatform: boolean; platformName: string; onChange: () => void }) {
  const [note, setNote] = useState('');
  const decide = useMutation((decision: 'approve' | 'reject') => api.post<unknown>(`/api/apps/${encodeURIComponent(app.id)}/decision`, { decision, note: note.trim() || null }));
  const canDecide = app.status === 'proposed' && may(app.abilities, 'app.decide');
  const canRemove = app.status === 'approved' && app.abilities?.['app.remove'] === true;
  const go = (d: 'approve' | 'reject') => void decide.run(d).then((r) => r !== undefined && onChange());
  return (
    <tr>
      <th scope="row">{app.name}</th>
      <td>{app.vendor}</td>
      {showPlatform && <td>{platformName}</td>}
      <td>{app.purpose}</td>
      <td>
        <StatusTag status={app.status} subject="app" />
      </td>
      <td>
        {app.decisionNote && <p className="margin-top-0">{app.decisionNote}</p>}
        {canDecide && (
          <div>
            <ErrorAlert error={decide.error} />
            <TextField id={`app-${app.id}-note`} label={`Decision note for ${app.name}`} value={note} onChange={setNote} />
            <div className="crier-actions">
              <button type="button" className="usa-button" disabled={decide.pending} onClick={() => go('approve')}>
                Approve {app.name}
              </button>
              <button type="button" className="usa-button usa-button--secondary" disabled={decide.pending} onClick={() => go('reject')}>
                Reject {app.name}
              </button>
            </div>
          </div>
        )}
        {canRemove && <RemoveApp app={app} onChange={onChange} />}
      </td>
    </tr>
  );
}

const GROUNDS = [
  { value: 'security_breach', label: 'Security breach' },
  { value: 'virus', label: 'Virus' },
  { value: 'performance', label: 'Performance' },
];

/** IV.C.15(i)(iv): IT may remove an application for a security breach, a virus or performance. */
function RemoveApp({ app, onChange }: { app: ThirdPartyApp; onChange: () => void }) {
  const [reason, setReason] = useState('security_breach');
  const [detail, setDetail] = useState('');
  const remove = useMutation(() => api.post<unknown>(`/api/apps/${encodeURIComponent(app.id)}/remove`, { reason, detail: detail.trim() || null }));
  return (
    <div>
      <ErrorAlert error={remove.error} />
      <SelectField id={`app-${app.id}-removal-reason`} label={`Ground for removing ${app.name}`} value={reason} onChange={setReason} options={GROUNDS} />
      <TextField id={`app-${app.id}-removal-detail`} label="Details" value={detail} onChange={setDetail} />
      <button type="button" className="usa-button usa-button--secondary margin-top-1" disabled={remove.pending} onClick={() => void remove.run().then((r) => r !== undefined && onChange())}>
        Remove {app.name}
      </button>
    </div>
  );
}

function ProposeAppForm({ platformId, platforms, onDone }: { platformId?: string; platforms?: Platform[]; onDone: () => void }) {
  const [name, setName] = useState('');
  const [vendor, setVendor] = useState('');
  const [purpose, setPurpose] = useState('');
  const [target, setTarget] = useState(platformId ?? '');
  const propose = useMutation((body: unknown) => api.post<unknown>('/api/apps', body));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await propose.run({ platformId: (platformId ?? target) || null, name: name.trim(), vendor: vendor.trim(), purpose: purpose.trim() });
    if (r !== undefined) {
      setName('');
      setVendor('');
      setPurpose('');
      onDone();
    }
  }

  const err = (f: string) => propose.error?.fieldError(f);
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-label="Propose an application">
      <ErrorAlert error={propose.error} />
      <TextField id="app-name" label="Application name" value={name} onChange={setName} required error={err('name')} />
      <TextField id="app-vendor" label="Vendor" value={vendor} onChange={setVendor} required error={err('vendor')} />
      <TextAreaField id="app-purpose" label="What it is used for" value={purpose} onChange={setPurpose} required error={err('purpose')} />
      {!platformId && platforms && (
        <SelectField id="app-platform" label="Platform" value={target} onChange={setTarget} placeholder="All platforms" options={platforms.map((p) => ({ value: p.id, label: p.name }))} error={err('platformId')} />
      )}
      <button type="submit" className="usa-button margin-top-3" disabled={propose.pending}>
        Propose application
      </button>
    </form>
  );
}
