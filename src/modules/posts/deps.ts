import type { Db, DialectName, Executor } from '../../db/index.ts';
import type { PersonActor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { PolicyPack } from '../../policy/index.ts';
import type { ConnectorFactory } from '../../ports/platform-connector.ts';
import type { Finding, PostInput } from '../../screening/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import type { PeopleService } from '../people/index.ts';
import type { PlatformsService } from '../platforms/index.ts';
import type { VaultService } from '../vault/index.ts';

/** Attachments as posts need them (the attachments module implements it). */
export interface AttachmentsForPosts {
  forPost(
    executor: Executor,
    ids: string[],
  ): Promise<{ id: string; kind: string; mimeType: string; filename: string; path: string; altText: string | null; status: string; issues: { clause: string; message: string }[] }[]>;
}

/** Off-duty time log (IV.C.15(e)(i)): called in the same transaction as a posting action outside business hours. */
export interface OffDutyLog {
  assertMayWork(executor: Executor, actor: PersonActor, at: Date): Promise<void>;
  noteActivity(executor: Executor, actor: PersonActor, at: Date, what: string): Promise<void>;
}


/** The records archive (IV.A.9, IV.A.13): called in the writer's own transaction, right after the write. */
export interface ArchiveCapture {
  postVersion(tx: Executor, versionId: string): Promise<unknown>;
  publication(tx: Executor, publicationId: string): Promise<unknown>;
}

export interface PostsDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  pack: PolicyPack;
  audit: AuditService;
  notifications: NotificationsService;
  people: PeopleService;
  platforms: PlatformsService;
  vault: VaultService;
  /** Screening of a post's text for one platform type (structural and language rules). */
  screenPost: (input: PostInput & { platformType?: string }) => Promise<Finding[]>;
  connectors: ConnectorFactory;
  attachments?: AttachmentsForPosts;
  offDuty?: OffDutyLog;
  archive?: ArchiveCapture;
}
