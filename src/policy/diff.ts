// What an amendment changed (IV.A.18 in Carson's pack): clause ids added, removed or changed,
// and which settings moved. Pure.
import { canonicalJson } from '../kernel/canonical-json.ts';
import type { Clause, PolicyPack } from './types.ts';

export interface PackDiff {
  from: { id: string; version: string; contentHash: string };
  to: { id: string; version: string; contentHash: string };
  /** In `to`'s order. */
  added: string[];
  /** In `from`'s order. */
  removed: string[];
  /** Ids in both whose title, text, kind, parent or section differ, in `to`'s order. */
  changed: string[];
  /** Top-level and second-level settings that differ, e.g. 'texts.commentPolicy', 'holidays'. */
  settings: string[];
  /** True when the content hashes are equal (nothing in the pack changed). */
  identical: boolean;
}

export function diffPacks(a: PolicyPack, b: PolicyPack): PackDiff {
  const before = new Map(a.clauses.map((c) => [c.id, c]));
  const after = new Map(b.clauses.map((c) => [c.id, c]));
  const same = (x: Clause, y: Clause) => canonicalJson(x) === canonicalJson(y);
  return {
    from: { id: a.id, version: a.version, contentHash: a.contentHash },
    to: { id: b.id, version: b.version, contentHash: b.contentHash },
    added: b.clauses.filter((c) => !before.has(c.id)).map((c) => c.id),
    removed: a.clauses.filter((c) => !after.has(c.id)).map((c) => c.id),
    changed: b.clauses.filter((c) => before.has(c.id) && !same(before.get(c.id) as Clause, c)).map((c) => c.id),
    settings: settingsDiff(a, b),
    identical: a.contentHash === b.contentHash,
  };
}

function settingsDiff(a: PolicyPack, b: PolicyPack): string[] {
  const out: string[] = [];
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].filter((k) => k !== 'clauses' && k !== 'contentHash').sort();
  for (const k of keys) {
    const va = ra[k];
    const vb = rb[k];
    if (canonicalJson(va) === canonicalJson(vb)) continue;
    if (isRecord(va) && isRecord(vb)) {
      const sub = [...new Set([...Object.keys(va), ...Object.keys(vb)])].sort();
      for (const s of sub) if (canonicalJson(va[s]) !== canonicalJson(vb[s])) out.push(`${k}.${s}`);
    } else {
      out.push(k);
    }
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
