import { invalidInput } from './errors.ts';

/** An unpaired UTF-16 surrogate: not text, and PostgreSQL refuses it (as it does NUL). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** True when both databases can store the string as it is. */
export const isStorableText = (s: string): boolean => !s.includes('\u0000') && !LONE_SURROGATE.test(s);

// eslint-disable-next-line no-control-regex
const MAYBE_UNSTORABLE = /[\u0000\uD800-\uDFFF]/;
/**
 * The string with NUL and unpaired surrogates replaced by U+FFFD, so both databases can store it.
 * One cheap scan first: most text holds neither, and is returned as it is (ingest's hot path).
 */
export const storableText = (s: string): string => (MAYBE_UNSTORABLE.test(s) ? s.replaceAll('\u0000', '\uFFFD').replace(LONE_SURROGATES, '\uFFFD') : s);

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * A required text field, trimmed, of min–max characters, without control characters (tabs and
 * line breaks are text); the error names the field and what is wrong with it.
 */
export function boundedText(path: string, value: unknown, max: number, min = 1): string {
  if (typeof value !== 'string') throw invalidInput(path, 'required');
  const v = value.trim();
  if (CONTROL.test(v)) throw invalidInput(path, 'contains control characters');
  if (v.length < min) throw invalidInput(path, min <= 1 ? 'required' : `at least ${min} characters`);
  if (v.length > max) throw invalidInput(path, `at most ${max} characters`);
  return v;
}
