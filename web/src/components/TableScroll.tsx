import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways inside its column on small screens instead of widening the
 * page. Focusable (and named) so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="crier-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
