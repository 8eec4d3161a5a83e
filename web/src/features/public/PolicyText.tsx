import { Fragment } from 'react';

/**
 * Renders a policy text (plain text or light Markdown from the pack) as paragraphs and lists,
 * without injecting HTML: headings (#), bullets (- or *), numbered items (1.) and paragraphs.
 */
export function PolicyText({ text, headingLevel = 2 }: { text: string; headingLevel?: 2 | 3 }) {
  const blocks = text.replace(/\r\n/g, '\n').split(/\n{2,}/);
  return (
    <div className="usa-prose crier-policy-prose">
      {blocks.map((block, i) => {
        const lines = block.split('\n').filter((l) => l.trim() !== '');
        if (lines.length === 0) return null;
        const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0]!);
        if (heading && lines.length === 1) {
          const H = headingLevel === 2 ? 'h2' : 'h3';
          return <H key={i}>{inline(heading[2]!)}</H>;
        }
        if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
          return (
            <ul key={i}>
              {lines.map((l, j) => (
                <li key={j}>{inline(l.replace(/^\s*[-*]\s+/, ''))}</li>
              ))}
            </ul>
          );
        }
        if (lines.every((l) => /^\s*\d+[.)]\s+/.test(l))) {
          return (
            <ol key={i}>
              {lines.map((l, j) => (
                <li key={j}>{inline(l.replace(/^\s*\d+[.)]\s+/, ''))}</li>
              ))}
            </ol>
          );
        }
        return (
          <p key={i}>
            {lines.map((l, j) => (
              <Fragment key={j}>
                {j > 0 && ' '}
                {inline(l.replace(/^#+\s+/, ''))}
              </Fragment>
            ))}
          </p>
        );
      })}
    </div>
  );
}

/** **bold** only; everything else is text. */
function inline(s: string) {
  const parts = s.split(/(\*\*[^*]+\*\*)/g);
  return parts.map((p, i) => (p.startsWith('**') && p.endsWith('**') ? <strong key={i}>{p.slice(2, -2)}</strong> : <Fragment key={i}>{p}</Fragment>));
}
