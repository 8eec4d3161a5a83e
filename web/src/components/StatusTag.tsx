/** A USWDS tag coloured by meaning (classes only: the CSP forbids inline styles). */
const TONE: Record<string, string> = {
  active: 'crier-tag--success',
  authorized: 'crier-tag--success',
  approved: 'crier-tag--success',
  pass: 'crier-tag--success',
  council_approved: 'crier-tag--info',
  it_reviewed: 'crier-tag--info',
  requested: 'crier-tag--warning',
  pending: 'crier-tag--warning',
  proposed: 'crier-tag--warning',
  terminated: 'crier-tag--neutral',
  removed: 'crier-tag--neutral',
  revoked: 'crier-tag--error',
  suspended: 'crier-tag--error',
  rejected: 'crier-tag--error',
  denied: 'crier-tag--error',
  fail: 'crier-tag--error',
  'not authorized': 'crier-tag--error',
};

/**
 * `data-status` marks the page's main subject (a platform's lifecycle state, a person's authorization
 * per platform), for tests and tools;
 * tags about something else on the page (an administrator, an application, a role) name their
 * subject instead, e.g. `data-admin-status`, so the two never read alike.
 */
export function StatusTag({ status, label, subject }: { status: string; label?: string; subject?: 'admin' | 'app' | 'role' | 'person' | 'count' }) {
  const tone = TONE[status] ?? 'crier-tag--neutral';
  const attr = subject ? { [`data-${subject}-status`]: status } : { 'data-status': status };
  return (
    <span className={`usa-tag ${tone}`} {...attr}>
      {label ?? status.replace(/_/g, ' ')}
    </span>
  );
}
