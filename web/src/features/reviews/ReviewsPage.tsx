import { Page, Section } from '../../components/Page.tsx';
import { ReviewsPanel } from './ReviewsPanel.tsx';

export function ReviewsPage() {
  return (
    <Page title="Platform reviews" lead="Each active platform's content is reviewed for currency every quarter (IV.C.15(f)(iii)), and its advertisements and outside links every month (IV.D.2).">
      <Section title="Open reviews" id="open-reviews">
        <ReviewsPanel />
      </Section>
    </Page>
  );
}
