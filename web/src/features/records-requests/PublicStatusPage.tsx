import { Link, useParams } from 'react-router-dom';
import { useApi } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading, Page } from '../../components/Page.tsx';
import type { PublicRequestStatus } from './types.ts';

const STATUS: Record<PublicRequestStatus['status'], string> = {
  open: 'Received: the City Clerk is looking for the records',
  determined: 'Determined: see the outcome below',
  closed: 'Closed',
};

/** A request's status by its reference (public): status and dates only. */
export function PublicStatusPage() {
  const { reference = '' } = useParams();
  const res = useApi<{ request: PublicRequestStatus }>(`/api/public/records-requests/${encodeURIComponent(reference)}`);
  const r = res.data?.request;
  return (
    <Page title="Public records request status">
      {res.loading && <Loading />}
      <ErrorAlert error={res.error} />
      {r && (
        <dl className="crier-summary" data-testid="records-status">
          <dt>Reference</dt>
          <dd>{r.reference}</dd>
          <dt>Status</dt>
          <dd>{STATUS[r.status]}</dd>
          <dt>Received</dt>
          <dd>{formatDate(r.receivedOn)}</dd>
          <dt>Determination due</dt>
          <dd>
            {formatDate(r.determinationDueOn)}
            {r.extended && r.extensionReason && <> (extended: {r.extensionReason})</>}
          </dd>
          {r.determination && (
            <>
              <dt>Outcome</dt>
              <dd>
                {r.determination.outcome}, {formatDate(r.determination.determinedOn)}
              </dd>
              {r.determination.estimatedProductionOn && (
                <>
                  <dt>Records available by</dt>
                  <dd>{formatDate(r.determination.estimatedProductionOn)} (estimated)</dd>
                </>
              )}
            </>
          )}
          {r.closedOn && (
            <>
              <dt>Closed</dt>
              <dd>{formatDate(r.closedOn)}</dd>
            </>
          )}
        </dl>
      )}
      <p>
        <Link to="/public/records-request">Make another request</Link>
      </p>
    </Page>
  );
}
