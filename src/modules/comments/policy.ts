import { allow, deny, type Policy, type Rule } from '../../authz/index.ts';
import { roles } from '../../authz/roles.ts';
import { C } from './clauses.ts';

/** Moderators decide by clause (V); the City Manager sets what may be hidden automatically. */
const MODERATORS = roles('moderator', 'public_information_analyst', 'city_manager');
/** Removed content is readable only by the roles the records duties need (IV.C.11). */
const READERS = roles('moderator', 'public_information_analyst', 'city_manager', 'assistant_city_manager', 'it_manager', 'city_clerk', 'city_attorney', 'auditor');

const withClause =
  (rule: Rule<unknown>, clauses: string[]): Rule<unknown> =>
  (actor, r) => {
    const d = rule(actor, r);
    return d.allow ? allow : deny(d.reason, clauses);
  };

export const commentsPolicy = {
  'comment.read': READERS,
  'comment.decide': withClause(MODERATORS, [C.commentPolicy]),
  'comment.confirm_platform': withClause(MODERATORS, [C.commentPolicy]),
  'comment.ingest': withClause(roles('it_manager', 'moderator', 'city_manager'), [C.commentsAuthorized]),
  'moderation.settings': withClause(roles('city_manager'), [C.commentPolicy]),
} satisfies Policy;
