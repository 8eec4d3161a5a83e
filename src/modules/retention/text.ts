import { invalidInput } from '../../kernel/errors.ts';

export const LIMITS = { note: 4_000, consent: 10_000, reason: 4_000, number: 100 } as const;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Required text, trimmed, between min and max characters; names the field when it is not. */
export function text(path: string, value: unknown, max: number, min = 1): string {
  if (typeof value !== 'string') throw invalidInput(path, 'required');
  const v = value.trim();
  if (CONTROL.test(v)) throw invalidInput(path, 'contains control characters');
  if (v.length < min) throw invalidInput(path, min <= 1 ? 'required' : `at least ${min} characters`);
  if (v.length > max) throw invalidInput(path, `at most ${max} characters`);
  return v;
}
