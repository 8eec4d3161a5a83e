/**
 * npm run eval:screening — measures the screening engine on the held-out test split of the
 * shared moderation data (never trained on; see data.ts splitOf), with obscenity and
 * leo-profanity as baselines in the same run, and the share of human-accepted civic comments
 * (polis-civic, moderated = 1) that the engine would block. Prints markdown and writes it to
 * bench/screening/eval-latest.md.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import leo from 'leo-profanity';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { bundledModel, screenComment } from '../../src/screening/engine.ts';
import type { Finding } from '../../src/screening/types.ts';
import { EVAL_LABELS as LABELS, EVAL_ONLY, loadAll, loadLabelled, loadPolis, NEVER_TRAINED, splitOf } from './data.ts';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../../bench/screening/eval-latest.md');

interface Counts { tp: number; fp: number; fn: number; tn: number }
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
const add = (c: Counts, pred: boolean, gold: boolean): void => {
  if (pred && gold) c.tp++; else if (pred) c.fp++; else if (gold) c.fn++; else c.tn++;
};
const f = (x: number): string => x.toFixed(3);
/** "V.7 2, V.3 1": blocked comments per clause, most first. */
const byClause = (m: Map<string, number>): string => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
const row = (name: string, c: Counts): string => {
  const m = prf(c);
  return `| ${name} | ${c.tp + c.fn} / ${c.tp + c.fp + c.fn + c.tn} | ${f(m.p)} | ${f(m.r)} | **${f(m.f1)}** |`;
};

