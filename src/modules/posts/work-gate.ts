import type { Executor } from '../../db/index.ts';
import { isCityManager, type Actor } from '../../kernel/actor.ts';
import type { PostsDeps } from './deps.ts';
import { assertBusinessHours } from './rules.ts';

export type WorkBasis = 'in_hours' | 'emergency' | 'directed';

/**
 * IV.C.15(e): posting actions by staff happen in business hours, except emergencies and what the
 * City Manager directs. Work done under those exceptions is off-duty work: it must be allowed by
 * the off-duty rules (IV.C.15(e)(i)(A)) and is logged in the same transaction as the action, so
 * the log can never be skipped (IV.C.15(e)(i)(B)–(C)).
 */
export function createWorkGate(deps: Pick<PostsDeps, 'db' | 'pack' | 'offDuty'>) {
  async function check(actor: Actor, post: { emergency: boolean; directed: boolean }, at: Date, what: string): Promise<WorkBasis> {
    if (actor.kind !== 'person') return 'in_hours';
    // The City Manager is the one who directs out-of-hours work.
    const basis = assertBusinessHours(deps.pack, at, { ...post, directed: post.directed || isCityManager(actor) }, what);
    if (basis !== 'in_hours' && !isCityManager(actor) && deps.offDuty) await deps.offDuty.assertMayWork(deps.db, actor, at);
    return basis;
  }

  async function log(tx: Executor, actor: Actor, at: Date, basis: WorkBasis, what: string): Promise<void> {
    if (basis === 'in_hours' || actor.kind !== 'person' || isCityManager(actor) || !deps.offDuty) return;
    await deps.offDuty.noteActivity(tx, actor, at, `${what} (${basis === 'emergency' ? 'emergency information' : 'directed by the City Manager'})`);
  }

  return { check, log };
}
