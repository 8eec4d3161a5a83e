import { invalidInput } from '../../kernel/errors.ts';
import { escapeHtml } from '../../kernel/html.ts';

/**
 * Text spans are [start, end) offsets in UTF-16 code units into an archive item's rendered text:
 * the unit a browser Selection and JavaScript strings count in. An offset may not fall between
 * the two halves of a surrogate pair (an emoji cut in half would leave a stray half behind).
 */
export interface Span {
  start: number;
  end: number;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when offset `i` splits a surrogate pair of `text`. */
export function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/** Checks a span against the text it is meant for; the error names the field and the text's length. */
export function validateSpan(text: string, span: Span): Span {
  const { start, end } = span;
  if (!Number.isInteger(start) || start < 0) throw invalidInput('span.start', 'a whole number, 0 or more');
  if (!Number.isInteger(end)) throw invalidInput('span.end', 'a whole number');
  if (end <= start) throw invalidInput('span.end', `must be after span.start (${start}): an empty span redacts nothing`);
  if (start >= text.length) throw invalidInput('span.start', `is past the end of the item's text (${text.length} characters)`);
  if (end > text.length) throw invalidInput('span.end', `is past the end of the item's text (${text.length} characters)`);
  if (splitsPair(text, start)) throw invalidInput('span.start', 'falls inside a character (between the halves of a surrogate pair); move it one back or forward');
  if (splitsPair(text, end)) throw invalidInput('span.end', 'falls inside a character (between the halves of a surrogate pair); move it one back or forward');
  return { start, end };
}

/** Spans that share at least one character (touching end-to-start is not an overlap). */
export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** A redaction to apply: its span and the marker shown in its place. */
export interface AppliedSpan extends Span {
  marker: string;
}

/**
 * The text with each span replaced by its marker. Markers have a fixed form (never the length of
 * what they hide). Spans must not overlap (the service refuses overlapping redactions).
 */
export function redactText(text: string, spans: AppliedSpan[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error('redactText: overlapping spans');
    out += text.slice(at, s.start) + s.marker;
    at = s.end;
  }
  return out + text.slice(at);
}


/**
 * The redacted item as a standalone HTML page: the kept text escaped, each redaction a black box
 * carrying only its marker (no title, data or aria attribute holds anything of the original).
 */
export function redactedHtml(title: string, text: string, spans: AppliedSpan[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let body = '';
  let at = 0;
  for (const s of sorted) {
    body += escapeHtml(text.slice(at, s.start)) + `<span class="redaction">${escapeHtml(s.marker)}</span>`;
    at = s.end;
  }
  body += escapeHtml(text.slice(at));
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto}pre{white-space:pre-wrap}.redaction{background:#000;color:#fff;padding:0 .25em}</style>',
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<pre>${body}</pre>`,
    '</body></html>',
  ].join('\n');
}
