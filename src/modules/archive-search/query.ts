import { invalidInput } from '../../kernel/errors.ts';

/**
 * What a person types in the search box: words, "quoted phrases" and -exclusions (a minus before
 * a word or a quoted phrase). Everything else is text: FTS5 and tsquery operators (AND, OR, NEAR,
 * *, ^, :, parentheses) and unbalanced quotes are read as words, never passed to the engine.
 * Each term keeps only its letters and digits, so what reaches the engine is quoted tokens only.
 */
export interface SearchTerm {
  /** Lower-case letter/digit runs; more than one is searched as a phrase. */
  tokens: string[];
  negated: boolean;
}

export interface ParsedQuery {
  terms: SearchTerm[];
}

export const QUERY_LIMITS = { chars: 500, terms: 24 } as const;

/**
 * PostgreSQL's english stop words (its english.stop): a word alone that is one of these is not
 * searched, on either database, so both answer the same (PostgreSQL would drop it; FTS5 would
 * require it). Inside a quoted phrase they stay.
 */
const STOP_WORDS = new Set(
  'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself they them their theirs themselves what which who whom this that these those am is are was were be been being have has had having do does did doing a an the and but if or because as until while of at by for with about against between into through during before after above below to from up down in out on off over under again further then once here there when where why how all any both each few more most other some such no nor not only own same so than too very s t can will just don should now'.split(' '),
);

const TOKEN = /[\p{L}\p{N}]+/gu;
const tokensOf = (text: string): string[] => (text.normalize('NFKC').toLowerCase().match(TOKEN) ?? []).slice(0, 64);

/** Splits the typed query into terms; null when it holds no words at all (a browse by filters). */
export function parseQuery(input: string | undefined | null): ParsedQuery | null {
  const text = (input ?? '').trim();
  if (text === '') return null;
  if (text.length > QUERY_LIMITS.chars) throw invalidInput('q', `is longer than ${QUERY_LIMITS.chars} characters`);
  const terms: SearchTerm[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    let negated = false;
    if (ch === '-' && i + 1 < text.length && !/\s/u.test(text[i + 1]!)) {
      negated = true;
      i++;
    }
    let raw: string;
    if (text[i] === '"') {
      // A phrase runs to the closing quote, or to the end when the quote is never closed.
      const end = text.indexOf('"', i + 1);
      raw = text.slice(i + 1, end === -1 ? text.length : end);
      i = end === -1 ? text.length : end + 1;
    } else {
      let end = i;
      while (end < text.length && !/\s/u.test(text[end]!) && text[end] !== '"') end++;
      raw = text.slice(i, end);
      i = end;
    }
    const tokens = tokensOf(raw);
    if (tokens.length > 1 || (tokens.length === 1 && !STOP_WORDS.has(tokens[0]!))) terms.push({ tokens, negated });
  }
  if (terms.length === 0) throw invalidInput('q', 'has no words to search for (letters or digits; common words such as "the" or "and" are not searched alone)');
  if (terms.length > QUERY_LIMITS.terms) throw invalidInput('q', `has more than ${QUERY_LIMITS.terms} words and phrases`);
  if (!terms.some((t) => !t.negated)) throw invalidInput('q', 'needs at least one word to look for: "-word" only excludes');
  return { terms };
}

/**
 * FTS5 MATCH text: each term a double-quoted string (tokens are letters and digits only, so no
 * quote can appear inside), positives joined by AND, each exclusion as NOT.
 */
export function toFts5(q: ParsedQuery): string {
  const quoted = (t: SearchTerm) => `"${t.tokens.join(' ')}"`;
  const positive = q.terms.filter((t) => !t.negated).map(quoted).join(' AND ');
  const negative = q.terms.filter((t) => t.negated).map((t) => ` NOT ${quoted(t)}`).join('');
  return `${positive}${negative}`;
}

/**
 * Text for PostgreSQL's websearch_to_tsquery: every term quoted (so a typed "or" is a word, as in
 * SQLite, not an operator), exclusions with a leading minus.
 */
export function toWebsearch(q: ParsedQuery): string {
  return q.terms.map((t) => `${t.negated ? '-' : ''}"${t.tokens.join(' ')}"`).join(' ');
}
