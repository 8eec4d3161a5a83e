import type { Db } from '../../db/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { PolicyPack } from '../../policy/index.ts';
import type { ArchiveItem } from '../archive/index.ts';
import type { AuditService } from '../audit/index.ts';

/** An archive item as the archive's reader returns it (with `disposed` set once it was destroyed). */
export type ArchiveItemRead = Pick<ArchiveItem, 'id' | 'kind' | 'native' | 'renderedText' | 'capturedAt'> & { disposed?: unknown };

export interface RedactionsDeps {
  db: Db;
  clock: Clock;
  pack: PolicyPack;
  audit: Pick<AuditService, 'record'>;
  /** Attachments' files live under <dataDir>/attachments (read only: originals are never touched). */
  dataDir: string;
  /** The archive's reader (it authorizes the actor and withholds what readers may not see). */
  readArchiveItem: (actor: Actor, id: string) => Promise<ArchiveItemRead>;
}
