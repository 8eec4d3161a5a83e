// Errors raised by the policy module. They carry stable codes so callers (and src/http) can map
// them without parsing messages.

export interface PackIssue {
  /** Pack-relative file the problem is in: 'pack.yaml', 'clauses.yaml', 'texts/comment-policy.md'. */
  file: string;
  /** Field path inside the parsed pack, e.g. 'clauses[12].id' ('' for the whole file). */
  path: string;
  message: string;
}

/** A policy pack that cannot be loaded. The message names the file and the field path. */
export class PolicyPackError extends Error {
  readonly code = 'policy.invalid_pack';
  readonly issues: readonly PackIssue[];

  constructor(issues: PackIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'PolicyPackError';
    this.issues = issues;
  }
}

/** A citation that does not resolve in the loaded pack. */
export class UnknownClauseError extends Error {
  readonly code = 'policy.unknown_clause';

  constructor(
    readonly clauseId: string,
    readonly packId: string,
  ) {
    super(`unknown clause id "${clauseId}" in policy pack "${packId}"`);
    this.name = 'UnknownClauseError';
  }
}

export function formatIssue(i: PackIssue): string {
  return i.path ? `${i.file}: ${i.path}: ${i.message}` : `${i.file}: ${i.message}`;
}
