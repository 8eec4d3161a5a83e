/**
 * IV.D.4 — postings will use proper grammar and avoid jargon, abbreviations and acronyms.
 * Synchronous part: acronyms not on the pack's allow-list and not spelled out in the post
 * ("Community Development Block Grant (CDBG)"), common abbreviations, and bureaucratic jargon.
 * Spelling and grammar (retext) are in language.ts (async).
 */
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';

const ABBREV = /\b(?:approx|dept|depts|govt|gov't|info|pls|plz|thx|w\/|w\/o|b\/c|bc|asap|etc|mgmt|admin|appt|approx|bldg|ctr|est|mtg|mtgs|req|reqs|reg|yr|yrs|hr|hrs|mo|mos|wk|wks|tmrw|tmw|tho|u|ur|r|b4|cuz|fyi|eod|eow|tbd|tba|n\/a)\b\.?/gi;
const JARGON = /\b(?:utilize|utilization|leverage|leveraging|synergy|synergies|stakeholders?|paradigm|going forward|circle back|deliverables?|actionable|bandwidth|best practices|incentivize|operationalize|facilitate|impactful|robust|holistic|touch base|low-hanging fruit|in accordance with|pursuant to|heretofore|aforementioned|herein|thereof|whereas|notwithstanding|prior to|commence|commencement|endeavor|expedite|implement(?:ation)?|optimize|streamline|capacity building)\b/gi;

export const acronymsRule: Rule = {
  id: 'acronyms',
  clauses: { post: 'IV.D.4' },
  defaultSeverity: 'advice',
  title: 'Jargon, abbreviations and acronyms',
  check(ctx) {
    const hits: Hit[] = [];
    const text = ctx.text;
    const allow = new Set(ctx.config.acronymAllowList.map((a) => a.toUpperCase()));
    const seen = new Set<string>();
    const re = /\b[A-Z][A-Z0-9&]{1,7}s?\b/g;
    let m: RegExpExecArray | null;
    let n = 0;
    while ((m = re.exec(text)) !== null && n < 10) {
      const word = m[0].replace(/s$/, '');
      if (!/[A-Z].*[A-Z]/.test(word) || allow.has(word) || seen.has(word)) continue;
      // shouting a whole sentence is not an acronym
      const around = text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20);
      if ((around.match(/[a-z]/g) ?? []).length < 3) continue;
      seen.add(word);
      // defined in the text: "(CDBG)" right after words whose initials spell it, or "CDBG (Community ...)"
      const defined = new RegExp(`\\(${word}s?\\)|\\b${word}s? \\([A-Z]`).test(text);
      if (defined && text.indexOf(`(${word}`) !== m.index - 1) continue;
      if (defined) continue;
      hits.push({ message: `acronym "${word}": spell it out or add it to the allow-list`, score: 0.6, start: m.index, end: m.index + m[0].length, raw: true });
      n++;
    }
    ABBREV.lastIndex = 0;
    n = 0;
    while ((m = ABBREV.exec(text)) !== null && n++ < 5) {
      if (m[0].length === 1 && m[0] !== 'u' && m[0] !== 'r') continue;
      if ((m[0] === 'U' || m[0] === 'R' || m[0] === 'u' || m[0] === 'r') && /^[A-Z]/.test(m[0])) continue;
      hits.push({ message: `abbreviation "${m[0]}": write it out`, score: 0.5, start: m.index, end: m.index + m[0].length, raw: true });
    }
    JARGON.lastIndex = 0;
    n = 0;
    while ((m = JARGON.exec(text)) !== null && n++ < 5) {
      hits.push({ message: `jargon "${m[0]}": use a plain word`, score: 0.5, start: m.index, end: m.index + m[0].length, raw: true });
    }
    return hits;
  },
};
