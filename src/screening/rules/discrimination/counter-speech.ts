/**
 * V.2: the speaker is against the hate they mention. Counter-speech ("saying … is bigoted",
 * "shame on whoever wrote that"), quotation ("… was written on the bus shelter") and reclaimed
 * self-reference ("as a proud dyke …") turn a finding into advice for a moderator, never a block.
 */
import { RECLAIMABLE } from './lexicon.ts';

/** "saying X are Y is bigoted", "people who think …", "shame on whoever …": the speaker condemns the hate. */
export const COUNTER =
  /\b(?:is|are|was|sounds|seems|its|it's|thats|that's)\s+(?:a |an |so |such a |really |just |pretty |completely |totally |deeply |very |incredibly |absolutely |plain |straight up |an old |a tired |a cruel |an ugly )*(?:bigoted|racist|sexist|homophobic|transphobic|islamophobic|antisemitic|xenophobic|ableist|misogynistic|hateful|ignorant|offensive|unacceptable|inexcusable|wrong(?! with\b)|cruel|vile thing|disgusting thing|horrible thing|terrible thing|awful thing|hurtful|harmful|not (?:ok|okay|acceptable|true|fine|who we are)|hate speech|bigotry|racism|sexism|ageism|ageist|ableism|profiling|racial profiling|discriminating|discriminatory|homophobia|transphobia|islamophobia|xenophobia|antisemitism|misogyny|discrimination|a lie|a myth|stereotype|false|bullshit|nonsense)\b|\b(?:people|those|anyone|someone|whoever|everyone|folks) (?:who|that) (?:say|says|said|think|thinks|believe|believes|claim|claims|call|calls|post|posts|write|writes)\b|\bwhoever (?:said|says|wrote|writes|posted|posts|painted|sprayed|put|left|thinks|believes)\b|\bshame on\b|\b(?:people|anyone|those|someone|everyone|folks) (?:saying|claiming|calling|thinking|posting|writing|assuming|insisting|pretending)\b|\b(?:comments?|posts?|replies|reply|tweets?|messages?|signs?)(?: \w+){0,2} (?:saying|calling|claiming|that say|that call)\b|\b(?:someone|somebody|a (?:man|woman|guy|lady|neighbou?r)|my neighbou?r|he|she|they)(?: \w+){0,2} (?:said|shouted|yelled|screamed|wrote|posted|claimed|told (?:me|us|her|him|them)) that\b|\b(?:nobody|no one)\b(?: \w+){0,4} (?:thinks|believes|says|agrees)\b|\bshould be ashamed\b|\bif you (?:think|say|believe|really think)\b|\b(?:stop|quit) (?:saying|calling|claiming|pretending)\b|\b(?:don'?t|do not|never|shouldn'?t|should not|no one should|nobody should) (?:say|call|claim|tell)\b|\bshows? (?:how|that you|your)\b|\byou(?:'re| are) (?:a |such a |so )?(?:bigot|racist|sexist|homophobe|transphobe|misogynist)\b|\b(?:can'?t|cannot) believe (?:you|they|he|she|people|someone|anyone) (?:said|say|would say|think|wrote)\b|\b(?:i|we) (?:condemn|reject|denounce|oppose)\b|\bthere(?:'s| is) no (?:place|room) for (?:hate|racism|bigotry|that|this|discrimination|antisemitism|homophobia|transphobia|sexism|xenophobia|such)\b|\b(?:sign|flyer|flier|graffiti|note|letter|poster|message|banner|sticker)s? (?:said|says|read|reads|claimed|claims)\b|\b(?:calling|saying|claiming|suggesting|implying|comparing|telling) (?:that )?(?:all )?(?:[a-z]+ ){0,3}(?:are|is|to) [a-z ]{0,40}(?:is|was|shows|says)\b/;
/**
 * Reported or renounced belief: "people say … but …", "I used to think …", "the claim that …",
 * "who said …?", "you keep saying …", "some guy at the meeting said …" (not "they say": "… are terrorists, they think …" is the hate going on).
 */
export const REPORTED =
  /\b(?:people|some|folks|many|others) (?:say|said|claim|claimed|think|thought|assume|assumed)\b|\bused to (?:think|believe)\b|\bthe (?:claim|idea|notion|myth|lie|stereotype|assumption|belief|suggestion) that\b|\bwho (?:said|says|decided)\b|\byou keep (?:saying|claiming|posting|repeating)\b|\b(?:someone|somebody|(?:some|a|this|that|one|the|my|our) (?:guy|man|woman|lady|dude|person|neighbou?r|commenter|speaker|caller|coworker|classmate|boss))\b(?: \w+){0,4} (?:said|says|saying|claimed|claims|claiming|posted|wrote|yelled|shouted|told|called)\b/;
/**
 * Words that make a quotation the record of something written or said to someone, reported or to
 * be removed ("'…' was spray-painted on the bench, reported to 311", "screenshot of a comment: '…'.
 * I've reported it", "got called '…' outside city hall", "a deputy muttered '…'", "a sign that says
 * '…'"): read only beside a quoted slur, never to excuse an unquoted one.
 */
export const RECORDED = /\b(?:i'?ve reported|i reported|reported (?:it|this|them|him|her|to)|(?:got|get|gets|getting|was|were|been) called|called (?:me|him|her|us|them|my)|(?:yelled|shouted|screamed|muttered|told|said|says)|(?:sign|note|flyer|poster|banner) (?:that |which )?(?:said|says|read|reads)|(?:spray[- ]?)?painted|carved|scrawled|etched|graffiti|screenshots?|(?:comment|message|note|sign|sticker)s? (?:left|posted|written) on)\b/;

/** The speaker agrees with what is reported ("people say … and they're right"): no counter-speech then. */
export const AGREED = /\b(?:they'?re|they are|it'?s|it is|that'?s|that is|he'?s|she'?s) (?:so |absolutely |totally |100% )?(?:right|true|correct|not wrong)\b/;
/**
 * Quoted passages of the normalised text (quotes there are ' and "): in double quotes, or in single
 * quotes that are not apostrophes ('no … allowed'). An unclosed double quote runs to the end.
 */
const QUOTE_SPANS = /"[^"]*(?:"|$)|(?:^|[\s(])'[^'\n]{3,120}'(?=[\s.,;:!?)]|$)/g;

/** Does the normalised text quote the words at [start, end) ("… was written on the bus shelter"), not just use scare quotes elsewhere? */
export function quoted(text: string, start: number, end: number): boolean {
  if (!text.includes('"') && !text.includes("'")) return false;
  QUOTE_SPANS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTE_SPANS.exec(text)) !== null) {
    if (m.index <= start && m.index + m[0].length >= end) return true;
    if (m.index > start) break;
  }
  return false;
}

/** A speech verb shortly before a quotation: the words quoted are someone's, said or written. */
const SAID_BEFORE = /\b(?:said|says|say|saying|told|tells|tell|telling|asked|asks|wrote|writes|posted|posts|muttered|yelled|shouted|screamed|called|calls|replied|answered|claimed|claims|insisted|commented)\b[^"]{0,30}$/;

/**
 * The spans [start, end) of the normalised text quoted after a speech verb ("the coach told her
 * 'girls just get hurt, go do cheer'"): someone else's words, which the speaker reports.
 */
export function reportedQuotes(text: string): number[] {
  const out: number[] = [];
  if (!text.includes('"') && !text.includes("'")) return out;
  QUOTE_SPANS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTE_SPANS.exec(text)) !== null) {
    if (SAID_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index + (m[0][0] === '"' || m[0][0] === "'" ? 0 : 1)))) out.push(m.index, m.index + m[0].length);
  }
  return out;
}

/** Words right before a slur that make it self-reference ("proud …", "us …", "we …", "fellow …"). */
const SELF = new Set(['we', 'us', 'proud', 'fellow']);
/** Words before "a" that do ("I'm a …", "as a …"). */
const SELF_A = new Set(['im', 'am', 'as']);

/** Is the slur at token index i a reclaimed self-reference? `words` are the text's token words. */
export function reclaimed(words: readonly string[], i: number): boolean {
  if (!RECLAIMABLE.has(words[i]!)) return false;
  const p = words[i - 1];
  if (p !== undefined && SELF.has(p)) return words[i - 2] !== 'you' && words[i - 2] !== 'them';
  if ((p === 'a' || p === 'proud') && SELF_A.has(words[i - 2] ?? '')) return true;
  if (p === 'proud' && words[i - 2] === 'a' && SELF_A.has(words[i - 3] ?? '')) return true;
  return words[i + 1] === 'myself';
}
