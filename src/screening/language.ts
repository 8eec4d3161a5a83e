/**
 * IV.D.4 (proper grammar; avoid jargon, abbreviations and acronyms) and III.H (clear and concise)
 * with the retext ecosystem: retext-spell (hunspell dictionary), retext-simplify, retext-repeated-words,
 * retext-readability. Asynchronous because retext runs as a unified pipeline.
 *
 * Browser-safe: the hunspell dictionary is passed in by the caller (server and CLI:
 * `(await import('dictionary-en')).default`, which reads files with node:fs; the browser fetches
 * index.aff / index.dic), so this module never touches the file system.
 */
import retextEnglish from 'retext-english';
import retextReadability from 'retext-readability';
import retextRepeatedWords from 'retext-repeated-words';
import retextSimplify from 'retext-simplify';
import retextSpell from 'retext-spell';
import retextStringify from 'retext-stringify';
import { unified, type Processor } from 'unified';
import { carsonDefaults, type ScreeningConfig } from './config.ts';
import type { PostInput } from './rule.ts';
import type { Finding } from './types.ts';

export interface HunspellDictionary { aff: Uint8Array; dic: Uint8Array }

export interface LanguageOptions {
  /** Hunspell dictionary for spelling (e.g. dictionary-en). Without it, no spelling check. */
  dictionary?: HunspellDictionary;
  /** Extra words to accept (names of places and programmes). */
  personal?: string[];
  /** Target reading age for retext-readability (default 16, roughly grade 10). */
  age?: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyProcessor = Processor<any, any, any, any, any>;
const processors = new WeakMap<object, Map<string, AnyProcessor>>();
const NO_DICT = {};

function processor(config: ScreeningConfig, opts: LanguageOptions): AnyProcessor {
  const key = JSON.stringify([config.acronymAllowList, config.cityName, opts.personal ?? [], opts.age ?? 16]);
  const dictKey = opts.dictionary ?? NO_DICT;
  let byKey = processors.get(dictKey);
  if (!byKey) { byKey = new Map(); processors.set(dictKey, byKey); }
  const cached = byKey.get(key);
  if (cached) return cached;
  const ignore = [...config.acronymAllowList, config.cityName, ...(opts.personal ?? [])];
  let p: AnyProcessor = unified().use(retextEnglish).use(retextStringify);
  if (opts.dictionary) p = p.use(retextSpell, { dictionary: opts.dictionary, ignore, max: 5 });
  p = p
    .use(retextSimplify, { ignore: ['request', 'provide', 'additional', 'assistance', 'require', 'requirement', 'requirements', 'function', 'initial', 'submit', 'it is', 'there are', 'there is', 'type', 'equal', 'some', 'contains', 'contact', 'individual', 'maximum', 'minimum', 'multiple', 'option', 'people', 'receive', 'remain', 'similar', 'sufficient', 'selection', 'accompany', 'forward', 'however', 'previous', 'purchase', 'therefore', 'whether', 'delete', 'parameters', 'currently', 'modify', 'approximately', 'perform', 'conduct', 'assist'] })
    .use(retextRepeatedWords)
    .use(retextReadability, { age: opts.age ?? 16, minWords: 8, threshold: 4 / 7 });
  byKey.set(key, p);
  return p;
}

/**
 * Blank out URLs, hashtags, mentions, e-mail addresses and over-long "words" (same length, so
 * offsets hold). No English word has 40 letters; the spelling checker's suggestions for one of
 * thousands of letters would take memory quadratic in its length (100,000 × "a" ran out of heap).
 */
function maskNonProse(text: string): string {
  return text.replace(/\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w.-]+\.(?:gov|com|org|net|us|edu)(?:\/\S*)?|[#@][\p{L}\p{N}_]+|\S+@\S+\.\w+|\S{40,}/gu, (m) => ' '.repeat(m.length));
}

const MAX_LANGUAGE_CHARS = 20_000;

function oneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}

/** Spelling, jargon, repeated words (IV.D.4) and readability (III.H) of a post. */
export async function screenPostLanguage(post: PostInput, config: ScreeningConfig = carsonDefaults, opts: LanguageOptions = {}): Promise<Finding[]> {
  const text = typeof post.text === 'string' ? post.text.slice(0, MAX_LANGUAGE_CHARS) : '';
  if (!text.trim()) return [];
  const file = await processor(config, opts).process(maskNonProse(text));
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const m of file.messages) {
    const start = m.place && 'start' in m.place ? m.place.start.offset : m.place && 'offset' in m.place ? m.place.offset : undefined;
    const end = m.place && 'end' in m.place ? m.place.end.offset : undefined;
    const span = start !== undefined && end !== undefined ? { start, end, text: text.slice(start, end) } : undefined;
    const source = m.source ?? '';
    // capitalised unknown words are usually proper nouns (places, people, programmes): only
    // report them when the dictionary knows a word one edit away ("Saturay" → "Saturday")
    if (source === 'retext-spell' && span && /^[A-Z]/.test(span.text) && !(m.expected ?? []).some((e) => oneEdit(e, span.text))) continue;
    const key = `${source}:${span?.text.toLowerCase() ?? m.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const readability = source === 'retext-readability';
    const f: Finding = {
      ruleId: source === 'retext-spell' ? 'spelling' : source === 'retext-simplify' ? 'plain-language' : source === 'retext-repeated-words' ? 'repeated-words' : readability ? 'readability' : source || 'language',
      clause: readability ? 'III.H' : 'IV.D.4',
      severity: config.severity[source] === 'block' ? 'block' : 'advice',
      message: m.reason,
      score: readability ? 0.6 : source === 'retext-spell' ? 0.8 : 0.5,
    };
    if (span) f.span = span;
    out.push(f);
    if (out.length >= 30) break;
  }
  return out;
}
