/**
 * V.5 — comments in support of or in opposition to any political campaign or ballot measure.
 * IV.D.7(j) — political, campaign or election content in a City post.
 *
 * Opinions on City business are not campaigns ("the council should fix the potholes on Main
 * Street" passes): a finding needs a campaign act (vote for / against, elect, recall, donate to a
 * campaign, yes / no on a measure) or a campaign slogan.
 */
import { classifierHit } from '../classify.ts';
import { hasAny, regexHits, triggers } from '../hits.ts';
import { Pattern } from '../patterns.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Hit } from '../types.ts';

/** [needles (a match contains one), alternative], in the order of the original union. */
const campaign = new Pattern([
  ['vote$', "\\bvote (?:out|them out|him out|her out|blue|red|democrat|republican|democratic|gop|third party|trump|biden|harris|hillary|clinton|obama|bernie|sanders|desantis|newsom|kamala)\\b"],
  ['measure prop', '\\b(?:vote|voting) (?:yes|no) on (?:measure|prop(?:osition)?)\\b'],
  ['measure prop', '\\b(?:yes|no) on (?:measure \\w{1,3}|prop(?:osition)? ?\\d{1,3})\\b'],
  ['measure prop', '\\b(?:support|oppose|against|for|pass|defeat|reject|approve) (?:measure [a-z]{1,2}|prop(?:osition)? ?\\d{1,3})\\b'],
  ['elect$ recall$ unseat$', '\\b(?:re ?elect|reelect|elect|recall|unseat) (?!(?:the|a|an|of|that|this|it|when|how|what|seeing|hearing|notice|process|results?|officials?|day|to|in|on|election|date|vote|my|your|his|her|their|our|we|i|you|he|she|they|there|being|any|some|reading|saying|correctly|clearly|petition|effort|list|campaign)\\b)(?:mayor |councilman |councilwoman |council ?member |senator |governor |president |supervisor )?[a-z]{3,}'],
  ['donate$ contribute$ give$', '\\b(?:donate|contribute|give) to (?:my|our|his|her|their|the) (?:campaign|re ?election|pac)\\b'],
  ['paid endorsed', '\\b(?:paid for by|endorsed by) .{0,40}(?:committee|campaign|for (?:mayor|council|congress|senate|governor|president))\\b'],
  ['run$ running$', '\\b(?:running|run) for (?:mayor|city council|council|office|congress|senate|governor|president|assembly|supervisor|school board)\\b'],
  ['maga kag make lock feel with brandon fjb trump biden harris wave', '\\b(?:maga|kag|make america great again|lock her up|feel the bern|i\'?m with her|let\'?s go brandon|fjb|trump train|biden harris|harris walz|trump vance|blue wave|red wave)\\b'],
  ['trump biden harris hillary bernie obama desantis newsom vote', '#?(?:trump|biden|harris|hillary|bernie|obama|desantis|newsom|vote)(?:20\\d\\d|2k\\d\\d)\\b'],
  ['trump$ biden$ harris$ hillary$ clinton$ bernie$ desantis$ newsom$ kamala$ obama$', '\\b(?:trump|biden|harris|hillary|clinton|bernie|desantis|newsom|kamala|obama) (?:20\\d\\d|for president|for prison|is my president|won|lost the election|stole)\\b'],
]);
/** "vote for Smith" is a campaign; "vote for different parties" is civic talk: needs a capitalised name. */
const voteForRe = /\bvote (?:for|against) ([a-z][a-z.'-]+)(?: [a-z][a-z'-]+)?/g;
const impeach = new Pattern([['impeach', '\\bimpeach \\w+']]);
const electionRe = /\b(?:election|elections|ballots?|candidates?|polling places?|vote centers?|voter registration|register to vote|campaign|political|democrats?|republicans?|gop|partisan)\b/g;

const TRIGGERS = triggers(
  'vote voting yes no measure prop proposition elect reelect re recall impeach unseat donate contribute give paid endorsed running run maga kag make lock feel im with lets fjb trump biden harris hillary clinton bernie obama desantis newsom kamala blue red',
);

function modelAdvice(ctx: RuleContext): Hit[] {
  const c = classifierHit(ctx, 'V.5', 'campaign or election advocacy');
  if (c) c.weak = true;
  return c ? [c] : [];
}

export const campaignRule: Rule = {
  id: 'campaign',
  clauses: { comment: 'V.5', post: 'IV.D.7(j)' },
  defaultSeverity: 'block',
  title: 'Political campaigns, ballot measures, election content',
  check(ctx) {
    if (!hasAny(ctx, TRIGGERS)) return ctx.kind === 'comment' ? modelAdvice(ctx) : [];
    const hits: Hit[] = campaign.hits(ctx, 'supports or opposes a political campaign or ballot measure', 0.9);
    voteForRe.lastIndex = 0;
    let m: RegExpExecArray | null;
    // every match holds "vote ": most texts skip the scan
    if (ctx.norm.text.includes('vote ')) while ((m = voteForRe.exec(ctx.norm.text)) !== null && hits.length < 5) {
      const nameAt = m.index + m[0].indexOf(m[1]!, 5);
      const original = ctx.text[ctx.norm.map[nameAt]!] ?? '';
      if (original >= 'A' && original <= 'Z' && !/^(?:the|a|an|it|this|that|these|those|our|your|my|i)$/.test(m[1]!)) {
        hits.push({ message: 'supports or opposes a candidate', score: 0.85, start: m.index, end: m.index + m[0].length });
      }
    }
    if (ctx.kind === 'post' && hits.length === 0) {
      hits.push(...regexHits(ctx, electionRe, 'election or political content: keep it to neutral, official voter information', 0.5, true, 3));
    }
    if (ctx.kind === 'comment' && hits.length === 0) {
      hits.push(...impeach.hits(ctx, 'political campaign content', 0.5, true, 1));
      if (hits.length === 0) hits.push(...modelAdvice(ctx));
    }
    return hits;
  },
};
