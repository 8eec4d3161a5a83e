import type { Db } from '../../db/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { PolicyPack } from '../../policy/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { BansService } from '../bans/index.ts';
import type { NotificationsService } from '../notifications/index.ts';

/**
 * Restores a hidden or removed comment (a 'restore' moderation decision, the platform action and
 * its audit): the comments module stays the single writer of moderation decisions, so a granted
 * appeal calls it rather than writing one itself. Wired in main.ts.
 */
export type RestoreComment = (actor: Actor, commentId: string, note: string) => Promise<unknown>;

export interface AppealsDeps {
  db: Db;
  clock: Clock;
  pack: PolicyPack;
  audit: Pick<AuditService, 'record'>;
  notifications: Pick<NotificationsService, 'notify'>;
  bans: Pick<BansService, 'liftIn'>;
  restoreComment: RestoreComment;
}
