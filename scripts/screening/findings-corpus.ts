/**
 * npx tsx scripts/screening/findings-corpus.ts OUT.jsonl — a JSON-lines input for `crier screen
 * --kind comment` that exercises every path of the engine, to check that a speed change leaves
 * the findings exactly as they were: screen it with the old and the new code and `cmp` the two
 * outputs (bench/screening/SPEED.md).
 *
 * Every text of the moderation data and the project's labelled sets once as written, then each
 * in a disguise drawn deterministically from its index: upper case, confusable Cyrillic/Greek
 * letters, fullwidth forms, zero-width characters, spaced-out letters, leetspeak, doubled
 * letters, asterisk masks, smart quotes, emoji, control characters and lone surrogates, long
 * concatenations; one line in seven carries a context post (V.1). Read from ../shared at run
 * time; nothing is copied into the repository.
 */
import { writeFileSync } from 'node:fs';
import { loadAll, loadPolis } from './data.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: findings-corpus.ts OUT.jsonl');

const texts = [...new Set([...loadAll().map((e) => e.text), ...loadPolis().map((p) => p.text)])];

const CONFUSE: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і', s: 'ѕ', k: 'κ', v: 'ν' };
const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '$', t: '7', l: '|', g: '9' };
const CONTEXTS = [
  'Street sweeping on Carson Street moves to Tuesdays starting March 3.',
  'The City Council meets Tuesday at 6 p.m. in the Council Chambers.',
  'Cooling centers are open today from noon to 8 p.m. at the Community Center.',
];

/** Replace each letter with probability 1/every (deterministic in position). */
function mapLetters(t: string, every: number, f: (ch: string) => string | undefined): string {
  let s = '';
  let k = 0;
  for (const ch of t) s += k++ % every === 0 ? f(ch) ?? ch : ch;
  return s;
}

function disguise(t: string, i: number, other: string): string {
  switch (i % 16) {
    case 0: return t.toUpperCase();
    case 1: return mapLetters(t, 2, (c) => CONFUSE[c.toLowerCase()]);
    case 2: return mapLetters(t, 1, (c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : undefined));
    case 3: return mapLetters(t, 3, (c) => (c === ' ' ? undefined : c + '\u200b'));
    case 4: return t.replace(/\b([A-Za-z])([a-z]{2,6})\b/g, (_w, a: string, b: string) => [a, ...b].join(i % 32 === 4 ? '.' : ' '));
    case 5: return mapLetters(t, 2, (c) => LEET[c.toLowerCase()]);
    case 6: return t.replace(/([aeiou])/g, '$1$1$1');
    case 7: return t.replace(/\b([a-z])[aeiou]([a-z]{1,4})\b/gi, '$1*$2');
    case 8: return t.replace(/'/g, '’').replace(/"/g, '“');
    case 9: return `${t} 😡🔥👍🏽 ${'🇺🇸'} é́ ﬁne`;
    case 10: return `\u0001${t}\u007f\ud800 tail\udc00 \u2028end`;
    case 11: return `${t} ${other} ${t}`.repeat(1 + (i % 5));
    case 12: return t.replace(/ /g, '  \t');
    case 13: return `@${t.split(' ')[0] ?? ''} ${t} #CarsonCity https://ci.carson.ca.us/x?y=1 $25 call 310-555-0${i % 1000}`;
    case 14: return t.normalize('NFD');
    default: return t.split('').reverse().join('');
  }
}

const lines: string[] = [];
for (let i = 0; i < texts.length; i++) {
  const t = texts[i]!;
  const other = texts[(i * 7919) % texts.length]!;
  const withContext = i % 7 === 0 ? { context: CONTEXTS[i % CONTEXTS.length] } : {};
  lines.push(JSON.stringify({ id: `${i}`, text: t, ...withContext }));
  lines.push(JSON.stringify({ id: `${i}d`, text: disguise(t, i, other), ...withContext }));
}
lines.push(JSON.stringify({ id: 'empty', text: '' }), JSON.stringify({ id: 'space', text: '   ' }), JSON.stringify({ id: 'long', text: texts.slice(0, 400).join(' ') }));
writeFileSync(out, lines.join('\n') + '\n');
console.log(`${lines.length} lines from ${texts.length} texts → ${out}`);
