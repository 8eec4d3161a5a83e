import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextAreaField } from '../../components/Fields.tsx';
import { available } from './actions.ts';
import { POSTS, type PostAction } from './api.ts';
import type { Post } from './types.ts';

interface Spec {
  action: PostAction;
  button: string;
  /** The text field's name in the body and its label, when the action takes one. */
  field?: { name: 'comment' | 'reason'; label: string; required: boolean; hint?: string };
  done: string;
  secondary?: boolean;
}

const SPECS: Record<keyof ReturnType<typeof available>, Spec | null> = {
  edit: null,
  submit: { action: 'submit', button: 'Submit for approval', done: 'Submitted: the department approver has been notified (IV.C.5).' },
  approve: { action: 'approve', button: 'Approve', field: { name: 'comment', label: 'Approval comment (optional)', required: false }, done: 'Approved: it now goes to the IT Manager for review (IV.A.17).' },
  itReview: { action: 'it-review', button: 'Complete IT review', field: { name: 'comment', label: 'IT review comment (optional)', required: false }, done: 'Reviewed: the post is scheduled for publication.' },
  reject: { action: 'reject', button: 'Reject', field: { name: 'comment', label: 'Why it is returned (required)', required: true, hint: 'The author sees this comment.' }, done: 'Returned to the author as a draft.', secondary: true },
  override: { action: 'override', button: 'Override blocking findings', field: { name: 'reason', label: 'Reason for the override (required)', required: true, hint: 'Recorded in the audit log with the clauses overridden.' }, done: 'Blocking findings overridden for this version.', secondary: true },
  direct: { action: 'direct', button: 'Direct outside business hours', field: { name: 'reason', label: 'Reason for the direction (required)', required: true, hint: 'IV.C.15(e): the City Manager may direct work outside business hours.' }, done: 'Directed: it may be worked on and published outside business hours.', secondary: true },
  remove: { action: 'remove', button: 'Remove post', field: { name: 'reason', label: 'Reason for removal (required)', required: true, hint: 'IV.A.16, IV.C.1: the City Manager or IT Manager removes City content.' }, done: 'Removed from the platforms.', secondary: true },
};

/** The steps the reader may take now: shown only when `abilities` and the post's state allow them. */
export function PostActions({ post, me, onDone }: { post: Post; me: string | undefined; onDone: (message: string) => void }) {
  const can = available(post, me);
  const shown = (Object.keys(SPECS) as (keyof typeof SPECS)[]).filter((k) => can[k] && SPECS[k]);
  // IV.C.15(f)(v): a published post is corrected with a correction post (its department head is told when it goes out).
  const canCorrect = post.status === 'published' && post.abilities?.['post.create'] === true;
  if (!can.edit && !canCorrect && shown.length === 0) return <p data-testid="no-actions">There is nothing for you to do on this post now.</p>;
  return (
    <div data-testid="post-actions">
      {canCorrect && (
        <p>
          <Link className="usa-button usa-button--outline" to={`/posts/new?correctionOf=${encodeURIComponent(post.id)}`}>
            Correct this post
          </Link>
        </p>
      )}
      {can.edit && (
        <p>
          <Link className="usa-button usa-button--outline" to={`/posts/${post.id}/edit`}>
            Edit post
          </Link>
        </p>
      )}
      {shown.map((k) => (
        <ActionForm key={k} post={post} spec={SPECS[k]!} onDone={onDone} />
      ))}
    </div>
  );
}

function ActionForm({ post, spec, onDone }: { post: Post; spec: Spec; onDone: (message: string) => void }) {
  const [text, setText] = useState('');
  const [missing, setMissing] = useState<string | undefined>(undefined);
  const alert = useRef<HTMLDivElement>(null);
  const run = useMutation((body: Record<string, string>) => POSTS.act(post.id, spec.action, body));
  const fieldId = `post-${spec.action}-${spec.field?.name ?? 'none'}`;

  useEffect(() => {
    if (run.error) alert.current?.focus();
  }, [run.error]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (spec.field?.required && !text.trim()) {
      setMissing(`Say why: ${spec.button.toLowerCase()} needs a ${spec.field.name}`);
      document.getElementById(fieldId)?.focus();
      return;
    }
    setMissing(undefined);
    const body = spec.field && text.trim() ? { [spec.field.name]: text.trim() } : {};
    const r = await run.run(body);
    if (r) {
      setText('');
      onDone(spec.done);
    }
  }

  return (
    <form className="margin-bottom-3" onSubmit={submit} noValidate aria-label={spec.button}>
      <div ref={alert} tabIndex={-1}>
        <ErrorAlert error={run.error} />
      </div>
      {spec.field && <TextAreaField id={fieldId} label={spec.field.label} required={spec.field.required} rows={2} value={text} onChange={setText} error={missing ?? run.error?.fieldError(spec.field.name)} hint={spec.field.hint} />}
      <button type="submit" className={`usa-button${spec.secondary ? ' usa-button--secondary' : ''} margin-top-1`} disabled={run.pending}>
        {run.pending ? 'Working…' : spec.button}
      </button>
    </form>
  );
}
