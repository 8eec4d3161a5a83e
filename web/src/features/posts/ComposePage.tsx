import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useSession } from '../../api/session.tsx';
import { useApi, useMutation } from '../../api/useApi.ts';
import { listOf, unwrap, type AuthorizationResult, type Platform } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextAreaField, TextField } from '../../components/Fields.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { AttachmentPicker } from '../attachments/AttachmentPicker.tsx';
import { POSTS } from './api.ts';
import { ScheduleFields, type ScheduleDraft } from './ComposeFields.tsx';
import { FindingsList } from './FindingsList.tsx';
import { cityWallTime } from './limits.ts';
import { PreviewPanel } from './PreviewPanel.tsx';
import { TargetsFieldset, type TargetDraft } from './TargetsFieldset.tsx';
import { TemplateHint } from './TemplateHint.tsx';
import { typeLabel } from './labels.ts';
import type { ComposeInput, Post } from './types.ts';
import { useLiveFindings } from './useLiveFindings.ts';

interface Problem {
  field: string;
  anchor: string;
  message: string;
}

/** Compose a post, or edit one (/posts/:id/edit): editor, live findings beside it, preview per platform. */
export function ComposePage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  // /posts/new?correctionOf=ID: a correction of a published post (IV.C.15(f)(v)), starting from its text.
  const correctionOf = id ? null : search.get('correctionOf');
  const source = id ?? correctionOf;
  const existing = useApi<unknown>(source ? `/api/posts/${encodeURIComponent(source)}` : null);
  const post = unwrap<Post>(existing.data, 'post');
  if (source && existing.loading && !post) return <Loading />;
  if (source && existing.error) {
    return (
      <Page title={id ? 'Edit post' : 'Correct a post'}>
        <ErrorAlert error={existing.error} />
      </Page>
    );
  }
  if (correctionOf && post) return <ComposeForm key={`correction-${post.id}`} post={undefined} correcting={post} />;
  return <ComposeForm key={post?.id ?? 'new'} post={id ? post : undefined} />;
}

