import type { Post } from './types.ts';

/**
 * The server's `abilities` say what the reader's roles allow on this post; whether the step applies
 * now depends on the post's state (the server checks both and refuses otherwise).
 */
const EDITABLE = ['draft', 'submitted', 'approved', 'reviewed', 'scheduled'];

export interface Available {
  edit: boolean;
  submit: boolean;
  approve: boolean;
  itReview: boolean;
  reject: boolean;
  override: boolean;
  direct: boolean;
  remove: boolean;
}

export function available(p: Post, me: string | undefined): Available {
  const a = p.abilities ?? {};
  const author = p.authorId === me;
  const blocks = p.findings.some((f) => f.severity === 'block') && p.override?.version !== p.version;
  const approve = !!a['post.approve'] && p.status === 'submitted' && !author;
  const itReview = !!a['post.it_review'] && p.status === 'approved' && !author;
  return {
    edit: !!a['post.update'] && EDITABLE.includes(p.status),
    submit: !!a['post.submit'] && p.status === 'draft',
    approve,
    itReview,
    reject: !!a['post.reject'] && (approve || itReview),
    override: !!a['post.override'] && ['draft', 'submitted', 'approved'].includes(p.status) && blocks,
    direct: !!a['post.direct'] && ['draft', 'submitted', 'approved', 'reviewed'].includes(p.status) && !p.direction,
    remove: !!a['post.remove'] && ['scheduled', 'published'].includes(p.status),
  };
}

/** Waiting on the reader: a submitted post they may approve, or an approved one they may review. */
export const awaitsMe = (p: Post, me: string | undefined) => {
  const v = available(p, me);
  return v.approve || v.itReview;
};
