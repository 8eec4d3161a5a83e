/** Turn a classifier probability into a hit (block above the label's block threshold, weak above advice). */
import type { RuleContext } from './rule.ts';
import type { Hit } from './types.ts';

/**
 * Both kinds of hit have a `weak` field: many callers set it to true afterwards, and a hit of one
 * shape with it and one without took two object shapes and more through the engine and the rules
 * (each new shape meeting optimised code threw that code away).
 */
export function classifierHit(ctx: RuleContext, clause: string, what: string): Hit | null {
  const p = ctx.scores()[clause];
  if (p === undefined) return null;
  const t = ctx.threshold(clause);
  if (p >= t.block) return { message: `${what} (classifier, p=${p.toFixed(2)})`, score: p, weak: false };
  if (p >= t.advice) return { message: `possibly ${what} (classifier, p=${p.toFixed(2)})`, score: p, weak: true };
  return null;
}
