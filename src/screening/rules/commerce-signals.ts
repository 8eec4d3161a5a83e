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
  ['watch$ check$ listen$', '\\b(?:watch|check(?: out)?|listen to) my\\b'],
  ['visit$ go$ head$', '\\b(?:visit|go to|head to|head over to) (?:our|my|www\\.|https?:|[a-z0-9-]+\\.(?:com|net|biz|info|xyz|co|io|shop|store|online|site|club|top|me)\\b)'],
  ['order$ book$ shop$ buy$', '\\b(?:order|book|shop|buy) (?:at|from|on|through|now|today|online|here)\\b'],
  ['call$ contact$ message$ email$ dm$ text$ whatsapp$', '\\b(?:call|contact|message|email|dm|text) us\\b|\\b(?:contact|message|dm) me (?:for|to|now|today|asap)\\b|\\b(?:message|contact|text|dm) (?:me|us|her|him) on (?:whatsapp|telegram|signal|ig|insta|instagram)\\b|\\bwhatsapp (?:me|us|her|him)\\b'],
  ['sign$ register$ apply$ join$', '\\bsign up (?:now|today|here|at|with|using)\\b|\\b(?:register|apply|join) (?:now|today|here)\\b|\\bjoin (?:my|our) team\\b'],
  ['download$', '\\bdownload (?:the|my|our|this) app\\b'],
  ['link$', '\\blink in (?:my )?(?:bio|profile|description)\\b'],
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
  ['extra$ paid$ double$ boss$ quit$', '\\bextra (?:income|cash|money)\\b|\\bget paid (?:to|for)\\b|\\bdouble your (?:money|income|investment)\\b|\\bbe your own boss\\b|\\bquit (?:my|your) 9 ?-? ?5\\b'],
  // an offer of a service or goods at a price: "reasonable rates", "$30 a dozen", "taking orders"
  ['rates$ prices$ available$ offered$ orders$', '\\b(?:reasonable|affordable|great|low|competitive|fair) (?:rates|prices)\\b|\\bservices? (?:available|offered)\\b|\\btaking orders\\b'],
  ['condition$ obo$ lbs$ pounds$ kg$ specials$', '\\b(?:great|good|excellent|mint) condition\\b|\\bobo\\b|\\b(?:lose|lost) \\d+ ?(?:lbs|pounds|kg)\\b|\\b(?:holiday|weekly|daily|monthly) specials\\b'],
  ['cheap$ affordable$ quality$ professional$ paying$', '\\b(?:does|do|offers?) (?:cheap|affordable|quality|professional) (?:work|repairs|service|jobs)\\b|\\bpaying too much for\\b'],
]);

const selfPromotion = new Pattern([
  ['my$', '\\bmy (?:new |latest |first |small |own )?(?:youtube |gaming |music |cooking |instagram |tiktok )?(?:channel|videos?|vlogs?|music|songs?|mixtape|album|beats?|business|company|store|shop|bakery|salon|services|app|website|site|podcast|artwork|ebook|brand|startup|band|catering|food truck|nail studio)\\b|\\bmy (?:\\w+ )?(?:mentor|coach)\\b'],
  ['we$ our$', '\\bwe (?:deliver|offer|sell|buy|provide|specialize|can help)\\b|\\bour (?:services|products|company|agency|firm|realty|store|shop|website|site|prices|rates|office)\\b|\\bour \\w+ team (?:can|will|offers)\\b'],
  ['make$ post$ upload$ create$ sell$ bake$ selling$', '\\bi (?:make|post|upload|create|sell|bake) (?:custom )?(?:videos|content|music|beats|art|nails|lashes|cakes|cupcakes|jewelry|candles|shirts|tamales)\\b|(?:^|\\b(?:i|we|im|i\'m|i am|we are|were)(?: just)?(?: started)? )selling\\b'],
  ['im$ am$', '\\b(?:i am|i\'?m) (?:a |an )?(?:new |beginner |upcoming |aspiring |local |independent |small )?(?:rapper|singer|artist|youtuber|streamer|producer|realtor|influencer|photographer|dj|business owner|consultant|hairstylist|stylist|barber|tutor|baker|caterer|mechanic|contractor|handyman|makeup artist|nail tech|esthetician|personal trainer|notary|insurance agent|loan officer)\\b'],
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
