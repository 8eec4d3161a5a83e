import type { Db } from '../../db/index.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { PolicyPack } from '../../policy/index.ts';
import type { VirusScanner } from '../../ports/virus-scanner.ts';
import type { ArchiveHooks } from '../archive/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { NotificationsService } from '../notifications/index.ts';

export interface AttachmentLimits {
  image: number;
  video: number;
  pdf: number;
}

export interface AttachmentsDeps {
  db: Db;
  clock: Clock;
  pack: PolicyPack;
  audit: AuditService;
  notifications: NotificationsService;
  /** Null when none is configured: uploads are then refused, never accepted unscanned (IV.C.15(i)(iii)). */
  scanner: VirusScanner | null;
  /** Files live under <dataDir>/attachments. */
  dataDir: string;
  /** Size limits in bytes per kind (caption files have their own small limit). */
  maxBytes: AttachmentLimits;
  /** Each attachment record is archived in the transaction that writes it (IV.A.13); optional for module tests. */
  archive?: Pick<ArchiveHooks, 'attachment'>;
}
