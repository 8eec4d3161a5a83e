import type { Config } from '../../src/config/index.ts';
import type { DbHandle } from '../../src/db/index.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { createAuditService } from '../../src/modules/audit/index.ts';
import { createIdentityService } from '../../src/modules/identity/index.ts';
import { defaultPackDir, loadPackFromDir, type PolicyPack } from '../../src/policy/index.ts';
import { testActorFor } from './helpers.ts';

let pack: PolicyPack | undefined;
export const carsonPack = (): PolicyPack => (pack ??= loadPackFromDir(defaultPackDir()));

/** An identity service over a test database, with the test-only actorFor. */
export function identityFor(h: DbHandle, clock: ManualClock, config: Partial<Pick<Config, 'sessionHours' | 'staffNetworks' | 'oidc' | 'publicUrl'>> = {}) {
  const audit = createAuditService({ db: h.db, dialect: h.dialect, clock });
  const identity = createIdentityService({
    db: h.db,
    dialect: h.dialect,
    clock,
    pack: carsonPack(),
    audit,
    config: { sessionHours: 12, staffNetworks: [], oidc: undefined, publicUrl: 'http://127.0.0.1:3000', ...config },
    actorFor: testActorFor(h.db),
  });
  return { identity, audit };
}
