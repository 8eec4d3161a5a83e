import type { Db, DialectName } from '../../db/index.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { PolicyPack } from '../../policy/index.ts';
import type { AuditService } from '../audit/index.ts';

export interface ArchiveSearchDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  pack: PolicyPack;
  audit: Pick<AuditService, 'record'>;
}
