/** Every clause screening knows, including moderator-only ones, so decisions can cite them. */
import { RULES } from './rules/index.ts';

export interface CatalogueEntry {
  ruleId: string;
  clause: string;
  kind: 'comment' | 'post';
  title: string;
  automatic: boolean;
}

export function catalogue(): CatalogueEntry[] {
  const out: CatalogueEntry[] = [];
  for (const r of RULES) {
    for (const kind of ['comment', 'post'] as const) {
      const clause = r.clauses[kind];
      if (clause) out.push({ ruleId: r.id, clause, kind, title: r.title, automatic: !r.moderatorOnly });
      for (const extra of r.alsoCites?.[kind] ?? []) out.push({ ruleId: r.id, clause: extra, kind, title: r.title, automatic: true });
    }
  }
  // outside the synchronous rule list: language.ts (async) and similarity.ts (needs recent posts)
  out.push(
    { ruleId: 'spelling', clause: 'IV.D.4', kind: 'post', title: 'Spelling (retext-spell)', automatic: true },
    { ruleId: 'plain-language', clause: 'IV.D.4', kind: 'post', title: 'Jargon and wordy phrases (retext-simplify)', automatic: true },
    { ruleId: 'repeated-words', clause: 'IV.D.4', kind: 'post', title: 'Repeated words (retext-repeated-words)', automatic: true },
    { ruleId: 'readability', clause: 'III.H', kind: 'post', title: 'Readability (retext-readability)', automatic: true },
    { ruleId: 'duplicate-conflict', clause: 'IV.C.15(h)', kind: 'post', title: 'Duplicative or conflicting information', automatic: true },
  );
  return out;
}
