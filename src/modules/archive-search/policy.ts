import { allOf, deny, type Policy, type Rule } from '../../authz/index.ts';
import { roles } from '../../authz/roles.ts';
import type { Actor } from '../../kernel/actor.ts';
import { archivePolicy } from '../archive/index.ts';
import { RECORDS_OWNERS, RECORDS_READERS } from '../records-requests/index.ts';

/**
 * Searching is reading the archive: whoever the archive lets read it (archive/policy.ts) may
 * search it and keep saved searches, which the records team shares. A saved search is deleted
 * by its owner. Collecting into a records request is the City Clerk's work (IV.A.11), and reading
 * what a request collected follows the request desk's readers; both also need archive access.
 */
const read = archivePolicy['archive.read'] as Rule<unknown>;

const ownerOnly: Rule<{ ownerId: string }> = (actor: Actor, saved) =>
  actor.kind === 'system' || (actor.kind === 'person' && actor.personId === saved.ownerId) ? { allow: true } : deny('Only the person who saved a search may delete it');

const cite = (r: Rule<unknown>): Rule<unknown> => (actor, res) => {
  const d = r(actor, res);
  return d.allow ? d : deny(d.reason, ['IV.A.11']);
};

export const archiveSearchPolicy = {
  'archive_search.search': read,
  'archive_search.save': read,
  'archive_search.delete': allOf(read as Rule<{ ownerId: string }>, ownerOnly),
  'archive_search.collect': allOf(read, cite(roles(...RECORDS_OWNERS))),
  'archive_search.collected': allOf(read, cite(roles(...RECORDS_READERS))),
} satisfies Policy;
