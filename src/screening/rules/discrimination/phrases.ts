/**
 * V.2's fixed phrases: tropes and demands that discriminate whatever group they name, or name
 * none ("go back to your country", "stick to your own kind", "a diversity hire", "13/50", "bad
 * genes", "men in wigs pretending to be women", "let's keep Carson white"). Each regular expression
 * runs only in comments holding one of its trigger words, which few comments do.
 */
import { hasAny, regexHits, triggers } from '../../hits.ts';
import type { RuleContext } from '../../rule.ts';
import type { Hit } from '../../types.ts';
import { keepRe } from './implicit.ts';

interface Phrase { re: RegExp; triggers: ReadonlySet<string>; message: string }

/** In the order they are read (the order of the findings). */
const PHRASES: readonly Phrase[] = [
  /** Slogans and demands of exclusion ("go back to …", "send them back", "hire real Americans", "stick to your own kind", "13/50", "check his green card"). */
  { re: /\b(?:go back to (?:your (?:own )?(?:country|village|reservation)|where (?:you|they|ur|your|their) (?:(?:family|families|parents|people|ancestors|grandparents) )?came from|the (?:desert|jungle)|africa|mexico|china|india|pakistan|manila|the philippines|haiti|somalia|korea|vietnam|iran|iraq|syria|guatemala|honduras|el salvador|samoa|tonga|nigeria|israel|russia|arabia)|hitler was right|white (?:power|pride worldwide)|(?:14|fourteen) words|race traitors?|gas the \w+|send them (?:all )?back|stick (?:to|with) (?:your|their) own kind|play(?:s|ing)? the race card|hire (?:only )?real (?:americans|men|women)|(?:only hire|hire only) (?:young(?:er)? people|white (?:people|men|women|folks|families)|americans|christians|straight people)|hire (?:young(?:er)? people|white (?:people|men|women|folks|families)|christians|straight people) only|(?<!\b(?:scored?|got|get|gets|rated|gave|was|is|only|of|at) )13 ?(?:\/|do|percent|%) ?50|check (?:his|her|their) green cards?|speak english or (?:get out|leave|go (?:home|back)))\b/g,
    triggers: triggers('go hitler white 14 fourteen race gas send stick hire 13 check speak'), message: 'exclusionary statement about a protected group' },
  /** Work, housing or service kept for some ("only rent to married couples") or refused by age ("stop hiring anyone over 55"). */
  { re: /\b(?:only|just) (?:rent|sell|hire|serve) (?:to )?(?:married couples|white (?:people|families)|christians|americans|men)\b|\b(?:stop|never|don'?t|quit|no more) (?:hiring|hire|renting to|rent to|promoting|promote) (?:(?:anyone|people|someone|anybody|workers|applicants|women|men) (?:over|older than|past) [4-9]\d|(?:these |those |any |more )?[4-9]\d ?-? ?(?:year ?-? ?olds|yr olds))\b|\bput (?:them|the old \w+|these old \w+) out to pasture\b/g,
    triggers: triggers('hire hiring rent renting sell serve promote promoting pasture'), message: 'exclusion of a protected group' },
  /** Genetic information held against people (GINA): screening out carriers, "bad genes". */
  { re: /\b(?:bad|defective|inferior|dirty|weak) genes\b|\b(?:screen(?:ed)? out|weed out|fire|not hire|refuse to hire|deny|reject|ban)\b(?:\W+\w+){0,8}?\W+(?:genes?|genetic (?:condition|disorder|disease|history|risk)|dna)\b|\bgenes?\b(?:\W+\w+){0,6}?\W+(?:shouldn'?t|should not|can'?t|cannot|must not) (?:be allowed to )?(?:work|be hired|have kids|be having kids|having kids|run|serve|breed)/g,
    triggers: triggers('genes gene genetic dna'), message: 'discrimination on genetic information' },
  /** "men in wigs pretending to be women": a trans group called by the sex it is not (read only with "pretending", "claiming" or "dress"). */
  { re: /\b(?:men|guys|dudes) (?:in (?:wigs|dresses|skirts|makeup|lipstick) )?(?:pretending|claiming|playing dress up) (?:to be|as) (?:women|girls|ladies)\b|\b(?:women|girls) (?:pretending|claiming) (?:to be|as) (?:men|boys)\b|\b(?:a )?(?:man|guy|dude) in a (?:dress|skirt|wig) is (?:still )?(?:just )?a (?:man|guy|dude)\b/g,
    triggers: triggers('pretending claiming dress'), message: 'derogatory or dehumanising statement about a protected group (misgendering)' },
  /** "a diversity hire", "DEI hire": a colleague said to hold a job for a protected characteristic instead of merit. */
  { re: /\b(?:diversity|affirmative action|dei|token|quota) hires?\b|\b(?:picked|hired|chosen|appointed|promoted|selected|got \w+) (?:\w+ ){0,2}to (?:check|tick|fill) (?:a|the|some|their) (?:box|boxes|quota)\b|\bhire (?:people|someone|somebody|workers|officers|staff) (?:who|that) (?:look|looks|sound|sounds) (?:american|white|normal)\b|\bonly (?:got|was|were) (?:hired|picked|chosen|elected|appointed|promoted|the job) (?:cuz|cause|because|bc|since) (?:she'?s|he'?s|they'?re|she is|he is|they are) (?:a |an )?(?:woman|female|girl|black|gay|lesbian|trans|latina|latino|hispanic|mexican|asian|muslim|jewish|minority|immigrant|disabled)\b/g,
    triggers: triggers('hire hires hired picked chosen appointed promoted selected elected job'), message: 'says someone was hired for a protected characteristic, not merit' },
  /**
   * LGBT people named by their symbols and called perverts or groomers ("pride month is for perverts", "pride parade = perverts
   * parade", "the pride float is full of groomers", "rainbow crowd is a bunch of perverts"): no group word, so the grammar had
   * nothing to read; a bare dislike of the flag or the event ("the rainbow flag at city hall is disgusting") is not this.
   */
  { re: /\b(?:pride|rainbow|drag)\b(?:[ =]+[\w']+){0,5}?[ =]+(?:perverts?|perverted|pedos?|pedophiles?|groomers?|grooming|degenerates?|deviants?|sodomites?)\b/g,
    triggers: triggers('pride rainbow drag'), message: 'derogatory or dehumanising statement about a protected group (LGBT people named by their symbols)' },
  /** "let's keep Carson white": read only in comments with "keep", which are few, so its words need not be anchors. */
  { re: keepRe, triggers: triggers('keep keeping'), message: 'exclusion of a protected group' },
];

/** Each phrase found, in order, handed to `found` (which decides whether it is counter-speech). */
export function phraseHits(ctx: RuleContext, found: (h: Hit) => void): void {
  for (const p of PHRASES) {
    if (hasAny(ctx, p.triggers)) for (const h of regexHits(ctx, p.re, p.message, 0.9)) found(h);
  }
  // the antisemitic "echo", "(((them)))", has no word to trigger on
  if (ctx.norm.text.includes('(((')) for (const h of regexHits(ctx, ECHO, 'antisemitic dog whistle', 0.9)) found(h);
}
const ECHO = /\(\(\( ?[a-z][a-z ]{0,30}\)\)\)/g;

/** After a group is named: "that's what they all do", "they're all like that", "their kind", "those people always …". */
/** Words one of which ALL_OF_THEM needs: it is read only in comments with one. */
export const ALL_OF_THEM_TRIGGERS = triggers('thats kind all always never just');
export const ALL_OF_THEM = /\bthat'?s (?:just )?(?:what|how) (?:they|those people|these people|them people) (?:all )?(?:do|are|operate|act|roll)\b|\bthey(?:'re| are) all (?:like that|the same|alike)\b|\b(?:their|that) kind (?:of people )?(?:always|never|is|are|should|shouldn'?t|does|do|ruins?|brings?)\b|\b(?:those|these|them) people (?:always|never|just) \w+/g;
