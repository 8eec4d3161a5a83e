/**
 * V.7 — solicitation of commerce, including advertisement of businesses and products (comments).
 * IV.D.7(f) — solicitations of commerce in a City post.
 */
import { classifierHit } from '../classify.ts';
import { hasAny, regexHits, triggers } from '../hits.ts';
import { Pattern } from '../patterns.ts';
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';
import { promotionHits } from './commerce-signals.ts';

/**
 * Not right after a subject or a modal, where a resident says the words ("can I call now?", "if I
 * buy now …"): an ad says them as an order.
 */
const AS_AN_AD = "(?<!\\b(?:if|to|i|i'll|ill|we|will|would|shall|should|can|cant|can't|dont|don't|not|need|u|you) )";
/** [needles (a match contains one), alternative], in the order of the original union. */
const spam = new Pattern([
  ['buy$ order$ shop$ yours$', `\\b${AS_AN_AD}(?:buy|order|shop|get yours|grab yours) (?:now|today|online|here)\\b`],
  ['click$ tap$ visit$ check$ follow$ subscribe$ dm$ message$ text$ call$ whatsapp$ telegram$', '\\b(?:click|tap|visit|check out|follow|subscribe to|dm|message|text|call|whatsapp|telegram) (?:here|my (?:page|profile|shop|store|channel|website|site|link|bio)|me (?:for|to get|on (?:whatsapp|telegram|ig|insta))|the link in (?:my )?bio|link in bio)\\b'],
  ['code', '\\b(?:promo|discount|coupon|referral) code\\b'],
  ['%', '\\b\\d{1,3}% off\\b'],
  ['free$ limited$ act$ order$ call$ text$ sign$ supplies$ best$ lowest$ cheap$ cheapest$', `\\b(?:free (?:gift|trial|shipping|money|iphone|followers|crypto|bitcoin)|limited (?:time )?offer|act now|${AS_AN_AD}(?:order|call|text) now|sign up (?:now|today)|while supplies last|best (?:price|deal)s?|lowest price|cheap(?:est)? (?:price|deals?))\\b`],
  ['won selected claim congratulations', '\\b(?:you(?:\'ve| have)? (?:won(?![\'\u2019]t)|been selected)|claim your (?:prize|reward|cash)|congratulations[!, ]+you)\\b'],
  ['make$ earn$', '\\b(?:make|earn) \\$?\\d[\\d,]*k? (?:a|per|every) (?:day|week|month|hour)\\b'],
  ['home income rich crypto forex binary bitcoin investment financial', '\\b(?:(?<!\\b(?:i|we|they|he|she|you) )work from home|passive income|get rich|crypto (?:investment|signals)|forex|binary options|bitcoin investment|investment opportunity|financial freedom)\\b'],
  ['buy sell', '\\b(?:we (?:buy|sell)|i (?:sell|buy)) (?:houses|homes|cars|gold)\\b'],
  ['sale$ hiring', '\\b(?<!\\b(?:have|has|had|is|are|was|were|am|be|up|send|home|house) )for sale\\b|\\b(?:on sale now|now hiring.{0,20}(?:apply|dm|text))\\b'],
  ['business shop store company salon restaurant bakery service', '\\b(?:my|our) (?:business|shop|store|company|salon|restaurant|bakery|services?) (?:is|offers|has|can)\\b'],
  // text-message spam: premium short codes, premium-rate numbers, opt-out boilerplate, prizes
  ['text$ txt$ send$ reply$', '\\b(?:text|txt|send|reply)(?: [a-z0-9]+){0,2} (?:to|on) \\d{5}\\b'],
  ['call$ ring$ phone$', '\\b(?:call|ring|phone) 0[89]\\d{8,}\\b'],
  ['reply$ txt$ text$ send$', '\\b(?:reply|txt|text|send) (?:stop|end|yes|win|no) (?:to|2)\\b'],
  ['cash prize award reward', '\\b(?:cash|prize|award|reward)s? (?:of|worth) (?:l|\\$|£|€)?\\d'],
  ['prem missed adult', '\\b(?:prem(?:ium)? ?rate|premium (?:number|line|sms|msg)|missed call alert|adult (?:parties|chat|dating|content|services|hotline))\\b'],
  ['sms msg txt text min call week wk', '(?:\\bgbp|£ ?\\d[\\d.]*|\\b\\d{1,3}p) ?(?:/|per) ?(?:sms|msg|txt|text|min|minute|call|week|wk)\\b'],
  // one alternative of the union split in three (same order, nothing after it): each has its own needles
  ['guaranteed winner urgent ringtone free', '\\b(?:guaranteed|you are a winner|winner!|urgent!|ringtones?|free msg|free entry)'],
  ['&', '\\b(?:t&c|t&cs|t & c)'],
  ['min msg text', '\\b\\d{2,3}p ?(?:/|per) ?(?:min|msg|minute|text)'],
]);
/**
 * Comments only: social-media self-promotion — channels, follower swaps, bought audiences,
 * referral codes. A City post may rightly say "follow us on Instagram" or "visit our booth".
 */