function ComposeForm({ post, correcting }: { post: Post | undefined; correcting?: Post }) {
  const navigate = useNavigate();
  const { policy, session } = useSession();
  const zone = policy?.jurisdiction?.timeZone;
  const platformsApi = useApi<unknown>('/api/platforms');
  const active = listOf<Platform>(platformsApi.data, 'platforms').filter((p) => p.status === 'active');
  // Offer the platforms the author is authorized for (IV.A.2, IV.C.3); if that cannot be read, all active ones (the server decides).
  const me = session.person?.id;
  const authz = useApi<{ results?: AuthorizationResult[] }>(me ? `/api/people/${encodeURIComponent(me)}/authorization` : null);
  const allowed = authz.data?.results ? new Set(authz.data.results.filter((r) => r.authorized).map((r) => r.platformId)) : null;
  const kept = new Set((post ?? correcting)?.targets.map((t) => t.platformId) ?? []);
  const platforms = allowed ? active.filter((p) => allowed.has(p.id) || kept.has(p.id)) : active;
  const hidden = active.length - platforms.length;

  const start = post ?? correcting;
  const [title, setTitle] = useState(correcting ? `Correction: ${correcting.title}` : (post?.title ?? ''));
  const [body, setBody] = useState(start?.body ?? '');
  const [link, setLink] = useState(start?.link ?? '');
  const [targets, setTargets] = useState<TargetDraft[]>(start?.targets.map((t) => ({ platformId: t.platformId, text: t.text ?? '' })) ?? []);
  const [attachmentIds, setAttachmentIds] = useState<string[]>(post?.attachmentIds ?? []);
  const [schedule, setSchedule] = useState<ScheduleDraft>({
    scheduledFor: cityWallTime(post?.scheduledFor, zone),
    emergency: !!post?.emergency,
    releaseUrl: post?.emergency?.releaseUrl ?? '',
    releasedAt: cityWallTime(post?.emergency?.releasedAt, zone),
  });
  // Checked on save; once a save was refused, re-checked as the author fixes the fields.
  const [attempted, setAttempted] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const [focusTick, setFocusTick] = useState(0);

  const byId = new Map(platforms.map((p) => [p.id, p]));
  const live = useLiveFindings(
    body,
    targets.map((t) => ({ platformId: t.platformId, platformName: byId.get(t.platformId)?.name ?? t.platformId, platformType: byId.get(t.platformId)?.type ?? 'other', text: t.text.trim() ? t.text : null })),
    schedule.emergency,
    schedule.scheduledFor,
  );
  const blocks = live.findings.filter((f) => f.severity === 'block').length;

  const save = useMutation((input: ComposeInput) => (post ? POSTS.update(post.id, input) : POSTS.create(input)));

  // After a failed save, move focus to the summary so the reader hears what went wrong.
  useEffect(() => {
    if (focusTick > 0) summary.current?.focus();
  }, [focusTick]);

  const problems = attempted ? check() : [];
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message ?? save.error?.fieldError(field);

  function check(): Problem[] {
    const out: Problem[] = [];
    if (!title.trim()) out.push({ field: 'title', anchor: 'post-title', message: 'Give the post a title (the feed and the approvers see it)' });
    if (!body.trim()) out.push({ field: 'body', anchor: 'post-body', message: 'Write the text of the post' });
    if (targets.length === 0) out.push({ field: 'targets', anchor: 'targets', message: 'Choose at least one platform' });
    if (schedule.emergency && !schedule.releaseUrl.trim()) out.push({ field: 'releaseUrl', anchor: 'post-release-url', message: 'Give the URL of the emergency release (IV.A.5)' });
    if (schedule.emergency && !schedule.releasedAt) out.push({ field: 'releasedAt', anchor: 'post-released-at', message: 'Give the time of the emergency release (IV.A.5)' });
    return out;
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const found = check();
    setAttempted(true);
    if (found.length) {
      setFocusTick((n) => n + 1);
      return;
    }
    const saved = await save.run({
      title: title.trim(),
      body,
      link: link.trim() || null,
      targets: targets.map((t) => ({ platformId: t.platformId, text: t.text.trim() ? t.text : null })),
      attachmentIds,
      emergency: schedule.emergency ? { releaseUrl: schedule.releaseUrl.trim(), releasedAt: schedule.releasedAt } : null,
      scheduledFor: schedule.scheduledFor || null,
      ...(post?.correctionOf ? { correctionOf: post.correctionOf } : correcting ? { correctionOf: correcting.id } : {}),
    });
    if (saved) navigate(`/posts/${saved.id}`, { state: { saved: true } });
    else setFocusTick((n) => n + 1);
  }

  const editingApproved = post && post.status !== 'draft';

  return (
    <Page title={post ? `Edit post: ${post.title}` : correcting ? `Correct: ${correcting.title}` : 'Compose a post'}>
      {correcting && (
        <div className="usa-alert usa-alert--info usa-alert--slim" role="note">
          <div className="usa-alert__body">
            <p className="usa-alert__text">A correction goes through approval like any post; when it is published, the department head is told (IV.C.15(f)(v)).</p>
          </div>
        </div>
      )}
      <p>
        <Link to={post ? `/posts/${post.id}` : '/posts'}>{post ? 'Back to the post' : 'Back to posts'}</Link>
      </p>
      {editingApproved && (
        <div className="usa-alert usa-alert--warning usa-alert--slim" role="note">
          <div className="usa-alert__body">
            <p className="usa-alert__text">Saving a change voids its approvals: the post goes back to its department approver and the IT Manager (IV.C.5, IV.A.17).</p>
          </div>
        </div>
      )}
      <div ref={summary} tabIndex={-1} data-testid="compose-errors">
        {problems.length > 0 && (
          <div className="usa-alert usa-alert--error" role="alert">
            <div className="usa-alert__body">
              <h2 className="usa-alert__heading">There {problems.length === 1 ? 'is a problem' : `are ${problems.length} problems`} with the post</h2>
              <ul className="usa-list">
                {problems.map((p) => (
                  <li key={p.field}>
                    <a href={`#${p.anchor}`}>{p.message}</a>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        )}
        <ErrorAlert error={save.error} />
      </div>
      <div className="grid-row grid-gap-4">
        <form className="tablet:grid-col-7 crier-compose" onSubmit={onSubmit} noValidate aria-label="Post">
          <TextField id="post-title" label="Title" required value={title} onChange={setTitle} error={errorOf('title')} maxLength={200} hint="Shown to approvers and as the feed entry's title." />
          <TextAreaField id="post-body" label="Post text" required rows={6} value={body} onChange={setBody} error={errorOf('body')} hint="Findings appear beside the editor as you type." />
          <TemplateHint platformId={targets[0]?.platformId ?? null} body={body} onApply={setBody} />
          <TextField id="post-link" label="Link (optional)" type="url" value={link} onChange={setLink} error={errorOf('link')} hint="Link back to the City website for more information (IV.A.4)." />
          <TargetsFieldset platforms={platforms} value={targets} onChange={setTargets} body={body} error={errorOf('targets')} typeLabel={typeLabel} />
          {hidden > 0 && me && (
            <p className="usa-hint">
              {hidden} other active platform{hidden === 1 ? ' is' : 's are'} not listed: you are not authorized to post there. <Link to={`/people/${me}`}>See your authorization</Link>.
            </p>
          )}
          <AttachmentPicker value={attachmentIds} onChange={setAttachmentIds} />
          <ScheduleFields value={schedule} onChange={setSchedule} errorOf={errorOf} />
          <button type="submit" className="usa-button margin-top-3" disabled={save.pending}>
            {save.pending ? 'Saving…' : post ? 'Save changes' : 'Save draft'}
          </button>
        </form>
        <aside className="tablet:grid-col-5" aria-labelledby="live-findings-heading" data-testid="live-findings">
          <h2 id="live-findings-heading">Findings</h2>
          <p role="status" className="usa-hint" data-testid="live-findings-status">
            {live.pending ? 'Checking…' : `${live.findings.length} finding${live.findings.length === 1 ? '' : 's'}${blocks ? `, ${blocks} blocking` : ''}`}
          </p>
          <ErrorAlert error={live.error} heading="The findings could not be checked" />
          {body.trim() || targets.some((t) => t.text.trim()) ? <FindingsList findings={live.findings} idPrefix="live-findings" /> : <p>Start writing to see what the policy says about the text.</p>}
          <h2 className="margin-top-4">Preview</h2>
          <PreviewPanel title={title} body={body} link={link} targets={targets} platforms={platforms} typeLabel={typeLabel} />
        </aside>
      </div>
    </Page>
  );
}
