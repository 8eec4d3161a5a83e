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
    }
  }
  return out;
}
