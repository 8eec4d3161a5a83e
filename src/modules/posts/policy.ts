import { allow, deny, type Policy, type Rule } from '../../authz/index.ts';
import { headOf, roles } from '../../authz/roles.ts';
import { hasRole, type Actor, type Role } from '../../kernel/actor.ts';
import { C } from './clauses.ts';

/** What the rules need to know about a post (or a post about to be made). */
export interface PostResource {
  /** The department whose platforms it goes to; null = City platforms. */
  departmentId: string | null;
  authorId: string | null;
}

/** Who can compose at all; whether they may post to a given platform is the people gate's (IV.A.2, IV.C.3). */
const COMPOSERS: Role[] = ['authorized_employee', 'department_head', 'city_manager', 'assistant_city_manager', 'public_information_analyst', 'it_manager'];

const isAuthor: Rule<PostResource> = (actor, r) =>
  actor.kind === 'person' && actor.personId === r.authorId ? allow : deny('Only the author may change or submit this post', [C.onlyAuthorizedPost]);

/** IV.C.5: the department head approves a department's post; the City Manager a City post (and any, by oversight). */
const departmentApprover: Rule<PostResource> = (actor, r) => {
  if (actor.kind === 'system') return allow;
  if (hasRole(actor, 'city_manager')) return allow;
  if (r.departmentId !== null && headOf(r.departmentId, actor)) return allow;
  return deny(r.departmentId === null ? 'Only the City Manager approves posts on City platforms' : 'Only the head of the department (or the City Manager) approves its posts', [C.approval]);
};

const itReviewer: Rule<PostResource> = (actor, r) => (roles('it_manager')(actor, r).allow ? allow : deny('Only the IT Manager reviews posts before publication', [C.itReview]));

const anyApprover: Rule<PostResource> = (actor, r) => (departmentApprover(actor, r).allow || itReviewer(actor, r).allow ? allow : deny('Only an approver of this post may reject it', [C.approval, C.itReview]));

/** Staff read posts (Council members are not staff and are kept out, IV.B). */
const staffRead: Rule<unknown> = roles(
  'city_manager',
  'assistant_city_manager',
  'it_manager',
  'public_information_analyst',
  'department_head',
  'authorized_employee',
  'employee',
  'city_clerk',
  'city_attorney',
  'auditor',
  'moderator',
);

export const postsPolicy = {
  'post.read': staffRead,
  'post.create': (actor: Actor) => (roles(...COMPOSERS)(actor, null).allow ? allow : deny('Only authorized employees may draft posts for the City', [C.onlyAuthorized, C.onlyAuthorizedPost])),
  'post.update': isAuthor,
  'post.submit': isAuthor,
  'post.approve': departmentApprover,
  'post.it_review': itReviewer,
  'post.reject': anyApprover,
  'post.override': roles('city_manager'),
  'post.direct': roles('city_manager'),
  'post.remove': (actor: Actor) => (roles('city_manager', 'it_manager')(actor, null).allow ? allow : deny('Only the City Manager or the IT Manager removes City content', [C.cmRemove, C.cityRemove])),
  'post.publish_run': roles('it_manager'),
  /** IV.D.1: templates come from the IT Office. */
  'template.manage': (actor: Actor) => (roles('it_manager')(actor, null).allow ? allow : deny('Only the IT Office provides templates', [C.template])),
} satisfies Policy;

export type PostAction = keyof typeof postsPolicy;
