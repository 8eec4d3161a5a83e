import dictionary from 'dictionary-en';
import { describe, expect, it } from 'vitest';
import { screenPostLanguage } from './language.ts';

describe('[IV.D.4] spelling, jargon and repeated words; [III.H] readability', () => {
  it('[IV.D.4] flags a misspelling with its span, not proper nouns, hashtags or links', async () => {
    const text = 'Join us at Dolphin Park for the annual egg hunt this Saturay! #CarsonEvents https://ci.carson.ca.us/egg';
    const f = await screenPostLanguage({ text }, undefined, { dictionary });
    const spelling = f.filter((x) => x.ruleId === 'spelling');
    expect(spelling.map((x) => x.span?.text)).toEqual(['Saturay']);
    expect(spelling[0]!.clause).toBe('IV.D.4');
  }, 20_000);
  it('[IV.D.4] flags jargon and repeated words', async () => {
    const f = await screenPostLanguage({ text: 'We will utilize the the new portal to facilitate permits.' });
    expect(f.filter((x) => x.ruleId === 'plain-language').map((x) => x.span?.text)).toEqual(expect.arrayContaining(['utilize', 'facilitate']));
    expect(f.some((x) => x.ruleId === 'repeated-words')).toBe(true);
  });
  it('[III.H] flags a hard-to-read sentence', async () => {
    const f = await screenPostLanguage({ text: 'Notwithstanding the aforementioned considerations, the municipality\'s comprehensive infrastructure rehabilitation initiative necessitates extraordinarily multifaceted interdepartmental coordination.' });
    expect(f.some((x) => x.clause === 'III.H')).toBe(true);
  });
  it('[IV.D.4] clean, plain text has no findings; empty text is fine', async () => {
    expect(await screenPostLanguage({ text: 'The library is open on Saturday from 10 to 4.' }, undefined, { dictionary })).toEqual([]);
    expect(await screenPostLanguage({ text: '' })).toEqual([]);
  }, 20_000);
});
