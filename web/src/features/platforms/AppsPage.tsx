import { useApi } from '../../api/useApi.ts';
import { listOf, type Platform } from '../../api/types.ts';
import { Page } from '../../components/Page.tsx';
import { AppsPanel } from './AppsPanel.tsx';

export function AppsPage() {
  const platforms = useApi<unknown>('/api/platforms');
  return (
    <Page title="Third-party applications">
      <p>Applications used with City platforms are approved by the IT Manager and can be removed by IT (IV.C.15(i)(iv)).</p>
      <AppsPanel platforms={listOf<Platform>(platforms.data, 'platforms')} headingLevel={2} />
    </Page>
  );
}
