/**
 * V.6 — religious messages or images, and content that advocates, promotes or disparages
 * religious beliefs. (In posts this is covered by IV.D.6(d) City-only content; comments only.)
 */
import { classifierHit } from '../classify.ts';
import { hasAny, triggers } from '../hits.ts';
import { Pattern } from '../patterns.ts';
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';

/** [needles (a match contains one), alternative], in the order of the original union. */
const strong = new Pattern([
  ['jesus$ christ$ god$ allah$ lord$ jehovah$ krishna$ buddha$', '\\b(?:jesus|christ|god|allah|the lord|lord jesus|jehovah|krishna|buddha)(?: christ)? (?:is (?:lord|king|the (?:way|answer|only way|truth|savior|saviour)|coming|great|good all the time|risen)|saves|loves you|will (?:save|judge|punish|forgive)|died for (?:you|your sins|us))\\b'],
  ['lord jesus god allah christ almighty', '\\b(?:praise|glory to|thank|accept|trust in|turn to|give your life to|believe in) (?:the lord|jesus|god|allah|christ|our lord|the almighty)\\b'],
  ['repent saved born eternal hell sinners heathen infidel times rapture says akbar', '\\b(?:repent|be saved|born again|eternal (?:life|damnation)|burn in hell|sinners|heathens?|infidels?|the end times|rapture|scripture says|the bible says|the quran says|the koran says|allahu akbar)\\b'],
  ['john matthew mark luke romans genesis psalm proverbs isaiah revelation corinthians', '\\b(?:john|matthew|mark|luke|romans|genesis|psalms?|proverbs|isaiah|revelation|corinthians) \\d{1,3} ?: ?\\d{1,3}\\b'],
  ['religion christianity islam judaism catholicism mormonism atheism hinduism scientology church bible quran', '\\b(?:religion|christianity|islam|judaism|catholicism|mormonism|atheism|hinduism|scientology|the church|the bible|the quran) (?:is|are) (?:a )?(?:lie|lies|evil|poison|cancer|fake|fairy ?tales?|a cult|a disease|stupid|nonsense|bullshit|the truth|the only truth|the only way|the answer)\\b'],
  ['god allah jesus', '\\b(?:god|allah|jesus) (?:is|isn\'?t|is not) (?:dead|real|fake|a myth|imaginary)\\b'],
  ['god', '\\bthere is no god\\b'],
  ['church mosque synagogue temple bible revival', '\\b(?:come to|join us at|visit) (?:our|my) (?:church|mosque|synagogue|temple|bible study|revival)\\b'],
]);
const weak = new Pattern([['god pray bless jesus inshallah amen hallelujah gospel', '\\b(?:god bless|pray(?:ing)? for|prayers|blessed|in jesus name|god willing|inshallah|thank god|amen|hallelujah|the gospel)\\b']]);

const TRIGGERS = triggers(
  'jesus christ god allah lord jehovah krishna buddha praise glory thank accept trust turn give believe repent saved born eternal burn sinners sinner heathen heathens infidel infidels end rapture scripture bible quran koran allahu john matthew mark luke romans genesis psalm psalms proverbs isaiah revelation corinthians religion christianity islam judaism catholicism mormonism atheism hinduism scientology church there come join visit bless pray praying prayers blessed inshallah amen hallelujah gospel',
);

export const religionRule: Rule = {
  id: 'religion',
  clauses: { comment: 'V.6' },
  defaultSeverity: 'block',
  title: 'Religious messages; advocating, promoting or disparaging religious beliefs',
  check(ctx) {
    if (!hasAny(ctx, TRIGGERS)) {
      const c = classifierHit(ctx, 'V.6', 'religious message');
      if (c) c.weak = true;
      return c ? [c] : [];
    }
    const hits: Hit[] = strong.hits(ctx, 'religious message: advocates, promotes or disparages religious beliefs', 0.85);
    if (hits.length === 0) hits.push(...weak.hits(ctx, 'religious expression', 0.4, true, 2));
    if (hits.length === 0) {
      const c = classifierHit(ctx, 'V.6', 'religious message');
      if (c) { c.weak = true; hits.push(c); }
    }
    return hits;
  },
};
