import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useSession } from '../../api/session.tsx';
import { useApi } from '../../api/useApi.ts';
import { unwrap } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { FindingsList } from './FindingsList.tsx';
import { PostActions } from './PostActions.tsx';
import { Timeline } from './Timeline.tsx';
import { postStatusLabel, type Post } from './types.ts';

/** One post: where it is in the workflow, who decided what, its findings and where it was published. */
export function PostDetailPage() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const { data, error, loading, reload } = useApi<unknown>(`/api/posts/${encodeURIComponent(id)}`);
  const post = unwrap<Post>(data, 'post');
  const [message, setMessage] = useState<string | null>(null);
  const notice = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (message) notice.current?.focus();
  }, [message]);

  if (loading && !post) return <Loading />;
  if (!post) {
    return (
      <Page title="Post">
        <ErrorAlert error={error} />
      </Page>
    );
  }
  const platformName = (pid: string) => post.targets.find((t) => t.platformId === pid)?.platformName ?? pid;

  return (
    <Page title={post.title}>
      <p>
        <Link to="/posts">All posts</Link>
      </p>
      <p>
        <StatusTag status={post.status} label={postStatusLabel(post.status)} /> <span className="text-base">Version {post.version}</span>
        {post.emergency && <span className="usa-tag crier-tag--error margin-left-1">Emergency (IV.A.5)</span>}
      </p>
      <div ref={notice} tabIndex={-1} data-testid="post-notice">
        {message && (
          <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{message}</p>
            </div>
          </div>
        )}
      </div>
      <ErrorAlert error={error} />

      <Section title="Actions" id="post-actions">
        <PostActions
          post={post}
          me={session.person?.id}
          onDone={(m) => {
            setMessage(m);
            reload();
          }}
        />
      </Section>

      <Section title="Progress" id="post-timeline">
        <Timeline post={post} />
      </Section>

      <Section title="Text" id="post-text">
        <dl className="crier-dl">
          <dt>Author</dt>
          <dd>{post.authorName ?? '—'}</dd>
          <dt>Department</dt>
          <dd>{post.departmentName ?? (post.departmentId ? post.departmentId : 'City')}</dd>
          <dt>Text</dt>
          <dd data-testid="post-body">{post.body}</dd>
          {post.link && (
            <>
              <dt>Link</dt>
              <dd>
                <a href={post.link}>{post.link}</a>
              </dd>
            </>
          )}
          <dt>Platforms</dt>
          <dd>
            <ul className="usa-list">
              {post.targets.map((t) => (
                <li key={t.platformId}>
                  <Link to={`/platforms/${t.platformId}`}>{t.platformName}</Link>
                  {t.text ? `: “${t.text}”` : ''}
                </li>
              ))}
            </ul>
          </dd>
          <dt>Publish at</dt>
          <dd>{post.scheduledFor ? formatDateTime(post.scheduledFor) : 'As soon as it is approved and reviewed'}</dd>
          {post.emergency && (
            <>
              <dt>Emergency release</dt>
              <dd>
                <a href={post.emergency.releaseUrl}>{post.emergency.releaseUrl}</a>, released {formatDateTime(post.emergency.releasedAt)} ({post.emergency.system})
              </dd>
            </>
          )}
          {post.direction && (
            <>
              <dt>Directed by the City Manager</dt>
              <dd>{post.direction.reason}</dd>
            </>
          )}
          {post.override && (
            <>
              <dt>Findings overridden (version {post.override.version})</dt>
              <dd>{post.override.reason}</dd>
            </>
          )}
          {post.removed && (
            <>
              <dt>Removed</dt>
              <dd>
                {formatDateTime(post.removed.at)}: {post.removed.reason}
              </dd>
            </>
          )}
        </dl>
      </Section>

      <Section title="Findings" id="post-findings">
        <FindingsList findings={post.findings} headingLevel={2} idPrefix="post-findings" platformName={platformName} />
      </Section>

      <Section title="Approvals" id="post-approvals">
        {post.approvals.length === 0 ? (
          <p>No decisions yet.</p>
        ) : (
          <TableScroll label="Approvals">
            <table className="usa-table usa-table--borderless crier-table" data-testid="approvals-table">
              <caption>Decisions on this post, newest last</caption>
              <thead>
                <tr>
                  <th scope="col">Stage</th>
                  <th scope="col">Decision</th>
                  <th scope="col">By</th>
                  <th scope="col">When</th>
                  <th scope="col">Comment</th>
                </tr>
              </thead>
              <tbody>
                {post.approvals.map((a) => (
                  <tr key={a.id} data-stage={a.stage}>
                    <th scope="row">{a.stage === 'department' ? 'Department approval (IV.C.5)' : 'IT review (IV.A.17)'}</th>
                    <td>
                      <StatusTag status={a.decision} subject="count" label={a.decision} />
                      {a.voided && <span className="text-base"> (voided by a later edit; version {a.version})</span>}
                    </td>
                    <td>{a.decidedByName ?? a.decidedBy}</td>
                    <td>{formatDateTime(a.decidedAt)}</td>
                    <td>{a.comment ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>

      <Section title="Publications" id="post-publications">
        {post.publications.length === 0 ? (
          <p>Not scheduled yet: it is queued for each platform once the IT Manager has reviewed it.</p>
        ) : (
          <TableScroll label="Publications">
            <table className="usa-table usa-table--borderless crier-table" data-testid="publications-table">
              <caption>Where the post goes out</caption>
              <thead>
                <tr>
                  <th scope="col">Platform</th>
                  <th scope="col">State</th>
                  <th scope="col">Due</th>
                  <th scope="col">Published</th>
                  <th scope="col">Link</th>
                </tr>
              </thead>
              <tbody>
                {post.publications.map((p) => (
                  <tr key={p.id} data-publication-status={p.status}>
                    <th scope="row">{p.platformName ?? platformName(p.platformId)}</th>
                    <td>
                      <StatusTag status={p.status} subject="count" />
                      {p.lastError && <span className="text-base"> {p.lastError}</span>}
                    </td>
                    <td>{formatDateTime(p.dueAt)}</td>
                    <td>{formatDateTime(p.publishedAt)}</td>
                    <td>{p.remoteUrl ? <a href={p.remoteUrl}>View on {p.platformName ?? 'the platform'}</a> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>
    </Page>
  );
}
