/**
 * Loads the shared moderation data (../shared/data/moderation, see its SOURCES.md) and the
 * project's own labelled sets (scripts/screening/labelled/*.jsonl) as examples with partial
 * labels: each example says, for the clauses its source can speak to, whether it is positive.
 * The data is read at run time and never copied into the repository.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DATA_DIR = resolve(process.env.CRIER_MODERATION_DATA ?? join(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/moderation'));
export const LABELLED_DIR = join(dirname(fileURLToPath(import.meta.url)), 'labelled');

/**
 * Clauses the classifier learns. V.10–V.13 and V.15 were dropped from the model (their labelled
 * sets are too small for a threshold: they never fired on validation); their rules and the
 * labelled sets remain, and the eval still scores them.
 */
export const LABELS = ['V.1', 'V.2', 'V.3', 'V.5', 'V.6', 'V.7', 'V.8', 'V.14'] as const;
/** Every clause the labelled data speaks to (for evaluation). */
export const EVAL_LABELS = ['V.1', 'V.2', 'V.3', 'V.5', 'V.6', 'V.7', 'V.8', 'V.10', 'V.11', 'V.12', 'V.13', 'V.14', 'V.15'] as const;
export type Label = (typeof EVAL_LABELS)[number];

export interface Example {
  text: string;
  source: string;
  /** label → 1 positive / 0 negative; labels absent are unknown for this source. */
  y: Partial<Record<Label, 0 | 1>>;
  /** Project-written sets may name the behaviour a line tests (e.g. "counter_speech"). */
  functionality?: string;
}

export type Split = 'train' | 'val' | 'test';

