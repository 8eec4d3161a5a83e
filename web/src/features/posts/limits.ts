/**
 * Per-platform text limits the editor counts against (graphemes, as the platforms count them).
 * A platform type not listed here (the City feed) has no limit.
 */
export const TEXT_LIMITS: Record<string, number> = {
  bluesky: 300,
  mastodon: 500,
  facebook: 63_206,
};

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;

/** User-perceived characters: an emoji with modifiers counts once, as Bluesky counts it. */
export function graphemes(text: string): number {
  if (!segmenter) return [...text].length;
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/** A City wall-clock time "YYYY-MM-DDTHH:mm" for an instant (what a datetime-local field shows). */
export function cityWallTime(iso: string | null | undefined, timeZone: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