function main(): void {
  const t0 = Date.now();
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const test = loadAll().filter((e) => splitOf(e.text) === 'test');
  const model = bundledModel();
  const lines: string[] = [];
  const out = (s = ''): void => { lines.push(s); console.log(s); };

  type System = 'engine (block)' | 'engine (block+advice)' | 'obscenity' | 'leo-profanity';
  const systems: System[] = ['engine (block)', 'engine (block+advice)', 'obscenity', 'leo-profanity'];
  const perClause = new Map<string, Map<System, Counts>>();
  const bySource = new Map<string, Map<System, Counts>>();
  const get = (m: Map<string, Map<System, Counts>>, k: string, s: System): Counts => {
    let inner = m.get(k);
    if (!inner) { inner = new Map(); m.set(k, inner); }
    let c = inner.get(s);
    if (!c) { c = zero(); inner.set(s, c); }
    return c;
  };
  const predict = (findings: Finding[], clauses: readonly string[], level: 'block' | 'any'): boolean =>
    findings.some((x) => clauses.includes(x.clause) && (level === 'any' || x.severity === 'block'));

  const ABUSE = ['V.2', 'V.3', 'V.14'];
  for (const e of test) {
    const findings = screenComment(e.text, { model });
    const ob = obscenity.hasMatch(e.text);
    const lp = leo.check(e.text);
    const preds: Record<System, (clauses: readonly string[]) => boolean> = {
      'engine (block)': (c) => predict(findings, c, 'block'),
      'engine (block+advice)': (c) => predict(findings, c, 'any'),
      obscenity: () => ob,
      'leo-profanity': () => lp,
    };
    for (const lab of LABELS) {
      const y = e.y[lab];
      if (y === undefined) continue;
      for (const s of systems) {
        add(get(perClause, lab, s), preds[s]([lab]), y === 1);
        if (['V.2', 'V.3', 'V.7'].includes(lab) && !e.source.startsWith('labelled:')) add(get(bySource, `${lab} · ${e.source}`, s), preds[s]([lab]), y === 1);
        // strict V.2 on the public data alone (the project's own sets have lines in the test split too)
        if (lab === 'V.2' && !e.source.startsWith('labelled:')) add(get(perClause, 'V.2 (public sources only)', s), preds[s]([lab]), y === 1);
      }
    }
    // hate / abuse as a moderator sees it: should this be removed under V.2, V.3 or V.14?
    // (sources that label all three: davidson hate+offensive vs neither, OLID OFF vs NOT)
    if (e.source === 'davidson' || e.source === 'olid') {
      const gold = ABUSE.some((c) => e.y[c as (typeof LABELS)[number]] === 1);
      for (const s of systems) add(get(perClause, 'abusive (V.2 ∪ V.3 ∪ V.14)', s), preds[s](ABUSE), gold);
    }
  }

  out(`# Screening evaluation (${new Date().toISOString().slice(0, 10)})`);
  out();
  out(`Model \`${model.data.version}\`; held-out test split (10 %, by hash of the text, never trained on): ${test.length} examples. ` +
    `Machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`);
  out();
  out('"engine (block)" counts a clause as predicted when the engine raises a *block* finding citing it; "block+advice" counts any finding. Baselines flag every clause whenever they find a profane word.');
  out();
  const table = (title: string, m: Map<string, Map<System, Counts>>, keys: string[]): void => {
    out(`## ${title}`);
    out();
    out('| clause | system | positives / n | precision | recall | F1 |');
    out('|---|---|---|---|---|---|');
    for (const k of keys) {
      const inner = m.get(k);
      if (!inner) continue;
      for (const s of systems) {
        const c = inner.get(s);
        if (!c) continue;
        if ((s === 'obscenity' || s === 'leo-profanity') && !['V.2', 'V.3', 'V.7', 'V.14', 'abusive (V.2 ∪ V.3 ∪ V.14)'].some((x) => k.startsWith(x))) continue;
        out(row(`${k} | ${s}`, c));
      }
    }
    out();
  };
  table('Per clause', perClause, ['abusive (V.2 ∪ V.3 ∪ V.14)', ...LABELS.flatMap((l) => (l === 'V.2' ? [l, 'V.2 (public sources only)'] : [l]))]);
  table('Per clause and source', bySource, [...bySource.keys()].sort());

  // civic false positives
  const polisAll = loadPolis(); // read once: accepted and not yet moderated comments below
  const polis = polisAll.filter((c) => c.moderated === 1);
  const blockedBy = new Map<string, number>();
  let blocked = 0;
  let blockedTest = 0;
  let nTest = 0;
  let obBlocked = 0;
  const examples: string[] = [];
  for (const c of polis) {
    const findings = screenComment(c.text, { model });
    const b = findings.filter((x) => x.severity === 'block');
    const isTest = splitOf(c.text) === 'test';
    if (isTest) nTest++;
    if (obscenity.hasMatch(c.text)) obBlocked++;
    if (b.length > 0) {
      blocked++;
      if (isTest) blockedTest++;
      for (const cl of new Set(b.map((x) => x.clause))) blockedBy.set(cl, (blockedBy.get(cl) ?? 0) + 1);
      if (examples.length < 15) examples.push(`${b.map((x) => `${x.clause} ${x.ruleId} "${x.span?.text ?? ''}"`).join('; ')}`);
    }
  }
  out('## Accepted civic comments (polis-civic, moderated = 1)');
  out();
  out(`Blocked by the engine: **${blocked} of ${polis.length} (${((100 * blocked) / polis.length).toFixed(2)} %)**; ` +
    `on the test split alone (thresholds never saw it): ${blockedTest} of ${nTest} (${((100 * blockedTest) / Math.max(1, nTest)).toFixed(2)} %). ` +
    `obscenity would flag ${obBlocked} (${((100 * obBlocked) / polis.length).toFixed(2)} %).`);
  out();
  out(`By clause: ${byClause(blockedBy)}.`);
  out();
  // comments no moderator has looked at yet: civic speech too (mostly national politics), and the
  // block thresholds are chosen to keep them unblocked as well; many blocks here are right (test
  // gibberish is V.1, "Elect Democrats!" is V.5), so the share is reported, not held to a target;
  // outside the test split the thresholds saw them, so this is in sample
  const unmoderated = polisAll.filter((c) => c.moderated === 0);
  const unmoderatedBy = new Map<string, number>();
  let unmoderatedBlocked = 0;
  for (const c of unmoderated) {
    const b = screenComment(c.text, { model }).filter((x) => x.severity === 'block');
    if (b.length === 0) continue;
    unmoderatedBlocked++;
    for (const cl of new Set(b.map((x) => x.clause))) unmoderatedBy.set(cl, (unmoderatedBy.get(cl) ?? 0) + 1);
  }
  out(`Not yet moderated (moderated = 0, ${unmoderated.length} comments): blocked ${unmoderatedBlocked} (${((100 * unmoderatedBlocked) / Math.max(1, unmoderated.length)).toFixed(2)} %); ` +
    `by clause: ${byClause(unmoderatedBy)}.`);
  out();
  out('Evidence of the blocks (rule and matched span only):');
  out();
  for (const x of examples) out(`- ${x}`);
  out();

  // hand-written sets, in sample (rules were written alongside them), but for the rows named below
  const own = loadLabelled(true);
  const CONTEXT_TEST = 'V.2 · test split of the sets above (never trained on)';
  const ownCounts = new Map<string, Counts>();
  const ownBlock = new Map<string, Counts>();
  for (const e of own) {
    const findings = screenComment(e.text, { model });
    for (const lab of LABELS) {
      if (!own.some((x) => x.y[lab] === 1)) continue;
      const y = e.y[lab];
      if (y === undefined) continue;
      // the sets kept out of training also get a row of their own: they are the unseen-text check
      const file = e.source.replace('labelled:', '');
      const keys = EVAL_ONLY.has(`${file}.jsonl`) ? [lab, `${lab} · ${file}`] : [lab];
      // V.2's context model trains on the other 90 % of these sets: their test split is its unseen text
      if (lab === 'V.2' && !NEVER_TRAINED.has(`${file}.jsonl`) && splitOf(e.text) === 'test') keys.push(CONTEXT_TEST);
      for (const key of keys) {
        let c = ownCounts.get(key);
        if (!c) { c = zero(); ownCounts.set(key, c); }
        add(c, predict(findings, [lab], 'any'), y === 1);
        let b = ownBlock.get(key);
        if (!b) { b = zero(); ownBlock.set(key, b); }
        add(b, predict(findings, [lab], 'block'), y === 1);
      }
    }
  }
  out('## Project-written labelled sets (scripts/screening/labelled, in sample)');
  out();
  out(`In sample: the rules were written alongside these sets, and V.2's context model trains on the 80 % train split of the V.2 sets. Not in sample: "${CONTEXT_TEST}", and the sets in NEVER_TRAINED (${[...NEVER_TRAINED].join(', ')}: probes of unseen text, never trained on; see labelled/README.md for which were tuned on).`);
  out();
  out('| clause | positives / n | precision | recall | F1 (any finding) | F1 (block) |');
  out('|---|---|---|---|---|---|');
  for (const [k, c] of ownCounts) out(`${row(k, c)} ${f(prf(ownBlock.get(k)!).f1)} |`);
  out();
  // V.2's functional set by functionality (block only: what a resident would notice)
  const func = new Map<string, { n: number; ok: number }>();
  for (const e of own) {
    if (e.functionality === undefined) continue;
    const blocked = predict(screenComment(e.text, { model }), ['V.2'], 'block');
    const m = func.get(e.functionality) ?? { n: 0, ok: 0 };
    m.n++;
    if (blocked === (e.y['V.2'] === 1)) m.ok++;
    func.set(e.functionality, m);
  }
  if (func.size > 0) {
    out('V.2 functional set (`v02-functional.jsonl`), share right by functionality (blocked with V.2 for hateful lines, not blocked with V.2 otherwise):');
    out();
    out([...func].map(([k, m]) => `${k} ${m.ok}/${m.n}`).join(' · '));
    out();
  }
  out(`Run time ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  writeFileSync(OUT, lines.join('\n') + '\n');
  process.stdout.write(`\nwritten to ${OUT}\n`);
}

main();