const selfPromotion = new Pattern([
  ['check$', '\\bcheck out (?:my|our) (?:new |latest |first )?(?:(?:music|youtube|tiktok|instagram) )?(?:channel|mixtape|music|song|album|track|vlog|podcast|page|profile|shop|store|website|site|account|stream|ebook|app|music video|new video)s?\\b'],
  ['sub$ subscribe$ follow$ like$ f4f l4l s4s', '\\b(?:sub|subscribe|follow|like) (?:4|for) (?:sub|subscribe|follow|like)\\b|\\b(?:ill|i\'ll|i will|will) (?:sub|subscribe|follow)(?: you)? back\\b|\\b(?:sub|subscribe) to me\\b|\\b(?:f4f|l4l|s4s)\\b'],
  // "follow me on Instagram" alone is often just talk; with a handle or a lure it is promotion
  ['follow$', '\\bfollow (?:me|us|my page|our page) (?:on|at) (?:instagram|insta|ig|tiktok|twitter|youtube|yt|twitch|snapchat|snap|facebook|fb|soundcloud|spotify) ?(?:@|for (?:giveaways|deals|more|updates|free))'],
  ['like$ share$', '\\b(?:like|share)(?: (?:and|&) (?:like|share|subscribe|comment|follow))* (?:my|our) (?:latest |new |last )?(?:page|channel|video|account|profile|music|song|mixtape)s?\\b'],
  // bought or begged audiences; "I hit 300 likes" is only a boast
  ['buy$ cheap$ real$ instant$ free$ need$ get$ help$', '\\bbuy (?:cheap |real |instant |active )?(?:followers|subscribers|likes|views)\\b|\\b(?:cheap|real|instant|free) (?:instagram |youtube |tiktok )?(?:followers|subscribers|likes|views)\\b|\\b(?:need|get me to|help me (?:get|reach)) \\d+k? (?:more )?(?:followers|subscribers|subs)\\b'],
  ['make$ earn$', '\\b(?:make|earn) (?:money|cash|income) (?:online|from home|fast|easily|from your (?:phone|couch)|while you sleep)\\b|\\b(?:make|earn) (?:easy|fast|quick) (?:money|cash)\\b'],
  ['lose$ trick$', '\\blose \\d+ ?(?:pounds|lbs|kg|kilos)\\b|\\b(?:this|one) (?:weird|simple|strange|crazy) trick\\b'],
  ['use$ with$ enter$ referral$ invite$ affiliate$', '\\b(?:use|with|enter) my (?:code|referral|invite link)\\b|\\bmy (?:referral|invite|affiliate) (?:code|link)\\b'],
  ['link$', '\\blink in (?:my )?(?:bio|profile|description)\\b'],
  ['visit$', '\\bvisit (?:our|my) (?:site|website|store|shop|page|channel|booth)\\b'],
]);
const overlaps = (a: Hit, b: Hit): boolean => (a.start ?? 0) < (b.end ?? 0) && (b.start ?? 0) < (a.end ?? 0);
const shortener = /\b(?:bit\.ly|tinyurl\.com|goo\.gl|t\.co|ow\.ly|is\.gd|buff\.ly|rebrand\.ly|cutt\.ly|shorturl\.at)\/\S+/g;

const TRIGGERS = triggers(
  'prem premium missed adult gbp sms txt reply ring phone cash prize award reward guaranteed winner urgent ringtone ringtones msg entry tc cs t c per p min 150p buy order shop get grab click tap visit check follow subscribe dm message text call whatsapp telegram promo discount coupon referral off free limited act sign while best lowest cheap cheapest won selected claim congratulations make earn work passive rich crypto forex binary bitcoin investment financial sell sale hiring business store company salon restaurant bakery service services youve you',
);

export const commerceRule: Rule = {
  id: 'commerce',
  clauses: { comment: 'V.7', post: 'IV.D.7(f)' },
  defaultSeverity: 'block',
  title: 'Solicitation of commerce, advertising, spam',
  check(ctx) {
    const hits: Hit[] = !hasAny(ctx, TRIGGERS) ? [] : spam.hits(ctx, 'commercial solicitation or advertisement', 0.85);
    if (ctx.kind === 'comment') {
      // a span already reported ("check out my channel" by the general pattern) is not reported twice
      for (const h of [...selfPromotion.hits(ctx, 'self-promotion or audience-building spam', 0.85), ...promotionHits(ctx)]) {
        if (!hits.some((o) => overlaps(o, h))) hits.push(h);
      }
      // every shortened link has a '/': most comments skip the scan
      if (ctx.norm.text.includes('/')) hits.push(...regexHits(ctx, shortener, 'link through a URL shortener (typical of spam)', 0.5, true, 2));
      const c = classifierHit(ctx, 'V.7', 'spam or commercial solicitation');
      if (c && !(c.weak && hits.length > 0)) hits.push(c);
    }
    return hits;
  },
};
