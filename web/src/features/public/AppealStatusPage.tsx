import { Link, useParams } from 'react-router-dom';
import { useApi } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading, Page } from '../../components/Page.tsx';
import type { PublicAppealStatus } from './types.ts';

const STATUS: Record<PublicAppealStatus['status'], string> = {
  open: 'Waiting for a moderator',
  granted: 'Granted: the decision was reversed',
  denied: 'Denied: the decision stands',
};

/** An appeal's status by its reference (public; no personal data is shown). */
export function AppealStatusPage() {
  const { id = '' } = useParams();
  const res = useApi<{ appeal: PublicAppealStatus }>(`/api/public/appeals/${encodeURIComponent(id)}`);
  const a = res.data?.appeal;
  return (
    <Page title="Appeal status">
      {res.loading && <Loading />}
      <ErrorAlert error={res.error} />
      {a && (
        <dl className="crier-summary" data-testid="appeal-status">
          <dt>Reference</dt>
          <dd>{a.reference}</dd>
          <dt>Appeal of</dt>
          <dd>{a.subject === 'ban' ? 'being denied access' : 'a hidden or removed comment'}</dd>
          <dt>Received</dt>
          <dd>{formatDateTime(a.submittedAt)}</dd>
          <dt>Status</dt>
          <dd>{STATUS[a.status]}</dd>
          {a.decidedAt && (
            <>
              <dt>Decided</dt>
              <dd>{formatDateTime(a.decidedAt)}</dd>
            </>
          )}
          {a.decisionNote && (
            <>
              <dt>The City&apos;s reason</dt>
              <dd className="crier-policy-text">{a.decisionNote}</dd>
            </>
          )}
        </dl>
      )}
      <p>
        <Link to="/public/comment-policy">Public comment policy</Link> · <Link to="/public/transparency">Transparency report</Link>
      </p>
    </Page>
  );
}
