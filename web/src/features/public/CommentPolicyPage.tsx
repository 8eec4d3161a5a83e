import { useApi } from '../../api/useApi.ts';
import { useSession } from '../../api/session.tsx';
import type { PolicyTexts } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { PolicyText } from './PolicyText.tsx';

/** Section V, the public comment policy: public, versioned with the policy (SPEC §4, §8). */
export function CommentPolicyPage() {
  const texts = useApi<PolicyTexts>('/api/policy/texts');
  const { policy } = useSession();
  return (
    <Page title="Public comment policy">
      {policy && (
        <p className="usa-intro">
          {policy.name}, version {policy.version}.
        </p>
      )}
      {texts.loading && <Loading />}
      <ErrorAlert error={texts.error} />
      {texts.data?.commentPolicy && <PolicyText text={texts.data.commentPolicy} />}
    </Page>
  );
}
