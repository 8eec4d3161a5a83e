import type { SearchFilters } from '../../src/modules/archive-search/index.ts';
import { CLAUSES, commenterHandle, commenterName, PARKS, STREETS, TOPICS } from './corpus.ts';

export type Shape = () => { q: string; filters?: SearchFilters };

/** Query shapes a records clerk would type, drawn from `r` (bench.ts and compare.ts draw the same queries from the same seed). */
export function queryShapes(r: () => number): Record<string, Shape> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const word = (s: string) => s.split(' ')[0]!.toLowerCase();
  const month = () => {
    const m = 1 + Math.floor(r() * 11);
    return { from: `2026-${String(m).padStart(2, '0')}-01`, to: `2026-${String(m).padStart(2, '0')}-28` };
  };
  return {
    'common word': () => ({ q: pick(['street', 'park', 'city', 'please', 'update']) }),
    'topic word': () => ({ q: word(pick(TOPICS)) }),
    'two words': () => ({ q: `${word(pick(STREETS))} ${word(pick(TOPICS))}` }),
    phrase: () => ({ q: `"${pick(TOPICS)}"` }),
    'word -exclusion': () => ({ q: `${word(pick(TOPICS))} -${word(pick(STREETS))}` }),
    'rare (ticket number)': () => ({ q: String(100000 + Math.floor(r() * 900000)) }),
    'word + department': () => ({ q: word(pick(TOPICS)), filters: { department: pick(['dept-pw', 'dept-parks', 'city']) } }),
    'word + kind + month': () => ({ q: word(pick(TOPICS)), filters: { kind: 'comment', ...month() } }),
    'phrase + platform + created month': () => ({ q: `"${pick(PARKS)}"`, filters: { platform: pick(['plat-fb', 'plat-x']), dateField: 'created', ...month() } }),
    'commenter + word': () => {
      const n = Math.floor(50_000 * r() * r());
      return { q: word(pick(TOPICS)), filters: { commenter: r() < 0.5 ? commenterHandle(n) : commenterName(n) } };
    },
    'author only (browse)': () => ({ q: '', filters: { author: commenterHandle(Math.floor(2000 * r())) } }),
    'clause + status (browse)': () => ({ q: '', filters: { clause: pick(CLAUSES), status: pick(['hide', 'remove']) } }),
    'department + month (browse)': () => ({ q: '', filters: { department: 'dept-pw', ...month() } }),
  };
}
