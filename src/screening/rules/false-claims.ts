/**
 * V.4 — content that is demonstrably false as a matter of fact. Moderator-only: truth cannot be
 * decided by pattern or model, so this rule never raises a finding; it is in the catalogue so a
 * moderator's decision can cite it.
 */
import type { Rule } from '../rule.ts';

export const falseClaimsRule: Rule = {
  id: 'false-claims',
  clauses: { comment: 'V.4' },
  defaultSeverity: 'block',
  title: 'Demonstrably false content (moderator decision only)',
  moderatorOnly: true,
  check() {
    return [];
  },
};
