import type { Executor } from '../../db/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import { C } from './clauses.ts';

/** The people who head a department today (designees included: they hold the grant). */
export async function departmentHeads(executor: Executor, departmentId: string, today: string): Promise<string[]> {
  const rows = await executor
    .selectFrom('role_assignments')
    .select('person_id')
    .where('role', '=', 'department_head')
    .where('department_id', '=', departmentId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('starts_on', 'is', null), eb('starts_on', '<=', today)]))
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
    .execute();
  return [...new Set(rows.map((r) => r.person_id))];
}

/** Tell whoever acts next: the department head (or City Manager for City posts), then the IT Manager. */
export async function notifyNextApprover(
  notifications: NotificationsService,
  tx: Executor,
  post: { id: string; title: string; departmentId: string | null },
  stage: 'department' | 'it',
  today: string,
): Promise<void> {
  const base = { kind: `post.awaiting_${stage}`, relatedType: 'post', relatedId: post.id };
  if (stage === 'it') {
    await notifications.notify(tx, { ...base, audience: 'role', role: 'it_manager', subject: `Post awaiting IT review: ${post.title}`, body: 'Approved by its department; the IT Manager reviews it before publication.', clauses: [C.itReview] });
    return;
  }
  if (post.departmentId === null) {
    await notifications.notify(tx, { ...base, audience: 'role', role: 'city_manager', subject: `City post awaiting approval: ${post.title}`, body: 'A post for a City platform needs the City Manager’s approval.', clauses: [C.approval] });
    return;
  }
  for (const personId of await departmentHeads(tx, post.departmentId, today)) {
    await notifications.notify(tx, { ...base, audience: 'person', personId, subject: `Post awaiting your approval: ${post.title}`, body: 'A post for your department’s platform needs your approval.', clauses: [C.approval] });
  }
}
