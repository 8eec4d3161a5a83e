import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../api/client.ts';
import { useMutation } from '../../api/useApi.ts';
import type { Platform } from '../../api/types.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextAreaField, TextField } from '../../components/Fields.tsx';
import { useCityDate } from '../../api/session.tsx';

interface StepProps {
  base: string;
  onChange: () => void;
}

/** One write against the platform; its own pending state and error, so each form shows its own. */
function useStep(base: string, onChange: () => void) {
  const m = useMutation((path: string, body: unknown) => api.post<unknown>(`${base}/${path}`, body));
  return {
    ...m,
    go: (path: string, body: unknown) => void m.run(path, body).then((r) => r !== undefined && onChange()),
    err: (f: string) => m.error?.fieldError(f),
  };
}

function StepForm({ title, onSubmit, error, children }: { title: string; onSubmit: () => void; error: ReturnType<typeof useMutation>['error']; children: ReactNode }) {
  return (
    <form
      className="usa-form usa-form--large margin-top-2"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
      noValidate
      aria-label={title}
    >
      <ErrorAlert error={error} />
      {children}
    </form>
  );
}

function ItReviewForm({ base, onChange }: StepProps) {
  const s = useStep(base, onChange);
  const [notes, setNotes] = useState('');
  const [template, setTemplate] = useState('');
  const body = (decision: 'approve' | 'reject') => ({ decision, notes: notes.trim() || null, ...(template.trim() ? { template: template.trim() } : {}) });
  return (
    <StepForm title="IT review" error={s.error} onSubmit={() => s.go('it-review', body('approve'))}>
      <TextAreaField id="it-review-notes" label="IT review notes" value={notes} onChange={setNotes} error={s.err('notes')} hint="Required when rejecting the request." />
      <TextField id="it-review-template" label="Template assigned at review" value={template} onChange={setTemplate} error={s.err('template')} hint="The template from the IT Office this platform follows (IV.D.1)." />
      <div className="crier-actions">
        <button type="submit" className="usa-button" disabled={s.pending}>
          Approve IT review
        </button>
        <button type="button" className="usa-button usa-button--secondary" disabled={s.pending} onClick={() => s.go('it-review', body('reject'))}>
          Reject request
        </button>
      </div>
    </StepForm>
  );
}

function CouncilApprovalForm({ base, onChange }: StepProps) {
  const s = useStep(base, onChange);
  const [approvedOn, setApprovedOn] = useCityDate();
  const [agendaItem, setAgendaItem] = useState('');
  return (
    <StepForm title="Council approval" error={s.error} onSubmit={() => s.go('council-approval', { approvedOn, agendaItem: agendaItem.trim() })}>
      <TextField id="council-approved-on" label="Council approved on" type="date" value={approvedOn} onChange={setApprovedOn} required error={s.err('approvedOn')} />
      <TextField id="council-agenda-item" label="Agenda item number" value={agendaItem} onChange={setAgendaItem} required error={s.err('agendaItem')} />
      <button type="submit" className="usa-button margin-top-3" disabled={s.pending}>
        Record council approval
      </button>
    </StepForm>
  );
}

function ActivateForm({ base, onChange }: StepProps) {
  const s = useStep(base, onChange);
  return (
    <StepForm title="Activate" error={s.error} onSubmit={() => s.go('activate', {})}>
      <p>Activation checks the profile checklist below and that the platform's connector can remove posts (IV.C.15(i)(vi)).</p>
      <button type="submit" className="usa-button" disabled={s.pending}>
        Activate
      </button>
    </StepForm>
  );
}

function TerminateForm({ base, onChange }: StepProps) {
  const s = useStep(base, onChange);
  const [reason, setReason] = useState('');
  return (
    <StepForm title="Terminate" error={s.error} onSubmit={() => s.go('terminate', { reason: reason.trim() })}>
      <TextAreaField
        id="termination-reason"
        label="Reason for termination"
        value={reason}
        onChange={setReason}
        required
        error={s.err('reason')}
        hint="The City Council is notified with this reason (IV.A.7)."
      />
      <button type="submit" className="usa-button usa-button--secondary margin-top-3" disabled={s.pending}>
        Terminate
      </button>
    </StepForm>
  );
}

/** The action for the platform's next lifecycle step, shown only to whoever may take it. */
export function LifecycleActions({ platform, onChange }: { platform: Platform; onChange: () => void }) {
  const base = `/api/platforms/${encodeURIComponent(platform.id)}`;
  const a = platform.abilities;
  const open = platform.status !== 'terminated' && platform.status !== 'rejected';
  const forms = [
    platform.status === 'requested' && may(a, 'platform.it_review') && <ItReviewForm key="it" base={base} onChange={onChange} />,
    platform.status === 'it_reviewed' && may(a, 'platform.council_approval') && <CouncilApprovalForm key="council" base={base} onChange={onChange} />,
    platform.status === 'council_approved' && may(a, 'platform.activate') && <ActivateForm key="activate" base={base} onChange={onChange} />,
    open && may(a, 'platform.terminate') && <TerminateForm key="terminate" base={base} onChange={onChange} />,
  ].filter(Boolean);
  if (forms.length === 0) return <p>No lifecycle action is open to you at this step.</p>;
  return <>{forms}</>;
}
