/**
 * V.7 in comments by the company its words keep. Spam on social media rarely repeats the SMS
 * spammer's fixed phrases; it combines a few kinds of move: a call to action ("click the link",
 * "message her on WhatsApp"), a bait or offer ("free $100 gift card", "earned $3000"), promotion
 * of the writer's own channel or business ("my new vlog", "our realty team"), and a link off the
 * City's sites. Residents make any one of these moves ("my business lost power", "free flu shots
 * were helpful", a link to the agenda); two kinds together are what a moderator calls spam.
 */
import { parse } from 'tldts';
import { Pattern } from '../patterns.ts';
import type { RuleContext } from '../rule.ts';
import type { Hit } from '../types.ts';
import { extractUrls } from '../text.ts';
import { isCityHost } from './link-back.ts';

/** [needles, alternative] as in patterns.ts: each match holds one of its alternative's needles. */
const callToAction = new Pattern([
  ['click$ tap$', '\\b(?:click|tap) (?:on )?(?:the |this |my )?(?:link|here|below|button)\\b'],
  ['please$ pls$ plz$ subscribe$ sub$', '\\b(?:please|pls|plz) (?:subscribe|sub|follow me)\\b|\\b(?:subscribe|sub) (?:to (?:me|my)|now|today|for more)\\b'],
  ['watch$ check$ checked$ listen$', '\\b(?:watch|check(?: out)?|checked out|listen to) my\\b'],
  // audience building on a video site: "give it a listen", "like this comment so …", "… and subscribe"
  ['give$ gave$ come$ appreciated$ welcome$ message$ comment$ subscribe$ sub$ if$ go$ like$ follow$ visit$ support$ views$ subs$ subscribers$ followers$ love$ promo$ promotion$', '\\bgive (?:it|us|me|them|my \\w+|our \\w+) a (?:listen|watch|follow|like|sub)\\b|\\b(?:follow|subscribe to|sub to|visit|support) (?:my|our)\\b|\\b(?:love|need|want|get|getting) (?:some |more )?(?:views|subs|subscribers|followers)\\b|\\bshow (?:some|us some|me some) love\\b|\\b(?:go|come) (?:follow|sub|subscribe|check|say hi|visit|listen)\\b|\\b(?:subs?|support|views?|follows?|likes?|listens?) (?:are |is |would be )?(?:appreciated|welcome)\\b|\\b(?:gave|give) it a (?:spin|listen|watch|try)\\b|\\bmessage (?:her|his|our|my) page\\b|\\bif (?:anyone|you) (?:wants?|wanna) (?:to )?(?:hear|see|watch|listen)\\b|\\bif (?:anyone\'?s|anyone is|you\'?re|you are) interested\\b|\\bgo check (?:it|them|me|us)\\b|\\b(?:follow|like|subscribe)(?: (?:and|&) (?:like|follow|share|subscribe|comment))+\\b|\\bself ?-?promo(?:tion)?\\b|\\b(?:like|thumbs up) this comment\\b|\\b(?:and|&) (?:subscribe|sub)\\b'],
  ['visit$ go$ head$', '\\b(?:visit|go to|head to|head over to) (?:our|my|www\\.|https?:|[a-z0-9-]+\\.(?:com|net|biz|info|xyz|co|io|shop|store|online|site|club|top|me)\\b)'],
  ['order$ book$ shop$ buy$', '\\b(?:order|book|shop|buy) (?:at|from|on|through|now|today|online|here)\\b'],
  ['call$ contact$ message$ email$ dm$ text$ whatsapp$', '\\b(?:call|contact|message|email|dm|text) us\\b|\\b(?:contact|message|dm) me (?:for|to|now|today|asap)\\b|\\b(?:message|contact|text|dm) (?:me|us|her|him) on (?:whatsapp|telegram|signal|ig|insta|instagram)\\b|\\bwhatsapp (?:me|us|her|him)\\b'],
  ['sign$ register$ apply$ join$', '\\bsign up (?:now|today|here|at|with|using)\\b|\\b(?:register|apply|join) (?:now|today|here)\\b|\\bjoin (?:my|our) team\\b'],
  // a link written out to slip past link filters: "vbucksfree dot site"
  ['dot$', '\\b[a-z0-9-]{3,} ?(?:dot|\\(dot\\)|\\[dot\\]) ?(?:com|net|org|site|xyz|info|biz|io|co|me|online|store|shop)\\b'],
  ['download$', '\\bdownload (?:the|my|our|this) app\\b'],
  ['link$', '\\blink (?:in|on) (?:my )?(?:bio|profile|description|channel|page)\\b'],
  // a private channel for the deal, as the comment's last word or with a purpose: "inbox me for a
  // sample", "… pm me" ("dm me if you saw my cat" asks for help; "rappers dm me their links" tells)
  ['inbox$ pm$ dm$ text$ message$ call$ email$', '\\b(?:inbox|pm|dm|text|message|call|email) (?:me|us)(?= *(?:[.!,?"\']|$)| (?:for|to|now|today|asap|pls|please)\\b)'],
  ['send$', '\\bsend (?:me|us) (?:a )?(?:message|dm|pm|text) (?:for|to)\\b'],
  ['ask$ comment$ show$ teach$ booking$', '\\bask me (?:how|about (?:our|my))\\b|\\bbooking (?:appointments|clients|now)\\b|\\bcomment (?:yes|info|interested)\\b|\\bi (?:can|will|ll) (?:show|teach) you how\\b'],
  ['venmo$ cashapp$ zelle$ paypal$', '\\b(?:venmo|cashapp|zelle|paypal)(?: me)? ?[@$]\\w'],
  ['come$ tickets$ walk$ walkins$', '\\bcome (?:buy|get|grab|pick up) (?:some|yours|one|them|a)\\b|\\bcome pick (?:it|them) up\\b|\\btickets (?:on|at) (?:eventbrite|ticketmaster|stubhub|the door|our|my)\\b|\\bwalk ?-?ins? welcome\\b'],
]);

