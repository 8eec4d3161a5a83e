import type { Db } from '../../db/index.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { PolicyPack } from '../../policy/index.ts';
import type { ArchiveService } from '../archive/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { NotificationsService } from '../notifications/index.ts';

export interface RecordsRequestsDeps {
  db: Db;
  clock: Clock;
  pack: PolicyPack;
  audit: Pick<AuditService, 'record'>;
  notifications: Pick<NotificationsService, 'notify'>;
  /** Each request and each change to it is archived in the same transaction (IV.A.11, IV.A.13); optional for module tests. */
  archive?: Pick<ArchiveService, 'capture'>;
}
