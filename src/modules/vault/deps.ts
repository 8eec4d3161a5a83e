import type { Db, DialectName } from '../../db/index.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { PolicyPack } from '../../policy/index.ts';
import type { Mailer } from '../../ports/mailer.ts';
import type { AuditService } from '../audit/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import type { PlatformsService } from '../platforms/index.ts';
import type { MasterKeySource } from './keys.ts';

export interface VaultDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  pack: PolicyPack;
  audit: AuditService;
  notifications: NotificationsService;
  /** Administrators and their platform user ids (IV.C.2) come from the registry, not from here. */
  platforms: PlatformsService;
  mailer: Mailer;
  keys: MasterKeySource;
  /** Operational messages (mail failures); never secrets. */
  log?: (line: string) => void;
}
