import { authorize } from '../../authz/index.ts';
import type { Db, DialectName } from '../../db/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { conflict, policyRefusal } from '../../kernel/errors.ts';
import { localDate, type PolicyPack } from '../../policy/index.ts';
import type { ConnectorCapabilitiesLookup, ConnectorDescriptor } from '../../ports/platform-connector.ts';
import type { ArchiveHooks } from '../archive/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import { guard, platformsPolicy, type PlatformAction, type PlatformResource } from './policy.ts';
import type { Platform } from './types.ts';

export interface PlatformsDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  pack: PolicyPack;
  audit: AuditService;
  notifications: NotificationsService;
  /** The declared capabilities of a connector type, or null for an unknown type (wired by main.ts). */
  connectorCapabilities: ConnectorCapabilitiesLookup;
  /** Every known connector type, for the UI (optional; wired by main.ts). */
  connectors?: () => ConnectorDescriptor[];
  /** Profile changes are archived as snapshots in the transaction that makes them (IV.A.13); optional for module tests. */
  archive?: Pick<ArchiveHooks, 'profileSnapshot'>;
}

export const resourceOf = (p: Platform): PlatformResource => ({ departmentId: p.departmentId, status: p.status, commentsEnabled: p.commentsEnabled });

/**
 * Role check (forbidden) then state check (a refusal grounded in the policy, or a conflict when
 * the platform is simply not in the state the action needs and no clause is at stake).
 */
export function authorizePlatform(actor: Actor, action: PlatformAction, p: Platform): void {
  authorize(platformsPolicy, actor, action, resourceOf(p));
  const d = guard(action, resourceOf(p));
  if (d.allow) return;
  throw d.clauses.length ? policyRefusal(d.reason, d.clauses) : conflict(d.reason);
}

export const todayIn = (deps: Pick<PlatformsDeps, 'clock' | 'pack'>) => localDate(deps.pack, deps.clock.now());
