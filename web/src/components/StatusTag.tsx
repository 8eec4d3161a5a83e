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

export function StatusTag({ status, label }: { status: string; label?: string }) {
  const tone = TONE[status] ?? 'crier-tag--neutral';
  return <span className={`usa-tag ${tone}`} data-status={status}>{label ?? status.replace(/_/g, ' ')}</span>;
}
