import { useSession } from '../../api/session.tsx';
import { segments } from './highlight.ts';
import type { CommentFinding } from './types.ts';

/**
 * A comment's text with the findings' evidence marked. Comments are hostile input: the text is
 * only ever React text nodes (no markup is parsed), and URLs in it stay plain, unclickable text.
 */
export function CommentText({ text, findings, id }: { text: string; findings: CommentFinding[]; id?: string }) {
  const { clauseTitle } = useSession();
  return (
    <blockquote className="crier-comment-text" id={id} data-testid="comment-text">
      {segments(text, findings).map((s, i) =>
        s.clauses.length ? (
          <mark key={i} className="crier-evidence" data-clauses={s.clauses.join(' ')} title={s.clauses.map((c) => `${c}${clauseTitle(c) ? ` — ${clauseTitle(c)}` : ''}`).join('; ')}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </blockquote>
  );
}
