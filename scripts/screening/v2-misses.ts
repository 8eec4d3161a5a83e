/**
 * npx tsx scripts/screening/v2-misses.ts FILE.jsonl [--list] — why V.2 missed the hateful comments
 * of a labelled set ({"text", "clauses"} or a helper's {"text", "hate"}) that it did not block:
 *
 * - `no-group`: the rule found no group named, so a short comment never reached the context model;
 * - `gate`: a group was named but the model may not block the comment alone (short, with no
 *   negative cue, or negated, past or reported: context-gate.ts);
 * - `low-p`: the model read it and scored it under its threshold.
 *
 * Prints the tally; with --list, each miss with the model's p and the finding V.2 gave (advice or
 * none). Session 13 found short live chat split mostly between the first two.
 */
import { readFileSync } from 'node:fs';
import { screenComment } from '../../src/screening/engine.ts';
import { normalize, tokenize } from '../../src/screening/normalize.ts';
import { contextAsked } from '../../src/screening/rules/discrimination.ts';
import { contextScore } from '../../src/screening/rules/discrimination/context.ts';
import { mayBlockAlone } from '../../src/screening/rules/discrimination/context-gate.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: v2-misses.ts FILE.jsonl [--list]');
const list = process.argv.includes('--list');

const tally: Record<string, number> = { 'no-group': 0, gate: 0, 'low-p': 0 };
let hateful = 0;
for (const [n, line] of readFileSync(file, 'utf8').split('\n').entries()) {
  if (!line.trim()) continue;
  let row: { text: string; clauses?: string[]; hate?: boolean };
  try {
    row = JSON.parse(line) as typeof row;
  } catch (e) {
    throw new Error(`${file} line ${n + 1}: invalid JSON (${(e as Error).message})`);
  }
  if (!(row.hate ?? row.clauses?.includes('V.2'))) continue;
  hateful++;
  const v2 = screenComment(row.text).filter((f) => f.clause === 'V.2');
  if (v2.some((f) => f.severity === 'block')) continue;
  const norm = normalize(row.text);
  const asked = contextAsked(norm.text, tokenize(norm.text));
  const c = contextScore(asked.res, asked.aside, asked.named);
  const why = !asked.named ? 'no-group' : !mayBlockAlone(asked.res, asked.aside) ? 'gate' : 'low-p';
  tally[why]!++;
  if (list) console.log(`${why.padEnd(8)} p=${c.p.toFixed(2)} ${v2[0]?.severity ?? '-'} | ${row.text}`);
}
console.log(`${hateful} hateful, ${Object.values(tally).reduce((a, b) => a + b, 0)} not blocked:`, tally);