const bait = new Pattern([
  ['free$', '\\bfree (?:\\$|\\d|gift|money|cash|iphone|ipad|robux|vbucks|followers|likes|stuff|samples?|trial|crypto|bitcoin|giveaway|quotes?|consultation|estimate|shipping)'],
  ['gift giftcard', '\\bgift ?cards?\\b'],
  ['earn$ earned$ earning$ make$ made$ making$', '\\b(?:earn|earned|earning|make|made|making) (?:\\$|up to \\$|money|cash|easy|thousands|\\d[\\d,]*(?:k| dollars))'],
  ['off$ returns$ return$ profit$ discount$', '\\b\\d{1,3}% (?:off|returns?|profit|discount)\\b'],
  ['bitcoin crypto forex nft binary signals', '\\b(?:bitcoin|crypto|forex|nfts?|binary options|trading signals)\\b'],
  ['cheap$ discount$ affordable$ best$ lowest$', '\\b(?:cheap|discount|affordable|best|lowest) (?:car |auto |home |health |life )?(?:insurance|loans?|rates|prices?|seo|web design|followers|deals?)\\b'],
  ['singles$ dating$ meet$', '\\b(?:hot singles|dating site|meet (?:singles|hot|sexy|lonely))\\b'],
  ['giveaway prize', '\\b(?:giveaways?|prizes?)\\b'],
  ['work$ passive$ side$ financial$', '\\b(?:work from home|passive income|side hustle|financial freedom)\\b'],
  ['limited$ act$ today$ week$ supplies$', '\\b(?:limited time|act now|today only|this week only|while supplies last)\\b'],
  ['generator$ surprise$ giving$ free$', '\\bfree [\\w -]{1,20} generator\\b|\\bfor a surprise\\b|\\bfirst (?:one|lesson|class|session|visit|month|week) (?:is )?free\\b|\\bgiving away\\b'],
  ['extra$ paid$ double$ boss$ quit$', '\\bextra (?:income|cash|money)\\b|\\bget paid (?:to|for)\\b|\\bdouble your (?:money|income|investment)\\b|\\bbe your own boss\\b|\\bquit (?:my|your) 9 ?-? ?5\\b'],
  // an offer of a service or goods at a price: "reasonable rates", "$30 a dozen", "taking orders"
  ['rates$ prices$ available$ offered$ orders$ sale$', '\\b(?:reasonable|affordable|great|low|competitive|fair) (?:rates|prices)\\b|\\bservices? (?:available|offered)\\b|\\btaking orders\\b|\\bfor sale\\b'],
  ['condition$ obo$ lbs$ pounds$ kg$ specials$', '\\b(?:great|good|excellent|mint) condition\\b|\\bobo\\b|\\b(?:lose|lost) \\d+ ?(?:lbs|pounds|kg)\\b|\\b(?:holiday|weekly|daily|monthly) specials\\b'],
  ['cheap$ affordable$ quality$ professional$ paying$', '\\b(?:does|do|offers?) (?:cheap|affordable|quality|professional) (?:work|repairs|service|jobs)\\b|\\bpaying too much for\\b'],
]);

