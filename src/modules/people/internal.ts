import type { Actor } from '../../kernel/actor.ts';
import { localDate } from '../../policy/index.ts';
import { cite } from './clauses.ts';
import type { PeopleDeps } from './types.ts';

/** What the parts of the people module share: the deps plus City-calendar and citation helpers. */
export interface PeopleInternals extends PeopleDeps {
  /** Today's date in the City's time zone, YYYY-MM-DD. */
  today(): string;
  /** Clause ids resolved against the loaded pack. */
  cite(...ids: string[]): string[];
}

export function internals(deps: PeopleDeps): PeopleInternals {
  return {
    ...deps,
    today: () => localDate(deps.pack, deps.clock.now()),
    cite: (...ids) => cite(deps.pack, ...ids),
  };
}

export const actorPersonId = (actor: Actor): string | null => (actor.kind === 'person' ? actor.personId : null);

/** Names compared as a person writes them: case, spacing and accents aside. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-US');
  return norm(a) === norm(b);
}
