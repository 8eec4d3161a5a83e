/**
 * V.8 — promotion or advocacy for the sale or use of tobacco, alcohol, controlled substances,
 * firearms or weapons of any kind. A mention is not promotion: a finding needs a selling /
 * promoting / use-urging word near the product ("selling cheap vapes", "come get high").
 */
import { classifierHit } from '../classify.ts';
import { hasAny, tokenHit, triggers } from '../hits.ts';
import { Pattern } from '../patterns.ts';
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';

const PRODUCTS = new Set([
  'cigarettes', 'cigarette', 'cigs', 'cigars', 'cigar', 'tobacco', 'vape', 'vapes', 'vaping', 'juul', 'juuls', 'hookah', 'nicotine',
  'chew', 'dip', 'beer', 'beers', 'booze', 'liquor', 'vodka', 'tequila', 'whiskey', 'whisky', 'rum', 'gin', 'wine', 'shots', 'alcohol',
  'drinks', 'weed', 'marijuana', 'cannabis', 'pot', 'edibles', 'thc', 'cbd', 'kush', 'blunts', 'blunt', 'joints', 'joint', 'dope',
  'cocaine', 'coke', 'crack', 'meth', 'heroin', 'fentanyl', 'xanax', 'xans', 'percs', 'percocet', 'oxy', 'oxys', 'molly', 'mdma',
  'ecstasy', 'lsd', 'acid', 'shrooms', 'mushrooms', 'pills', 'lean', 'ketamine', 'adderall', 'guns', 'gun', 'firearms', 'firearm',
  'pistol', 'pistols', 'rifle', 'rifles', 'ar15', 'ar', 'glock', 'glocks', 'ammo', 'ammunition', 'handgun', 'handguns', 'shotgun',
  'knives', 'knife', 'switchblade', 'brass knuckles', 'tasers', 'taser', 'crossbow', 'ghost gun', 'suppressor', 'silencer',
  'weapons', 'weapon', 'fireworks', 'gummies', 'carts', 'plug',
]);
const PROMOTE = new Set([
  'buy', 'buying', 'sell', 'selling', 'sale', 'cheap', 'order', 'deal', 'deals', 'discount', 'delivered', 'delivery', 'deliver',
  'dm', 'hmu', 'text', 'stock', 'restocked', 'available', 'supply', 'supplier', 'plug', 'shop', 'price', 'prices', 'get', 'try',
  'smoke', 'smoking', 'vaping', 'drink', 'drinking', 'chug', 'puff', 'toke', 'snort', 'pop', 'blaze', 'lit', 'party', 'high',
  'wasted', 'everyone', 'lets', 'go', 'grab', 'legit', 'quality', 'bulk', 'wholesale', 'free', 'best', 'love', 'need', 'carry',
  'own', 'arm', 'yourselves', 'stock up',
]);
/**
 * The product words as a trigger set (hits.ts): the word table knows for each word whether it is
 * one, so a text without any is answered from the tokens' trigger bits instead of a set lookup
 * per token (this rule looked up every token of every comment).
 */
const PRODUCT_WORDS = triggers([...PRODUCTS].join(' '));
/** Product words with everyday meanings (sidewalk crack, flu shots, joint meeting). */
const AMBIGUOUS = new Set(['pot', 'coke', 'acid', 'mushrooms', 'lean', 'crack', 'dip', 'chew', 'ar', 'joint', 'joints', 'drinks', 'shots', 'pills', 'plug', 'knife', 'knives', 'fireworks', 'wine', 'beer', 'gummies', 'carts', 'blunt', 'gun', 'guns', 'weapon', 'weapons', 'alcohol', 'cbd']);
/** The use and sale phrases: [needles (a match contains one), alternative], in the order of the original single pattern's alternation. */
const use = new Pattern([
  ['high lit wasted drunk stoned blazed', '\\bget (?:high|lit|wasted|drunk|stoned|blazed)\\b'],
  ['drink smoke party blaze lit', "\\blet'?s (?:get )?(?:drink|smoke|party|blaze|get lit)\\b"],
  ['smoke', '\\bsmoke (?:weed|up|a blunt|one)\\b'],
  ['friendly', '\\b420 friendly\\b'],
  ['blaze', '\\bblaze it\\b'],
  ['bottoms', '\\bbottoms up\\b'],
  ['shots', '\\bshots shots\\b'],
  ['everyone', '\\beveryone should (?:own|carry|buy) (?:a )?(?:gun|guns|weapon|firearm)\\b'],
  ['yourselves', '\\barm yourselves\\b'],
  ['gun', '\\bbuy (?:a )?guns?\\b'],
]);

export const substancesRule: Rule = {
  id: 'substances',
  clauses: { comment: 'V.8' },
  defaultSeverity: 'block',
  title: 'Promotion of tobacco, alcohol, controlled substances, firearms or weapons',
  check(ctx) {
    const hits: Hit[] = use.hits(ctx, 'promotes the use or sale of alcohol, drugs, tobacco or weapons', 0.85, false, 5);
    const t = ctx.tokens;
    if (hits.length === 0 && hasAny(ctx, PRODUCT_WORDS)) {
      for (let i = 0; i < t.length && hits.length < 3; i++) {
        if (!PRODUCTS.has(t[i]!.w)) continue;
        let promo = -1;
        for (let k = Math.max(0, i - 4); k < Math.min(t.length, i + 4); k++) if (k !== i && PROMOTE.has(t[k]!.w)) { promo = k; break; }
        if (promo >= 0) {
          const a = Math.min(i, promo);
          const b = Math.max(i, promo) + 1;
          const strong = ['sell', 'selling', 'sale', 'cheap', 'dm', 'hmu', 'delivery', 'delivered', 'plug', 'restocked', 'wholesale', 'bulk', 'prices', 'price', 'legit', 'supplier'].includes(t[promo]!.w);
          if (!strong && AMBIGUOUS.has(t[i]!.w)) continue;
          hits.push(tokenHit(ctx, a, b, `may promote "${t[i]!.w}"`, strong ? 0.85 : 0.5, !strong));
        }
      }
    }
    const c = classifierHit(ctx, 'V.8', 'promotion of alcohol, tobacco, drugs or weapons');
    if (c && hits.every((h) => h.weak)) hits.push(c);
    return hits;
  },
};