const selfPromotion = new Pattern([
  ['my$', '\\bmy (?:new |latest |first |small |own )?(?:youtube |gaming |music |cooking |instagram |tiktok )?(?:channel|videos?|vlogs?|music|songs?|mixtape|album|beats?|remix|cover|single|business|company|store|shop|bakery|salon|services|app|website|site|podcast|artwork|ebook|brand|startup|band|catering|food truck|nail studio)\\b|\\bmy (?:\\w+ )?(?:mentor|coach)\\b'],
  ['we$ our$', '\\bwe (?:deliver|offer|sell|buy|provide|specialize|can help)\\b|\\bour (?:services|products|company|agency|firm|realty|store|shop|website|site|prices|rates|office|channel|music|videos|single|album)\\b|\\bwe(?:\'re| are) (?:a |an )?(?:small |new |local |independent |young )*(?:band|duo|youtube channel|startup)\\b|\\bour \\w+ team (?:can|will|offers)\\b'],
  ['make$ post$ upload$ create$ sell$ bake$ selling$', '\\bi (?:make|post|upload|create|sell|bake) (?:custom |funny |daily |new |gaming )?(?:videos|content|music|beats|art|nails|lashes|cakes|cupcakes|jewelry|candles|shirts|tamales)\\b|(?:^|\\b(?:i|we|im|i\'m|i am|we are|were)(?: just)?(?: started)? )selling\\b'],
  // the writer's own media: "my latest track", "I just made a video about this", "I do makeup tutorials"
  ['my$ our$ her$ his$ started$ made$ launched$ created$ posted$ uploaded$ dropped$ released$ do$ making$ posting$ uploading$ sharing$ new$ teach$ offer$ give$', '\\b(?:my|our|her|his) (?:\\w+ )?(?:channel|twitch|tiktok|insta|instagram|youtube|soundcloud|spotify|etsy|blog|podcast|track|ep|vlog|stream|tutorials|art|artwork|page|profile)\\b|\\b(?:making|posting|uploading|sharing) (?:\\w+ )?(?:videos|content|tutorials|reviews)\\b|\\bnew to (?:youtube|tiktok|twitch|instagram|insta)\\b|\\bi (?:teach|offer|give) (?:\\w+ )?(?:lessons|classes|tutoring|coaching)\\b|\\b(?:started|made|launched|created|posted|uploaded|dropped|released) (?:a|an|my|our) (?:new |first |\\w+ )?(?:podcast|channel|video|track|single|mixtape|vlog)\\b|\\bi do (?:\\w+ )?(?:tutorials|covers|reviews|vlogs|streams)\\b'],
  ['support$', '\\bsupport (?:a |my |our |this )?(?:small |local |new |upcoming )?(?:youtuber|channel|artist|creator|streamer)\\b'],
  ['im$ am$', '\\b(?:i am|i\'?m) (?:a |an )?(?:\\d+ ?(?:year old|yo) )?(?:new |beginner |upcoming |aspiring |local |independent |small )?(?:rapper|singer|artist|youtuber|streamer|producer|realtor|influencer|photographer|dj|business owner|consultant|hairstylist|stylist|barber|tutor|baker|caterer|mechanic|contractor|handyman|makeup artist|nail tech|esthetician|personal trainer|notary|insurance agent|loan officer)\\b'],
]);

/**
 * A price per unit or a firm price ("$12 a bowl", "$25/hr", "$100 firm"): an offer, looked for only
 * beside a call to action (a "$" in the text would otherwise search every alternative of `bait`).
 */
const PRICE = /\$\d[\d,]*(?:\.\d\d)? ?(?:(?:a|an|per|each)\b|\/ ?[a-z])|\$\d[\d,]* (?:firm|obo)\b/;

/** Cheap necessary condition for a link worth parsing. */
const LINKISH = /https?:\/\/|www\.|[a-z0-9]\.(?:com|net|org|biz|info|xyz|co|io|ly|me|shop|store|online|site|club|top|us|gg|tv)\b/;

/** The first match of a pattern as a move, if any. */
function move(ctx: RuleContext, pattern: Pattern, kind: string): { kind: string; start: number; end: number } | undefined {
  const first = pattern.hits(ctx, kind, 0, false, 1)[0];
  return first && { kind, start: first.start!, end: first.end! };
}

/** Comments that make two kinds of promotional move: one hit on the first move, naming both. */
export function promotionHits(ctx: RuleContext): Hit[] {
  // the bait and the call to action have the rarer words; self-promotion ("my", "our") is only
  // looked for beside one of them
  const found = [move(ctx, bait, 'a bait or offer'), move(ctx, callToAction, 'a call to action')].filter((m) => m !== undefined);
  if (found.length === 0) return [];
  if (found.length === 1 && found[0]!.kind === 'a call to action' && ctx.norm.text.includes('$')) {
    const price = PRICE.exec(ctx.norm.text);
    if (price) found.push({ kind: 'a price', start: price.index, end: price.index + price[0].length });
  }
  if (found.length === 1) {
    const own = move(ctx, selfPromotion, 'self-promotion');
    if (own) found.push(own);
  }
  if (found.length === 1) {
    // the link check parses URLs (twitter-text, tldts): only for comments already making a move
    if (!LINKISH.test(ctx.norm.text)) return [];
    const off = extractUrls(ctx.text).find((u) => !isCityHost(parse(u.url).hostname ?? '', ctx.config.cityDomains));
    if (!off) return [];
    return [{ message: `spam: ${found[0]!.kind} with a link off the City's sites (${off.url})`, score: 0.8, start: found[0]!.start, end: found[0]!.end }];
  }
  found.sort((a, b) => a.start - b.start);
  return [{ message: `spam: ${found.map((f) => f.kind).join(' and ')}`, score: 0.8, start: found[0]!.start, end: found[0]!.end }];
}