/** Deterministic split by a hash of the text: 80 % train, 10 % validation, 10 % test. */
export function splitOf(text: string): Split {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  const r = h % 100;
  return r < 80 ? 'train' : r < 90 ? 'val' : 'test';
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(src: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (q) {
      if (c === '"') {
        if (src[i + 1] === '"') { field += '"'; i++; } else q = false;
      } else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field); field = '';
      rows.push(row); row = [];
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const read = (p: string): string => readFileSync(join(DATA_DIR, p), 'utf8');
const lines = (p: string): string[] => read(p).split(/\r?\n/).filter((l) => l.length > 0);

/** Negative for every clause (used for data that is clean for all our purposes). */
const ALL_NEG = (): Partial<Record<Label, 0 | 1>> => Object.fromEntries(EVAL_LABELS.map((l) => [l, 0]));

const PROTECTED = /\b(?:black|white|asian|latin|hispanic|mexican|african|arab|jew|muslim|islam|christian|catholic|gay|lesbian|trans|queer|homo|women|woman|girl|female|men|immigrant|migrant|refugee|disabled|retard|nigg|negro|race|racist)/i;

export function loadDavidson(): Example[] {
  const rows = parseCsv(read('davidson/labeled_data.csv')).slice(1);
  return rows.filter((r) => r.length >= 7).map((r) => {
    const cls = r[5];
    const text = r[6]!;
    // davidson speaks to hate (V.2) and offensive (V.3); "neither" tweets are negatives for those
    return { text, source: 'davidson', y: { 'V.2': cls === '0' ? 1 : 0, 'V.3': cls === '2' ? 0 : 1 } };
  });
}

export function loadOlid(): Example[] {
  const out: Example[] = [];
  const add = (text: string, a: string, b: string | undefined, c: string | undefined): void => {
    const y: Partial<Record<Label, 0 | 1>> = {};
    if (a === 'NOT') Object.assign(y, { 'V.2': 0, 'V.3': 0, 'V.14': 0 });
    else {
      y['V.3'] = 1; // offensive language
      if (b === 'TIN' && c === 'IND') y['V.14'] = 1;
      if (b === 'TIN' && c === 'GRP') { if (PROTECTED.test(text)) y['V.2'] = 1; else y['V.14'] = 1; }
    }
    out.push({ text, source: 'olid', y });
  };
  for (const l of lines('olid/olid-training-v1.0.tsv').slice(1)) {
    const [, tweet, a, b, c] = l.split('\t');
    if (tweet && a) add(tweet, a, b === 'NULL' ? undefined : b, c === 'NULL' ? undefined : c);
  }
  const la = new Map(lines('olid/labels-levela.csv').slice(1).map((l) => l.split(',') as [string, string]));
  const lb = new Map(lines('olid/labels-levelb.csv').slice(1).map((l) => l.split(',') as [string, string]));
  const lc = new Map(lines('olid/labels-levelc.csv').slice(1).map((l) => l.split(',') as [string, string]));
  for (const l of lines('olid/testset-levela.tsv').slice(1)) {
    const [id, tweet] = l.split('\t');
    const a = la.get(id!);
    if (tweet && a) add(tweet, a, lb.get(id!), lc.get(id!));
  }
  return out;
}

export function loadTweetEvalHate(): Example[] {
  const out: Example[] = [];
  for (const part of ['train', 'val', 'test']) {
    const texts = lines(`tweeteval/hate/${part}_text.txt`);
    const labels = lines(`tweeteval/hate/${part}_labels.txt`);
    texts.forEach((t, i) => out.push({ text: t.trim(), source: 'tweeteval-hate', y: { 'V.2': labels[i]?.trim() === '1' ? 1 : 0 } }));
  }
  return out;
}

export function loadStance(): Example[] {
  const out: Example[] = [];
  for (const target of ['hillary', 'atheism', 'abortion', 'feminist', 'climate']) {
    for (const part of ['train', 'val', 'test']) {
      const dir = `tweeteval/stance/${target}`;
      if (!existsSync(join(DATA_DIR, dir, `${part}_text.txt`))) continue;
      const texts = lines(`${dir}/${part}_text.txt`);
      const labels = lines(`${dir}/${part}_labels.txt`);
      texts.forEach((t, i) => {
        const stance = labels[i]?.trim() !== '0';
        const y: Partial<Record<Label, 0 | 1>> = {};
        if (target === 'hillary') y['V.5'] = stance ? 1 : 0;
        else if (target === 'atheism') y['V.6'] = stance ? 1 : 0;
        else { y['V.5'] = 0; y['V.6'] = 0; }
        out.push({ text: t.replace(/#SemST/g, '').trim(), source: `stance-${target}`, y });
      });
    }
  }
  return out;
}

export function loadSms(): Example[] {
  return lines('sms-spam/SMSSpamCollection').slice(1).map((l) => {
    const tab = l.indexOf('\t');
    const label = l.slice(0, tab);
    const text = l.slice(tab + 1);
    // ham messages are ordinary chat: clean for every clause except V.3 (some swear)
    const y: Partial<Record<Label, 0 | 1>> = label === 'spam' ? { 'V.7': 1 } : { ...ALL_NEG(), 'V.7': 0 };
    if (label !== 'spam') delete y['V.3'];
    return { text, source: 'sms-spam', y };
  });
}

export interface PolisComment { text: string; moderated: number; conversation: string }
export function loadPolis(): PolisComment[] {
  const out: PolisComment[] = [];
  for (const conv of readdirSync(join(DATA_DIR, 'polis-civic'))) {
    const p = join('polis-civic', conv, 'comments.csv');
    if (!existsSync(join(DATA_DIR, p))) continue;
    const rows = parseCsv(read(p));
    const head = rows[0]!;
    const iBody = head.indexOf('comment-body');
    const iMod = head.indexOf('moderated');
    for (const r of rows.slice(1)) if (r[iBody]) out.push({ text: r[iBody]!, moderated: Number(r[iMod]), conversation: conv });
  }
  return out;
}

/**
 * Project-written sets the general classifier does not train on. v02-functional.jsonl (V.2 by
 * functionality) was tried as its training data (2026-11-27): the V.2 model's block threshold stayed
 * at 0.98 and its strict V.2 test F1 did not move, while the reshuffled training moved V.14 by
 * -0.03 and V.3 by -0.004. V.2's context model (scripts/screening/train-context.ts) trains on the
 * 80 % train split of every V.2 set here except those in NEVER_TRAINED.
 */
export const EVAL_ONLY = new Set(['v02-functional.jsonl', 'v02-lead-probe.jsonl', 'v07-lead-probes.jsonl', 'v07-lead-probes-s8.jsonl', 'v02-lead-probe-s8.jsonl', 'v02-helper-probes-s8.jsonl', 'v02-probes-s9.jsonl', 'v02-context-s10.jsonl', 'v02-context-s11.jsonl', 'v02-probes-s10.jsonl', 'v02-probes-s11.jsonl', 'v02-chat-s12.jsonl', 'v02-probes-s12.jsonl', 'v02-short-s12a.jsonl', 'v02-short-s12b.jsonl', 'v02-short-s12c.jsonl', 'v02-short-s12d.jsonl', 'v02-short-s12e.jsonl', 'v02-short-s12f.jsonl', 'v02-probes-s13.jsonl', 'v02-accusations-s14-dev.jsonl', 'v02-accusations-s14-heldout.jsonl', 'v02-accusations-s14-b.jsonl', 'v02-negations-s16.jsonl', 'v02-probes-s16.jsonl', 'v02-probes-s17.jsonl', 'v02-probes-s18.jsonl', 'v02-contrast-s18.jsonl']);
/**
 * Sets no model trains on, in any split: probes of unseen text, written after the model they
 * measure; the grammar's development set of session 12 (v02-chat-s12); and the short-comment sets of
 * session 12 (v02-short-s12a–f), written for a short-comment model that was not kept (see
 * bench/screening/README.md): with them the context model lost 0.05 of F1 on held-out probe p25.
 */
export const NEVER_TRAINED = new Set(['v02-probes-s10.jsonl', 'v02-probes-s11.jsonl', 'v02-chat-s12.jsonl', 'v02-probes-s12.jsonl',
  'v02-short-s12a.jsonl', 'v02-short-s12b.jsonl', 'v02-short-s12c.jsonl', 'v02-short-s12d.jsonl', 'v02-short-s12e.jsonl', 'v02-short-s12f.jsonl', 'v02-probes-s13.jsonl', 'v02-accusations-s14-heldout.jsonl', 'v02-accusations-s14-b.jsonl',
  'v02-negations-s16.jsonl', 'v02-probes-s16.jsonl', 'v02-probes-s17.jsonl', 'v02-probes-s18.jsonl', 'v02-contrast-s18.jsonl']);

/**
 * The project's own labelled sets: JSON lines {"text": "...", "clauses": ["V.8"]} ([] = clean),
 * optionally with "scope" (the clauses the label speaks to; default all) and "functionality" (what
 * the line tests). `withEvalOnly` adds the sets in EVAL_ONLY (for the eval's own-set table).
 */
export function loadLabelled(withEvalOnly = false): Example[] {
  const out: Example[] = [];
  if (!existsSync(LABELLED_DIR)) return out;
  for (const f of readdirSync(LABELLED_DIR).filter((x) => x.endsWith('.jsonl') && (withEvalOnly || !EVAL_ONLY.has(x))).sort()) {
    const src = readFileSync(join(LABELLED_DIR, f), 'utf8');
    src.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      let rec: { text: string; clauses: string[]; functionality?: string; scope?: string[] };
      try { rec = JSON.parse(line); } catch { throw new Error(`${f}:${i + 1}: invalid JSON`); }
      // "scope": the clauses the line's label speaks to (default: all); "We should kick the
      // Mexicans out" labelled for V.2 says nothing about whether it is also profane (V.3)
      const y: Partial<Record<Label, 0 | 1>> = rec.scope ? Object.fromEntries(rec.scope.filter((c) => (EVAL_LABELS as readonly string[]).includes(c)).map((c) => [c, 0])) : ALL_NEG();
      for (const c of rec.clauses) if ((EVAL_LABELS as readonly string[]).includes(c)) y[c as Label] = 1;
      const e: Example = { text: rec.text, source: `labelled:${f.replace('.jsonl', '')}`, y };
      if (rec.functionality !== undefined) e.functionality = rec.functionality;
      out.push(e);
    });
  }
  return out;
}

export function loadAll(): Example[] {
  return [...loadDavidson(), ...loadOlid(), ...loadTweetEvalHate(), ...loadStance(), ...loadSms(), ...loadLabelled()];
}
