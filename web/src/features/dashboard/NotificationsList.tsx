import { api } from '../../api/client.ts';
import { useApi, useMutation } from '../../api/useApi.ts';
import { listOf, type Notification } from '../../api/types.ts';
import { ClauseList } from '../../components/ClauseList.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Page.tsx';

/** The signed-in person's notifications (e.g. a platform termination notice to the Council, IV.A.7). */
export function NotificationsList() {
  const notes = useApi<unknown>('/api/notifications');
  const markRead = useMutation((id: string) => api.post(`/api/notifications/${encodeURIComponent(id)}/read`, {}));
  const items = listOf<Notification>(notes.data, 'notifications');
  if (notes.loading && notes.data === undefined) return <Loading />;
  if (notes.error) return <ErrorAlert error={notes.error} />;
  if (items.length === 0) return <p>No notifications.</p>;
  return (
    <>
      <ErrorAlert error={markRead.error} />
      <ul className="usa-collection" data-testid="notifications">
        {items.map((n) => {
          const read = n.read ?? Boolean(n.readAt);
          return (
            <li className="usa-collection__item" key={n.id}>
              <div className="usa-collection__body">
                <h3 className="usa-collection__heading">
                  {n.subject}
                  {!read && <span className="usa-tag crier-tag--info margin-left-1">New</span>}
                </h3>
                <p className="usa-collection__description crier-policy-text">{n.body}</p>
                <ul className="usa-collection__meta" aria-label="More information">
                  <li className="usa-collection__meta-item">{formatDateTime(n.createdAt)}</li>
                  {n.clauses.length > 0 && (
                    <li className="usa-collection__meta-item">
                      Clauses: <ClauseList ids={n.clauses} inline />
                    </li>
                  )}
                </ul>
                {!read && (
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled"
                    onClick={() => void markRead.run(n.id).then((r) => r !== undefined && notes.reload())}
                  >
                    Mark “{n.subject}” as read
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
