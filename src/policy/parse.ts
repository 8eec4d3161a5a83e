// Pure pack parser: file contents in, validated PolicyPack out. No file system here.
//
// A pack is a folder of:
//   pack.yaml      everything but the clauses and the long texts
//   clauses.yaml   `clauses:` — the clause catalogue in the policy's own outline and words
//   texts/*.md     long public texts (see TEXT_FILES); each may instead be inline in pack.yaml
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { PolicyPackError, type PackIssue } from './errors.ts';
import { computeContentHash } from './hash.ts';
import { PolicyPackSchema, type PolicyPack } from './types.ts';

/** Pack-relative path → contents (UTF-8 text). */
export type PackFiles = Record<string, string>;

/** Long texts kept as markdown files, and where each lands in `pack.texts`. */
export const TEXT_FILES: Readonly<Record<string, readonly [string] | readonly [string, string]>> = {
  'texts/comment-policy.md': ['commentPolicy'],
  'texts/records-disclaimer.md': ['recordsDisclaimer'],
  'texts/purpose-notice.md': ['purposeNotice'],
  'texts/liability-disclaimer.md': ['liabilityDisclaimer'],
  'texts/acknowledgement.md': ['acknowledgement', 'body'],
};

export function parsePack(input: PackFiles): PolicyPack {
  const files = normaliseNames(input);
  const issues: PackIssue[] = [];

  const packYaml = readYaml(files, 'pack.yaml', issues);
  const clausesYaml = readYaml(files, 'clauses.yaml', issues);
  if (issues.length) throw new PolicyPackError(issues);

  if (!isPlainObject(packYaml)) throw new PolicyPackError([{ file: 'pack.yaml', path: '', message: 'expected a mapping at the top level' }]);
  if (!isPlainObject(clausesYaml) || !('clauses' in clausesYaml)) {
    throw new PolicyPackError([{ file: 'clauses.yaml', path: '', message: 'expected a mapping with a `clauses:` list' }]);
  }
  for (const key of Object.keys(clausesYaml)) {
    if (key !== 'clauses') issues.push({ file: 'clauses.yaml', path: key, message: 'unexpected key (only `clauses` belongs here)' });
  }
  if ('clauses' in packYaml) issues.push({ file: 'pack.yaml', path: 'clauses', message: 'clauses belong in clauses.yaml' });

  // Merge texts/*.md into texts.
  const texts: Record<string, unknown> = isPlainObject(packYaml.texts) ? structuredClone(packYaml.texts) : {};
  for (const name of Object.keys(files).filter((f) => f.startsWith('texts/')).sort()) {
    const target = TEXT_FILES[name];
    if (!target) {
      issues.push({ file: name, path: '', message: `unknown text file (expected one of ${Object.keys(TEXT_FILES).join(', ')})` });
      continue;
    }
    const body = normaliseText(files[name] ?? '');
    const [key, sub] = target;
    if (sub === undefined) {
      if (texts[key] !== undefined) issues.push({ file: name, path: `texts.${key}`, message: 'also given inline in pack.yaml; keep one' });
      texts[key] = body;
    } else {
      const holder = isPlainObject(texts[key]) ? (texts[key] as Record<string, unknown>) : {};
      if (holder[sub] !== undefined) issues.push({ file: name, path: `texts.${key}.${sub}`, message: 'also given inline in pack.yaml; keep one' });
      texts[key] = { ...holder, [sub]: body };
    }
  }
  if (issues.length) throw new PolicyPackError(issues);

  const raw = { ...packYaml, texts, clauses: clausesYaml.clauses };
  const parsed = PolicyPackSchema.safeParse(raw);
  if (!parsed.success) throw new PolicyPackError(parsed.error.issues.map((i) => toPackIssue(i, files)));

  const pack: PolicyPack = { ...parsed.data, contentHash: computeContentHash(parsed.data) };
  return deepFreeze(pack);
}

/** 'clauses[12].id', 'jurisdiction.timeZone', 'retention.defaults["weird key"]'. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

function toPackIssue(issue: z.core.$ZodIssue, files: PackFiles): PackIssue {
  return { file: fileFor(issue.path, files), path: formatPath(issue.path), message: issue.message };
}

/** Which file a field path lives in. */
function fileFor(path: readonly PropertyKey[], files: PackFiles): string {
  if (path[0] === 'clauses') return 'clauses.yaml';
  if (path[0] === 'texts') {
    for (const [file, target] of Object.entries(TEXT_FILES)) {
      const matches = target.every((seg, i) => path[i + 1] === seg);
      if (matches && (file in files || path.length === target.length + 1)) return file;
    }
  }
  return 'pack.yaml';
}

function readYaml(files: PackFiles, name: string, issues: PackIssue[]): unknown {
  const src = files[name];
  if (src === undefined) {
    issues.push({ file: name, path: '', message: 'missing file' });
    return undefined;
  }
  const doc = parseDocument(src, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length) {
    for (const e of doc.errors) issues.push({ file: name, path: '', message: `invalid YAML: ${(e.message.split('\n')[0] ?? '').replace(/:$/, '')}` });
    return undefined;
  }
  return doc.toJS({ maxAliasCount: 100 });
}

function normaliseNames(files: PackFiles): PackFiles {
  const out: PackFiles = {};
  for (const [k, v] of Object.entries(files)) out[k.replace(/\\/g, '/').replace(/^\.\//, '')] = v;
  return out;
}

function normaliseText(s: string): string {
  return s.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').trim();
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
