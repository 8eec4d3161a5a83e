import { Link, useSearchParams } from 'react-router-dom';
import { hasRole, useSession } from '../../api/session.tsx';
import { useApi } from '../../api/useApi.ts';
import { listOf } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading, Page } from '../../components/Page.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { awaitsMe } from './actions.ts';
import { postStatusLabel, type Post } from './types.ts';

const COMPOSERS = ['authorized_employee', 'employee', 'department_head', 'city_manager', 'assistant_city_manager', 'public_information_analyst', 'it_manager'];

type View = 'mine' | 'awaiting' | 'all';
const VIEWS: { value: View; label: string }[] = [
  { value: 'awaiting', label: 'Awaiting my approval' },
  { value: 'mine', label: 'My posts' },
  { value: 'all', label: 'All posts' },
];

/** Posts: the author's own, those waiting on the reader's decision, or all. */
export function PostsPage() {
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as View | null) ?? 'all';
  const { data, error, loading } = useApi<unknown>(view === 'mine' ? '/api/posts?mine=true' : '/api/posts');
  const me = session.person?.id;
  const all = listOf<Post>(data, 'posts');
  const list = view === 'awaiting' ? all.filter((p) => awaitsMe(p, me)) : all;
  const caption = VIEWS.find((v) => v.value === view)?.label ?? 'Posts';

  return (
    <Page title="Posts">
      <p>
        Every post is approved by its department head (or the City Manager for City platforms, IV.C.5) and reviewed by the IT Manager (IV.A.17) before it goes out.
      </p>
      {hasRole(session, ...COMPOSERS) && (
        <p>
          <Link className="usa-button" to="/posts/new">
            Compose a post
          </Link>
        </p>
      )}
      <fieldset className="usa-fieldset">
        <legend className="usa-legend">Show</legend>
        <div className="crier-inline-form">
          {VIEWS.map((v) => (
            <div className="usa-radio" key={v.value}>
              <input className="usa-radio__input" type="radio" id={`posts-view-${v.value}`} name="posts-view" value={v.value} checked={view === v.value} onChange={() => setParams({ view: v.value })} />
              <label className="usa-radio__label" htmlFor={`posts-view-${v.value}`}>
                {v.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {loading && data === undefined && <Loading />}
      <ErrorAlert error={error} />
      {data !== undefined && (
        <TableScroll label="Post list">
          <table className="usa-table usa-table--borderless crier-table" data-testid="posts-table">
            <caption>
              {caption}: {list.length} post{list.length === 1 ? '' : 's'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Platforms</th>
                <th scope="col">Author</th>
                <th scope="col">State</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/posts/${p.id}`}>{p.title}</Link>
                    {p.emergency && <span className="usa-tag crier-tag--error margin-left-1">Emergency</span>}
                  </th>
                  <td>{p.targets.map((t) => t.platformName).join(', ')}</td>
                  <td>{p.authorName ?? '—'}</td>
                  <td>
                    <StatusTag status={p.status} label={postStatusLabel(p.status)} />
                  </td>
                  <td>{formatDateTime(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Page>
  );
}
