import { breachedMatch } from './breached.ts';

/**
 * IV.C.15(i)(i) "Department heads will maintain complex passwords": a password is accepted only
 * when it is long enough, zxcvbn (zxcvbn-ts) estimates it hard to guess, and it is not built on a
 * known-breached stem. The verdict explains why, and never repeats the password.
 */
export const MIN_LENGTH = 12;
export const MAX_LENGTH = 256;
/** zxcvbn score 0–4; 3 = "safely unguessable: moderate protection from offline slow-hash attack". */
export const MIN_SCORE = 3;

export interface StrengthVerdict {
  ok: boolean;
  /** 0–4, from zxcvbn. */
  score: number;
  /** Why it is refused (empty when ok). */
  problems: string[];
  /** How to make a better one. */
  suggestions: string[];
}

type Checker = (password: string, userInputs: string[]) => { score: number; feedback: { warning: string | null; suggestions: string[] } };
let checker: Promise<Checker> | null = null;

/** zxcvbn's dictionaries are large: load them on first use, not when the module is imported. */
function loadChecker(): Promise<Checker> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]);
    const z = new ZxcvbnFactory({ translations: en.translations, graphs: common.adjacencyGraphs, dictionary: { ...common.dictionary, ...en.dictionary } });
    return (password, userInputs) => z.check(password, userInputs);
  })();
  return checker;
}

/** Words that make a password guessable for this platform (its name, handle, the City, the username). */
export function contextWords(parts: (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const p of parts) {
    if (!p) continue;
    words.add(p.toLowerCase());
    for (const w of p.toLowerCase().split(/[^a-z0-9]+/)) if (w.length >= 3) words.add(w);
  }
  return [...words];
}

export async function checkPassword(password: string, userInputs: string[] = []): Promise<StrengthVerdict> {
  const problems: string[] = [];
  const suggestions: string[] = [];
  if (password.length < MIN_LENGTH) problems.push(`it has ${password.length} characters; at least ${MIN_LENGTH} are required`);
  if (password.length > MAX_LENGTH) problems.push(`it is longer than ${MAX_LENGTH} characters`);
  const breached = breachedMatch(password);
  // The refusal never quotes the password, nor the part of it that was recognised.
  if (breached) problems.push('it is built on a word or pattern found in lists of breached passwords');
  const lower = password.toLowerCase();
  const personal = userInputs.find((w) => w.length >= 4 && lower.includes(w));
  if (personal) problems.push("it contains a word anyone can associate with this account (the platform's name or handle, the department, the City or the username)");
  // zxcvbn is slow on very long inputs and pointless past the maximum.
  const r = password.length <= MAX_LENGTH ? (await loadChecker())(password, userInputs) : { score: 4, feedback: { warning: null, suggestions: [] } };
  if (r.score < MIN_SCORE) {
    problems.push(`its estimated strength is ${r.score} of 4; at least ${MIN_SCORE} is required${r.feedback.warning ? ` (${r.feedback.warning.replace(/\.$/, '').toLowerCase()})` : ''}`);
  }
  suggestions.push(...r.feedback.suggestions);
  if (problems.length && !suggestions.length) suggestions.push('Use a passphrase of four or more unrelated words, or a password manager’s generated password.');
  return { ok: problems.length === 0, score: r.score, problems, suggestions };
}

/** One sentence for a refusal. */
export function explain(v: StrengthVerdict): string {
  return `The password is not complex enough: ${v.problems.join('; ')}. ${v.suggestions.join(' ')}`.trim();
}
