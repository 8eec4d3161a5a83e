import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { useApi, useMutation } from '../../api/useApi.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { CloseForm, DetermineForm, ExtendForm, MessageForm, ReviewForm } from './forms.tsx';
import { RedactionsSection } from '../redactions/RedactionsSection.tsx';
import { DIRECTION_LABELS, STATUS_LABELS, type RecordsRequest, type Statutes } from './types.ts';

const who = (p: { name: string; title: string | null } | null) => (p ? `${p.name}${p.title ? `, ${p.title}` : ''}` : '—');

/** One records request: dates, timeline, dialogue, and what the signed-in person may do next. */
export function RequestPage() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const res = useApi<{ request: RecordsRequest }>(`/api/records-requests/${encodeURIComponent(id)}`);
  const statutes = useApi<Statutes>('/api/records-requests/statutes');
  const take = useMutation(useCallback((personId: string) => api.post(`/api/records-requests/${encodeURIComponent(id)}/assign`, { ownerId: personId }), [id]));
  const r = res.data?.request;
  const reload = res.reload;
  if (!r) return <Page title="Records request">{res.loading ? <Loading /> : <ErrorAlert error={res.error} />}</Page>;
  const open = r.status === 'open';
  return (
    <Page title={`Records request ${r.reference}`}>
      <p>
        <Link to="/records-requests">All requests</Link>
      </p>
      <dl className="crier-summary" data-testid="records-request">
        <dt>Status</dt>
        <dd>
          <StatusTag status={r.status} label={STATUS_LABELS[r.status]} /> {r.overdue && <StatusTag status="fail" label="Overdue" subject="count" />}
        </dd>
        <dt>Received</dt>
        <dd>
          {formatDate(r.receivedOn)} ({r.channel === 'public_form' ? 'public form' : `entered by ${who(r.enteredBy)}`})
        </dd>
        <dt>Determination due</dt>
        <dd>
          {formatDate(r.dueOn)}
          {r.extended && <> (extended from {formatDate(r.originalDueOn)})</>}
        </dd>
        <dt>Estimated production</dt>
        <dd>{formatDate(r.estimatedProductionOn)}</dd>
        <dt>Owner</dt>
        <dd>{who(r.owner)}</dd>
        <dt>City Attorney reviewer</dt>
        <dd>{who(r.reviewer)}</dd>
        <dt>Requester</dt>
        <dd>
          {r.requesterName ?? 'Anonymous'}
          {[r.email, r.phone, r.postalAddress].filter(Boolean).map((c) => (
            <span key={c} className="display-block crier-policy-text">
              {c}
            </span>
          ))}
        </dd>
        <dt>Records requested</dt>
        <dd className="crier-policy-text">{r.description}</dd>
      </dl>
      {open && may(r.abilities, 'records.assign') && session.person && r.owner?.id !== session.person.id && (
        <>
          <ErrorAlert error={take.error} />
          <button type="button" className="usa-button usa-button--outline" disabled={take.pending} onClick={() => void take.run(session.person!.id).then((x) => x && reload())}>
            Take ownership
          </button>
        </>
      )}

      <Section title="Timeline" id="prr-timeline">
        <ol className="usa-list">
          <li>Received {formatDateTime(r.receivedAt)}</li>
          {r.assignedAt && <li>Assigned {formatDateTime(r.assignedAt)} by {who(r.assignedBy)}</li>}
          {r.extension && (
            <li>
              Extended {r.extension.days} days to {formatDate(r.extension.newDueOn)} on {formatDateTime(r.extension.approvedAt)}, approved by {who(r.extension.approvedBy)}: {r.extension.groundLabel} ({r.extension.citation})
              {r.extension.detail.declaration && <> — declaration: {r.extension.detail.declaration}</>}
              {r.extension.detail.attackStartedAt && <> — attack from {formatDateTime(r.extension.detail.attackStartedAt)} to {formatDateTime(r.extension.detail.attackEndedAt)}</>}
            </li>
          )}
          {r.reviews.map((v) => (
            <li key={v.id}>
              City Attorney review {formatDateTime(v.reviewedAt)} by {who(v.reviewer)}: {v.outcome === 'concur' ? 'concurs' : 'changes requested'} — <span className="crier-policy-text">{v.note}</span>
            </li>
          ))}
          {r.determination && (
            <li>
              Determined {formatDateTime(r.determination.determinedAt)} by {who(r.determination.determinedBy)}: {r.determination.outcomeLabel}
            </li>
          )}
          {r.closedAt && (
            <li>
              Closed {formatDateTime(r.closedAt)} by {who(r.closedBy)}: {r.closeNote}
            </li>
          )}
        </ol>
        {r.determination && (
          <>
            <h3>Determination letter</h3>
            <pre className="crier-policy-text" data-testid="determination-letter">{r.determination.letterText}</pre>
          </>
        )}
      </Section>

      <Section title="Dialogue with the requester" id="prr-dialogue">
        <ol className="usa-list usa-list--unstyled">
          {r.messages.map((m) => (
            <li key={m.id} className="margin-bottom-2">
              <strong>{DIRECTION_LABELS[m.direction]}</strong> <span className="usa-hint">({m.channel.replace('_', ' ')}, {formatDateTime(m.recordedAt)}{m.recordedBy ? `, recorded by ${m.recordedBy.name}` : ''})</span>
              <div className="crier-policy-text">{m.body}</div>
            </li>
          ))}
        </ol>
        {may(r.abilities, 'records.message') && <MessageForm request={r} onDone={reload} />}
      </Section>

      {open && !r.extension && may(r.abilities, 'records.extend') && statutes.data && (
        <Section title="Extend once (up to 14 days)" id="prr-extend">
          <ExtendForm request={r} onDone={reload} statutes={statutes.data} />
        </Section>
      )}
      {open && may(r.abilities, 'records.review') && (
        <Section title="City Attorney review" id="prr-review">
          <ReviewForm request={r} onDone={reload} />
        </Section>
      )}
      {statutes.data && <RedactionsSection requestId={r.id} exemptions={statutes.data.exemptions} />}
      {open && may(r.abilities, 'records.determine') && statutes.data && (
        <Section title="Determination" id="prr-determine">
          <DetermineForm request={r} onDone={reload} statutes={statutes.data} />
        </Section>
      )}
      {r.status === 'determined' && may(r.abilities, 'records.close') && (
        <Section title="Close" id="prr-close">
          <CloseForm request={r} onDone={reload} />
        </Section>
      )}
    </Page>
  );
}
