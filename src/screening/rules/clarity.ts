/**
 * III.H — disseminate timely, relevant information that is clear and concise. Posts only,
 * advice: long sentences, a reading grade above the target (Flesch–Kincaid), long posts,
 * repeated words, SHOUTING and runs of punctuation.
 */
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';
import { sentences, syllables, words } from '../text.ts';

export const MAX_SENTENCE_WORDS = 25;
export const MAX_GRADE = 9;
export const MAX_WORDS = 250;

export function readingGrade(text: string): number {
  const s = sentences(text).filter((x) => words(x.text).length > 0);
  const w = words(text);
  if (s.length === 0 || w.length === 0) return 0;
  let syl = 0;
  for (const x of w) syl += syllables(x);
  return 0.39 * (w.length / s.length) + 11.8 * (syl / w.length) - 15.59;
}

export const clarityRule: Rule = {
  id: 'clarity',
  clauses: { post: 'III.H' },
  defaultSeverity: 'advice',
  alsoCites: { post: ['IV.D.4'] },
  title: 'Clear and concise',
  check(ctx) {
    const hits: Hit[] = [];
    const text = ctx.text.length > 100_000 ? ctx.text.slice(0, 100_000) : ctx.text;
    let n = 0;
    for (const s of sentences(text)) {
      const count = words(s.text).length;
      if (count > MAX_SENTENCE_WORDS && n++ < 3) {
        hits.push({ message: `sentence of ${count} words; keep sentences under ${MAX_SENTENCE_WORDS}`, score: Math.min(1, count / 50), start: s.start, end: s.end, raw: true });
      }
    }
    const total = words(text).length;
    if (total > MAX_WORDS) hits.push({ message: `${total} words; a social post should be short and link to the website for details`, score: 0.6 });
    if (total >= 20) {
      const grade = readingGrade(text);
      if (grade > MAX_GRADE) hits.push({ message: `reading grade ${grade.toFixed(1)}; aim for grade ${MAX_GRADE} or below`, score: Math.min(1, grade / 16) });
    }
    const rep = /\b([A-Za-z]+)\s+\1\b/gi;
    let m: RegExpExecArray | null;
    n = 0;
    while ((m = rep.exec(text)) !== null && n++ < 3) {
      if (/^(?:that|had|is|bye|no|yes|ha|so)$/i.test(m[1]!)) continue;
      hits.push({ message: `repeated word "${m[1]}"`, score: 0.7, start: m.index, end: m.index + m[0].length, raw: true, clause: 'IV.D.4' });
    }
    const shout = /\b[A-Z]{2,}(?:\s+[A-Z]{2,}){3,}\b/g;
    if ((m = shout.exec(text)) !== null) hits.push({ message: 'several words in capitals read as shouting', score: 0.5, start: m.index, end: m.index + m[0].length, raw: true });
    if ((m = /[!?]{3,}/.exec(text)) !== null) hits.push({ message: 'runs of punctuation', score: 0.4, start: m.index, end: m.index + m[0].length, raw: true });
    return hits;
  },
};
