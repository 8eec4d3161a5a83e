import type { Db, DialectName } from '../../db/index.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { PolicyPack } from '../../policy/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { NotificationsService } from '../notifications/index.ts';

export interface BansDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  pack: PolicyPack;
  audit: Pick<AuditService, 'record'>;
  notifications: Pick<NotificationsService, 'notify'>;
}
