import type { CommentFinding } from './types.ts';

export interface Segment {
  text: string;
  /** The clauses whose findings point at this stretch; empty for plain text. */
  clauses: string[];
}

/**
 * Cuts a comment into plain and evidence stretches from the findings' spans (UTF-16 offsets into
 * the text, as the server's screening reports them). Pure string slicing: the result is rendered
 * as React text nodes, never as markup. Spans out of range are clamped; overlaps merge.
 */
export function segments(text: string, findings: CommentFinding[]): Segment[] {
  const ranges = findings
    .filter((f) => f.span && Number.isFinite(f.span.start) && Number.isFinite(f.span.end))
    .map((f) => ({ start: Math.max(0, Math.min(text.length, Math.floor(f.span!.start))), end: Math.max(0, Math.min(text.length, Math.floor(f.span!.end))), clause: f.clause }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number; clauses: string[] }[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
      if (!last.clauses.includes(r.clause)) last.clauses.push(r.clause);
    } else merged.push({ start: r.start, end: r.end, clauses: [r.clause] });
  }
  const out: Segment[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), clauses: [] });
    out.push({ text: text.slice(m.start, m.end), clauses: m.clauses });
    at = m.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), clauses: [] });
  return out;
}

/** The clauses the findings suggest, most severe and most confident first, each once. */
export function suggestedClauses(findings: CommentFinding[]): string[] {
  const ranked = [...findings].filter((f) => /^V\.\d+$/.test(f.clause)).sort((a, b) => (a.severity === b.severity ? (b.score ?? 0) - (a.score ?? 0) : a.severity === 'block' ? -1 : 1));
  return [...new Set(ranked.map((f) => f.clause))];
}

/** Section V grounds in clause order (V.1 … V.15). */
export function sectionVGrounds(clauses: { id: string; title: string }[] | undefined): { id: string; title: string }[] {
  return (clauses ?? []).filter((c) => /^V\.\d+$/.test(c.id)).sort((a, b) => Number(a.id.slice(2)) - Number(b.id.slice(2)));
}

/** A link target for a platform permalink: only http(s), else null (shown as text). */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
