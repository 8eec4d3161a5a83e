import { formatDateTime } from '../../components/format.ts';
import type { Post } from './types.ts';

interface Step {
  label: string;
  at: string | null;
  done: boolean;
  detail?: string;
}

/** The post's way through the policy's steps: draft → department approval → IT review → published. */
export function Timeline({ post }: { post: Post }) {
  const current = post.approvals.filter((a) => !a.voided && a.version === post.version);
  const dept = current.find((a) => a.stage === 'department' && a.decision === 'approved');
  const it = current.find((a) => a.stage === 'it' && a.decision === 'approved');
  const due = post.publications.filter((p) => p.status !== 'cancelled').map((p) => p.dueAt).sort()[0] ?? null;
  const steps: Step[] = [
    { label: 'Drafted', at: post.createdAt, done: true, detail: post.authorName ? `by ${post.authorName}` : undefined },
    { label: 'Submitted for approval', at: post.submittedAt, done: post.status !== 'draft' },
    { label: 'Approved by the department (IV.C.5)', at: dept?.decidedAt ?? null, done: !!dept, detail: dept?.decidedByName ? `by ${dept.decidedByName}` : undefined },
    { label: 'Reviewed by the IT Manager (IV.A.17)', at: it?.decidedAt ?? null, done: !!it, detail: it?.decidedByName ? `by ${it.decidedByName}` : undefined },
    { label: post.status === 'published' || post.publishedAt ? 'Published' : 'Scheduled', at: post.publishedAt ?? due, done: !!post.publishedAt || post.status === 'scheduled' },
  ];
  if (post.removed) steps.push({ label: 'Removed', at: post.removed.at, done: true, detail: post.removed.reason });
  const currentIndex = steps.findIndex((s) => !s.done);
  return (
    <ol className="usa-process-list" data-testid="post-timeline">
      {steps.map((s, i) => (
        <li className="usa-process-list__item padding-bottom-2" key={s.label} data-done={s.done} aria-current={i === currentIndex ? 'step' : undefined}>
          <p className="usa-process-list__heading font-sans-sm">{s.label}</p>
          <p className="margin-top-05">
            {s.done ? (s.at ? formatDateTime(s.at) : 'Done') : i === currentIndex ? 'Waiting' : 'Not yet'}
            {s.done && s.detail ? ` — ${s.detail}` : ''}
          </p>
        </li>
      ))}
    </ol>
  );
}
