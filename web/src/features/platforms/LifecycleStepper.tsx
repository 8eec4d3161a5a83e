import { StepIndicator, StepIndicatorStep } from '@trussworks/react-uswds';

const STEPS = [
  { status: 'requested', label: 'Requested' },
  { status: 'it_reviewed', label: 'IT reviewed' },
  { status: 'council_approved', label: 'Council approved' },
  { status: 'active', label: 'Active' },
  { status: 'terminated', label: 'Terminated' },
];

/** requested → IT reviewed → council approved → active → terminated. */
export function LifecycleStepper({ status }: { status: string }) {
  const current = STEPS.findIndex((s) => s.status === status);
  return (
    <div data-testid="lifecycle" data-status={status}>
      <StepIndicator headingLevel="h3" counters="small" className="crier-stepper">
        {STEPS.map((s, i) => (
          <StepIndicatorStep
            key={s.status}
            label={s.label}
            status={current < 0 ? 'incomplete' : i < current || (i === current && s.status === 'terminated') ? 'complete' : i === current ? 'current' : 'incomplete'}
          />
        ))}
      </StepIndicator>
    </div>
  );
}
