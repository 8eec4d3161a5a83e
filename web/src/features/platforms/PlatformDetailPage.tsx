import { useParams } from 'react-router-dom';
import { useApi } from '../../api/useApi.ts';
import { unwrap, type Platform } from '../../api/types.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatDateTime, platformStatusLabel } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { AdminsPanel } from './AdminsPanel.tsx';
import { AppsPanel } from './AppsPanel.tsx';
import { CommentsToggle } from './CommentsToggle.tsx';
import { LifecycleActions } from './LifecycleActions.tsx';
import { LifecycleStepper } from './LifecycleStepper.tsx';
import { ProfileChecklist } from './ProfileChecklist.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { ProfileSnapshotPanel } from './ProfileSnapshotPanel.tsx';
import { useConnectors } from './useConnectors.ts';
import { CredentialsPanel } from '../vault/CredentialsPanel.tsx';

export function PlatformDetailPage() {
  const { id = '' } = useParams();
  const res = useApi<unknown>(`/api/platforms/${encodeURIComponent(id)}`);
  const { label } = useConnectors();
  const p = unwrap<Platform>(res.data, 'platform');

  if (res.loading && !p) return <Loading />;
  if (!p) {
    return (
      <Page title="Platform">
        <ErrorAlert error={res.error} />
      </Page>
    );
  }
  const closed = p.status === 'terminated' || p.status === 'rejected';
  return (
    <Page title={p.name}>
      <p>
        <StatusTag status={p.status} label={platformStatusLabel(p.status)} /> {label(p.type)}
        {p.handle ? ` · ${p.handle}` : ''} · {p.departmentName ?? (p.departmentId ? 'Department platform' : 'City platform')}
      </p>
      <ErrorAlert error={res.error} />

      <Section title="Lifecycle" id="lifecycle">
        <LifecycleStepper status={p.status} />
        <dl className="crier-summary">
          <dt>Purpose</dt>
          <dd>{p.purpose}</dd>
          <dt>Requested</dt>
          <dd>{formatDateTime(p.requestedAt)}</dd>
          {p.itReviewedAt && (
            <>
              <dt>IT review</dt>
              <dd>
                {formatDateTime(p.itReviewedAt)}
                {p.itReviewNotes ? ` — ${p.itReviewNotes}` : ''}
              </dd>
            </>
          )}
          {p.councilApprovedOn && (
            <>
              <dt>Council approval</dt>
              <dd>
                {formatDate(p.councilApprovedOn)}, agenda item {p.councilAgendaItem}
              </dd>
            </>
          )}
          {p.activatedAt && (
            <>
              <dt>Activated</dt>
              <dd>{formatDateTime(p.activatedAt)}</dd>
            </>
          )}
          {p.terminatedAt && (
            <>
              <dt>Terminated</dt>
              <dd>
                {formatDateTime(p.terminatedAt)} — {p.terminationReason}
              </dd>
            </>
          )}
        </dl>
        {p.status === 'rejected' && <p>IT rejected this request{p.itReviewNotes ? `: ${p.itReviewNotes}` : ''}.</p>}
        <LifecycleActions platform={p} onChange={res.reload} />
      </Section>

      <Section title="Profile checklist" id="checklist">
        {p.canRemovePosts !== undefined && (
          <p data-testid="can-remove-posts">
            {p.canRemovePosts
              ? "This platform's connector can remove posts (IV.C.15(i)(vi))."
              : "This platform's connector cannot remove posts, so the platform cannot be activated (IV.C.15(i)(vi))."}
          </p>
        )}
        <ProfileChecklist platform={p} />
      </Section>

      {!closed && may(p.abilities, 'platform.edit_profile') && (
        <Section title="Edit profile" id="profile">
          <ProfileForm key={p.id} platform={p} onSaved={res.reload} />
        </Section>
      )}

      {may(p.abilities, 'platform.edit_profile') && (
        <Section title="Profile records" id="profile-records">
          <ProfileSnapshotPanel platform={p} />
        </Section>
      )}

      <Section title="Public comments" id="comments">
        <CommentsToggle platform={p} onChange={res.reload} />
      </Section>

      <Section title="Administrators" id="admins">
        <AdminsPanel platform={p} onChange={res.reload} />
      </Section>

      <CredentialsPanel platformId={p.id} closed={closed} />

      <Section title="Third-party applications" id="apps">
        <AppsPanel platformId={p.id} />
      </Section>
    </Page>
  );
}
