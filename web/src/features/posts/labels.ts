import { platformTypeLabel } from '../../components/format.ts';

/** Platform type names as the editor shows them (the City's own feed is not in the shared list). */
export const typeLabel = (t: string) => (t === 'city_feed' ? 'City feed' : platformTypeLabel(t));
