import { Link } from 'react-router-dom';
import { useApi } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { PolicyText } from './PolicyText.tsx';
import type { CommentPolicy } from './types.ts';

/** Section V, the public comment policy: public, published as adopted and versioned with the policy (IV.C.11, V). */
export function CommentPolicyPage() {
  const res = useApi<CommentPolicy>('/api/public/comment-policy');
  const d = res.data;
  return (
    <Page title="Public comment policy">
      {res.loading && <Loading />}
      <ErrorAlert error={res.error} />
      {d && (
        <>
          <p className="usa-intro" data-testid="policy-version">
            {d.policy.name} ({d.policy.number}), version {d.policy.version}
            {d.policy.adoptedOn ? `, adopted ${formatDate(d.policy.adoptedOn)}` : ''}. In force in Crier since {formatDateTime(d.policy.recordedAt)}.
          </p>
          <PolicyText text={d.text} />
          <Section title="Where this policy applies" id="platforms">
            {d.platforms.length === 0 ? (
              <p>No City platform is open to public comments at present.</p>
            ) : (
              <>
                <p>The City Manager has opened these City platforms to public comments:</p>
                <ul className="usa-list" data-testid="interactive-platforms">
                  {d.platforms.map((p) => (
                    <li key={p.name}>{p.url ? <a href={p.url}>{p.name}</a> : p.name}</li>
                  ))}
                </ul>
              </>
            )}
          </Section>
          <Section title="If your comment was hidden or removed" id="appeal">
            <p>
              Every hide or removal cites the numbered item of this policy it rests on. You may ask the City to look again: a different moderator decides.{' '}
              <Link to="/public/appeal">Appeal a moderation decision or a ban</Link>.
            </p>
            <p>
              How often each item was applied, month by month, is in the <Link to="/public/transparency">moderation transparency report</Link>.
            </p>
          </Section>
        </>
      )}
    </Page>
  );
}
