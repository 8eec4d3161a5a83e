/**
 * IV.D.7(k) — any content that violates any local, county, state or federal law or regulation.
 * Catalogue entry: the specific unlawful categories are raised by their own rules (personal
 * information, sexual content, illegal conduct, ownership); the general clause is a reviewer's
 * decision and is never raised automatically.
 */
import type { Rule } from '../rule.ts';

export const lawViolationRule: Rule = {
  id: 'law-violation',
  clauses: { post: 'IV.D.7(k)' },
  defaultSeverity: 'block',
  title: 'Content violating any law or regulation (reviewer decision only)',
  moderatorOnly: true,
  check() {
    return [];
  },
};
